"""Independent maximum-likelihood references for the bathtub families (tests in Tests/LifetimeTests/Families).

Data: SYS2 (datasets/lifetime/reliar_sys2_software_failures.csv, 86 failure times, complete) and the
Doganaksoy two-mode voltage data (datasets/lifetime/doganaksoy_voltage_two_modes.csv, mode column ignored).

Method (shares nothing with the Swift code but the formulas): each model is a log-likelihood in its
natural parameters written with numpy functions that accept complex arguments; the search runs
Nelder-Mead then BFGS on log parameters from many starts (a fixed grid of starts plus seeded random
ones); the best point is polished by Newton steps on log parameters whose gradient is exact by complex
step (Im f(x + i h)/h, h = 1e-30) and whose Hessian is central differences of that gradient, until the
largest gradient entry (natural and log scale) is below 1e-8. A parameter that runs to the edge of its
range (below 1e-8 or above 1e8 times its start) is printed as such: the maximum is then on the boundary.

Also prints the hazard minimum: closed form at the estimate and a numerical minimum of ln h on a log-time
grid polished by bounded Brent (scipy.optimize.minimize_scalar).
Run: python3 scripts/reference/bathtub_sys2_fits.py   (numpy, scipy 1.17)
"""
import csv
import math
import os

import warnings

import numpy as np
from scipy import optimize

np.seterr(all="ignore")
warnings.filterwarnings("ignore")

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "datasets", "lifetime")


def load(name):
    f, c = [], []
    with open(os.path.join(DATA, name)) as fh:
        for r in csv.DictReader(fh):
            (f if r["event"] == "1" else c).extend([float(r["time"])] * int(r["count"]))
    return np.array(f), np.array(c)


def pw(x, b):
    return np.exp(b * np.log(x))


# Each model: (log h(t, p), H(t, p)) in natural parameters, in the order of the CLI contract.
def chen(t, p):
    lam, b = p
    return np.log(lam) + np.log(b) + (b - 1) * np.log(t) + pw(t, b), lam * np.expm1(pw(t, b))


def expo_power(t, p):
    a, lam = p
    z = pw(lam * t, a)
    return np.log(a) + np.log(lam) + (a - 1) * np.log(lam * t) + z, np.expm1(z)


def weibull(t, p):
    eta, b = p
    return np.log(b / eta) + (b - 1) * np.log(t / eta), pw(t / eta, b)


def modified_weibull(t, p):
    a, b, lam = p
    return np.log(a) + np.log(b + lam * t) + (b - 1) * np.log(t) + lam * t, a * pw(t, b) * np.exp(lam * t)


def weibull_extension(t, p):
    lam, al, b = p
    z = pw(t / al, b)
    return np.log(lam) + np.log(b) + (b - 1) * np.log(t / al) + z, lam * al * np.expm1(z)


def hjorth(t, p):
    de, th, be = p
    return np.log(de * t + th / (1 + be * t)), de * t * t / 2 + th / be * np.log1p(be * t)


def additive_weibull(t, p):
    e1, b1, e2, b2 = p
    h = b1 / e1 * pw(t / e1, b1 - 1) + b2 / e2 * pw(t / e2, b2 - 1)
    return np.log(h), pw(t / e1, b1) + pw(t / e2, b2)


def wew(t, p):
    e1, b1, lam, e2, b2 = p
    h = b1 / e1 * pw(t / e1, b1 - 1) + lam + b2 / e2 * pw(t / e2, b2 - 1)
    return np.log(h), pw(t / e1, b1) + lam * t + pw(t / e2, b2)


def loglik(model, data, p):
    f, c = data
    lh, H = model(f, p)
    ll = np.sum(lh - H)
    if c.size:
        ll = ll - np.sum(model(c, p)[1])
    return ll


def nll_log(model, data, u):
    with np.errstate(all="ignore"):
        v = loglik(model, data, np.exp(u))
    v = float(np.real(v))
    return -v if np.isfinite(v) else 1e300


def grad_log(model, data, u):
    """Exact gradient of LL in u = ln p by complex step."""
    g = np.zeros(len(u))
    for i in range(len(u)):
        z = np.array(u, dtype=complex)
        z[i] += 1e-30j
        g[i] = np.imag(loglik(model, data, np.exp(z))) / 1e-30
    return g


def hess_log(model, data, u, h=1e-5):
    k = len(u)
    H = np.zeros((k, k))
    for i in range(k):
        a, b = np.array(u, float), np.array(u, float)
        a[i] += h
        b[i] -= h
        H[:, i] = (grad_log(model, data, a) - grad_log(model, data, b)) / (2 * h)
    return (H + H.T) / 2


def fit(name, model, data, starts, n_random=60, spread=1.0, seed=1):
    rng = np.random.default_rng(seed)
    all_starts = [np.log(s) for s in starts]
    for _ in range(n_random):
        s = np.log(starts[rng.integers(len(starts))])
        all_starts.append(s + rng.normal(0, spread, len(s)))
    best = None
    for u0 in all_starts:
        r = optimize.minimize(lambda u: nll_log(model, data, u), u0, method="Nelder-Mead",
                              options={"maxiter": 20000, "xatol": 1e-10, "fatol": 1e-12})
        r = optimize.minimize(lambda u: nll_log(model, data, u), r.x, jac=lambda u: -grad_log(model, data, u),
                              method="BFGS", options={"gtol": 1e-9, "maxiter": 5000})
        if best is None or r.fun < best.fun:
            best = r
    u = best.x.copy()
    # Newton polish on log parameters (skipped, with a note, where the Hessian is not negative definite).
    note = ""
    for _ in range(100):
        g = grad_log(model, data, u)
        if np.max(np.abs(g)) < 1e-10:
            break
        H = hess_log(model, data, u)
        if np.any(np.linalg.eigvalsh(-H) <= 0):
            note = " (Hessian not negative definite: boundary or ridge)"
            break
        u = u - np.linalg.solve(H, g)
    p = np.exp(u)
    g_log = grad_log(model, data, u)
    g_nat = g_log / p
    ll = loglik(model, data, p)
    edge = [i for i in range(len(u)) if abs(u[i] - np.log(starts[0][i])) > math.log(1e8)]
    print(f"--- {name}{note}")
    print("    p = [" + ", ".join(f"{x:.12g}" for x in p) + f"]  LL = {ll:.12f}")
    print(f"    max|grad| log scale {np.max(np.abs(g_log)):.2e}, natural {np.max(np.abs(g_nat)):.2e}")
    if edge:
        print(f"    parameters {edge} ran to the edge of their range: the maximum is on the boundary")
    return p, ll


def numerical_minimum(model, p, lo=1e-3, hi=1e5):
    g = np.exp(np.linspace(math.log(lo), math.log(hi), 40001))
    with np.errstate(all="ignore"):
        lh = np.real(model(g, p)[0])
    k = int(np.nanargmin(lh))
    if k == 0 or k == g.size - 1:
        return None
    r = optimize.minimize_scalar(lambda s: float(np.real(model(np.array([math.exp(s)]), p)[0][0])),
                                 bounds=(math.log(g[k - 1]), math.log(g[k + 1])), method="bounded",
                                 options={"xatol": 1e-12})
    return math.exp(r.x)


def report_minimum(model, p, closed):
    n = numerical_minimum(model, p)
    print(f"    hazard minimum: closed form {closed:.12g}, numerical {n if n is None else f'{n:.12g}'}")


sys2 = load("reliar_sys2_software_failures.csv")
assert sys2[0].size == 86 and sys2[1].size == 0

p, _ = fit("chen (lambda, beta)", chen, sys2, [[0.0073, 0.26], [0.01, 0.5], [0.001, 0.15]])
report_minimum(chen, p, ((1 - p[1]) / p[1]) ** (1 / p[1]))
p, _ = fit("exponential-power (alpha, lambda)", expo_power, sys2, [[0.9, 0.0015], [0.5, 0.001], [1.2, 0.003]])
report_minimum(expo_power, p, (1 / p[1]) * ((1 - p[0]) / p[0]) ** (1 / p[0]))
fit("weibull (eta, beta)", weibull, sys2, [[400.0, 1.17], [200.0, 0.8]])
p, _ = fit("modified-weibull (a, b, lambda)", modified_weibull, sys2,
           [[1e-3, 0.9, 1e-3], [1e-2, 0.5, 1e-3], [1e-3, 1.0, 1e-4], [0.05, 0.3, 3e-3]])
report_minimum(modified_weibull, p, (math.sqrt(p[1]) - p[1]) / p[2])
p, _ = fit("weibull-extension (lambda, alpha, beta)", weibull_extension, sys2,
           [[0.005, 100.0, 0.5], [0.002, 1000.0, 0.9], [0.01, 300.0, 0.3], [1e-3, 3000.0, 0.5]])
report_minimum(weibull_extension, p, p[1] * ((1 - p[2]) / p[2]) ** (1 / p[2]))
p, _ = fit("hjorth (delta, theta, beta)", hjorth, sys2,
           [[1e-6, 0.003, 0.01], [1e-5, 0.005, 0.1], [1e-7, 0.002, 0.001]])
report_minimum(hjorth, p, (math.sqrt(p[1] * p[2] / p[0]) - 1) / p[2])

dog = load("doganaksoy_voltage_two_modes.csv")
p, _ = fit("doganaksoy additive-weibull (eta1, beta1, eta2, beta2)", additive_weibull, dog,
           [[1200.0, 0.63, 344.0, 5.6], [1000.0, 0.8, 300.0, 4.0], [2000.0, 0.5, 400.0, 7.0]], spread=0.5)
e1, b1, e2, b2 = p
report_minimum(additive_weibull, p, (b1 * (1 - b1) * e2 ** b2 / (b2 * (b2 - 1) * e1 ** b1)) ** (1 / (b2 - b1)))
p, _ = fit("doganaksoy weibull-exponential-weibull (eta1, beta1, lambda, eta2, beta2)", wew, dog,
           [[1200.0, 0.63, 1e-5, 344.0, 5.6], [1000.0, 0.5, 1e-4, 330.0, 5.0]], spread=0.5)
