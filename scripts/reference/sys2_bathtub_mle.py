"""SYS2 software failure times (86, complete sample): bathtub-family MLEs.

Fits by maximum likelihood (mle_common: multi-start Nelder-Mead/BFGS in log parameters, then Newton
polish in mpmath at 50 digits; gradient and Hessian by mpmath.diff) the Chen, exponential-power,
Weibull, modified Weibull (Lai, Xie & Murthy 2003), Weibull extension (Xie, Tang & Goh 2002), Hjorth and
additive Weibull models, and prints parameters, LL, max |gradient|, observed-information covariance
(inverse of the negative Hessian) and the time of the hazard minimum (closed form where it exists,
checked against a numerical minimisation of h on a log grid + bounded Brent).
Also 95% profile-likelihood (LR) bounds for every parameter of Chen and exponential-power.
Run: /work/venv-ref/bin/python scripts/reference/sys2_bathtub_mle.py
"""
import math
import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np
import mpmath as mp
from scipy import optimize
from mle_common import Model, Data, load, fit, report, lr_bounds, fmt, NP

d = Data.from_rows(load("reliar_sys2_software_failures.csv"))
assert d.f.size == 86 and d.c.size == 0


def tpow(t, b, M):
    return M.exp(b * M.log(t))


# ---- models: logf = log h + log S
def chen_logS(t, p, M):
    b, lam = p
    return -lam * M.expm1(tpow(t, b, M))
def chen_logf(t, p, M):
    b, lam = p
    return M.log(lam) + M.log(b) + (b - 1) * M.log(t) + tpow(t, b, M) + chen_logS(t, p, M)
def chen_h(t, p):
    b, lam = p
    return lam * b * t ** (b - 1) * np.exp(t ** b)

def ep_logS(t, p, M):
    a, lam = p
    return -M.expm1(tpow(lam * t, a, M))
def ep_logf(t, p, M):
    a, lam = p
    return M.log(a) + M.log(lam) + (a - 1) * M.log(lam * t) + tpow(lam * t, a, M) + ep_logS(t, p, M)
def ep_h(t, p):
    a, lam = p
    return a * lam * (lam * t) ** (a - 1) * np.exp((lam * t) ** a)

def wb_logS(t, p, M):
    eta, b = p
    return -tpow(t / eta, b, M)
def wb_logf(t, p, M):
    eta, b = p
    return M.log(b) - M.log(eta) + (b - 1) * M.log(t / eta) + wb_logS(t, p, M)

def mw_logS(t, p, M):
    a, b, lam = p
    return -a * tpow(t, b, M) * M.exp(lam * t)
def mw_logf(t, p, M):
    a, b, lam = p
    return M.log(a) + M.log(b + lam * t) + (b - 1) * M.log(t) + lam * t + mw_logS(t, p, M)
def mw_h(t, p):
    a, b, lam = p
    return a * (b + lam * t) * t ** (b - 1) * np.exp(lam * t)

def we_logS(t, p, M):
    al, b, lam = p
    return -lam * al * M.expm1(tpow(t / al, b, M))
def we_logf(t, p, M):
    al, b, lam = p
    return M.log(lam) + M.log(b) + (b - 1) * M.log(t / al) + tpow(t / al, b, M) + we_logS(t, p, M)
def we_h(t, p):
    al, b, lam = p
    return lam * b * (t / al) ** (b - 1) * np.exp((t / al) ** b)

def hj_logS(t, p, M):
    de, th, be = p
    return -de * t * t / 2 - (th / be) * M.log1p(be * t)
def hj_logf(t, p, M):
    de, th, be = p
    return M.log(de * t + th / (1 + be * t)) + hj_logS(t, p, M)
def hj_h(t, p):
    de, th, be = p
    return de * t + th / (1 + be * t)

def aw_logS(t, p, M):
    e1, b1, e2, b2 = p
    return -tpow(t / e1, b1, M) - tpow(t / e2, b2, M)
def aw_logf(t, p, M):
    e1, b1, e2, b2 = p
    h = (b1 / e1) * tpow(t / e1, b1 - 1, M) + (b2 / e2) * tpow(t / e2, b2 - 1, M)
    return M.log(h) + aw_logS(t, p, M)
def aw_h(t, p):
    e1, b1, e2, b2 = p
    return (b1 / e1) * (t / e1) ** (b1 - 1) + (b2 / e2) * (t / e2) ** (b2 - 1)


def numeric_hazard_min(h, p):
    """numerical minimiser of the hazard on (0.01, 1e5): log grid then bounded Brent in log t."""
    p = [float(x) for x in p]
    g = np.exp(np.linspace(math.log(1e-2), math.log(1e5), 20001))
    with np.errstate(all="ignore"):
        hv = h(g, p)
    k = int(np.nanargmin(hv))
    if k == 0 or k == g.size - 1:
        return None
    r = optimize.minimize_scalar(lambda u: h(math.exp(u), p), bounds=(math.log(g[k - 1]), math.log(g[k + 1])),
                                 method="bounded", options={"xatol": 1e-13})
    return math.exp(r.x)


models = [
    (Model("chen", ["beta", "lambda"], ["pos", "pos"], chen_logf, chen_logS),
     [[0.26, 0.0073], [0.5, 0.01], [0.15, 0.001]],
     lambda p: ((1 - p[0]) / p[0]) ** (1 / p[0]), chen_h, "((1-beta)/beta)^(1/beta)"),
    (Model("exponential-power", ["alpha", "lambda"], ["pos", "pos"], ep_logf, ep_logS),
     [[0.9, 0.0015], [0.5, 0.001], [1.2, 0.003]],
     lambda p: (1 / p[1]) * ((1 - p[0]) / p[0]) ** (1 / p[0]), ep_h, "(1/lambda)((1-alpha)/alpha)^(1/alpha)"),
    (Model("weibull", ["eta", "beta"], ["pos", "pos"], wb_logf, wb_logS),
     [[400.0, 1.17], [200.0, 0.8]], None, None, None),
    (Model("modified-weibull", ["a", "b", "lambda"], ["pos", "pos", "pos"], mw_logf, mw_logS),
     [[1e-3, 0.9, 1e-3], [1e-2, 0.5, 1e-3], [1e-3, 1.0, 1e-4], [0.05, 0.3, 3e-3]],
     lambda p: (mp.sqrt(p[1]) - p[1]) / p[2] if p[1] < 1 else None, mw_h, "(sqrt(b)-b)/lambda"),
    (Model("weibull-extension", ["alpha", "beta", "lambda"], ["pos", "pos", "pos"], we_logf, we_logS),
     [[100.0, 0.5, 0.005], [1000.0, 0.9, 0.002], [300.0, 0.3, 0.01], [3000.0, 0.5, 1e-3]],
     lambda p: p[0] * ((1 - p[1]) / p[1]) ** (1 / p[1]) if p[1] < 1 else None, we_h,
     "alpha((1-beta)/beta)^(1/beta)"),
    (Model("hjorth", ["delta", "theta", "beta"], ["pos", "pos", "pos"], hj_logf, hj_logS),
     [[1e-6, 0.003, 0.01], [1e-5, 0.005, 0.1], [1e-7, 0.002, 0.001]],
     lambda p: (mp.sqrt(p[1] * p[2] / p[0]) - 1) / p[2] if p[1] * p[2] > p[0] else None, hj_h,
     "h'(t)=delta-theta*beta/(1+beta t)^2=0 => t*=(sqrt(theta*beta/delta)-1)/beta"),
]

results = {}
for model, centers, tmin, h, formula in models:
    res = fit(model, d, centers, n_random=40, spread=1.5)
    report(model, res)
    results[model.name] = res
    if tmin is not None:
        tc = tmin(res["p"])
        tn = numeric_hazard_min(h, res["p"])
        print(f"  hazard minimum: closed form {formula} = {fmt(tc, 12)}; numerical = "
              f"{'%.10g' % tn if tn else 'none (monotone on grid)'}")
        if tc is not None:
            print(f"  h(t*) = {fmt(h(float(tc), [float(x) for x in res['p']]), 12)}")

# ---- additive Weibull: the likelihood is unbounded.  Along eta2 = largest failure time, beta2 -> inf,
# log h(t_max) ~ log(beta2/eta2) -> +inf while every other term stays bounded, so sup LL = +inf.
# An unrestricted multistart wanders off along that ridge (float LL garbage), so instead report
# (i) the interior local maximum (starts near beta2 ~ 20, found from a profile over beta2), and
# (ii) the LL along the degenerate path.
aw = Model("additive-weibull", ["eta1", "beta1", "eta2", "beta2"], ["pos"] * 4, aw_logf, aw_logS)
from mle_common import multistart
print("--- additive-weibull: profile LL over beta2 (others re-maximised, local search):")
for b2 in [1.5, 2, 3, 5, 10, 15, 20, 25, 30, 40]:
    q, llq = multistart(aw, d, [[425.0, 1.05, 974.0, b2], [500.0, 0.9, 900.0, b2]], n_random=4, spread=0.3,
                        fixed={3: b2})
    print(f"   beta2={b2:6.2f}  LL={llq:.10f}  eta1={q[0]:.8g} beta1={q[1]:.8g} eta2={q[2]:.8g}")
res = fit(aw, d, [[425.0, 1.05, 974.0, 20.0]], n_random=20, spread=0.3)
report(aw, res, "(interior LOCAL maximum; the global supremum is +inf)")
pf = [float(x) for x in res["p"]]
print(f"  beta1 = {pf[1]:.8f} > 1 and beta2 > 1: hazard increasing, no interior minimum "
      f"(closed form t*^(b2-b1) = b1(1-b1)e2^b2/(b2(b2-1)e1^b1) needs b1 < 1 < b2)")
tmax = float(max(d.f))
print(f"--- additive-weibull along eta2 = t_max = {tmax} (eta1, beta1 re-maximised): LL -> +inf like log(beta2)")
for b2 in [50, 100, 1e3, 1e4, 1e6, 1e10, 1e20, 1e40]:
    q, llq = multistart(aw, d, [[403.0, 1.15, tmax, b2]], n_random=3, spread=0.3, fixed={2: tmax, 3: b2})
    q[2] = max(t for t, n in d.f_mp)  # the same mpf as the data point, so (t_max/eta2)^beta2 = 1 exactly
    print(f"   beta2={b2:8.3g}  LL={float(aw.ll_mp(q, d)):.10f}  eta1={q[0]:.8g} beta1={q[1]:.8g}")

for name in ["chen", "exponential-power"]:
    model = [m for m, *_ in models if m.name == name][0]
    res = results[name]
    print(f"--- 95% LR (profile) bounds, {name}  (LLmax - 1.920729)")
    for i, n in enumerate(model.pnames):
        lo, hi = lr_bounds(model, d, res, i)
        print(f"  {n:>8}: [{fmt(lo, 12)}, {fmt(hi, 12)}]")
