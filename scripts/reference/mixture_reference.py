"""Independent SciPy references for the defective-subpopulation (LFP) and mixture families.

Written from the formulas alone (no relmodel code): log-likelihood of the time-scale density, failures
ln f(t), suspensions ln S(t), counts as weights.

 (1) IC data (Meeker 1987, datasets/lifetime/ic_lfp1370.csv): weibull-lfp (p, eta, beta) and
     lognormal-lfp (p, mu, sigma), F = p F0.
 (2) Doganaksoy et al. (2002) voltage endurance (datasets/lifetime/doganaksoy_voltage_two_modes.csv,
     mode column ignored): 2-component Weibull mixture and 2-component lognormal mixture,
     f = p1 f1 + (1 - p1) f2, components ordered by scale (eta or e^mu).

Each maximum: many starts (a grid over p and the split of the failures, plus random perturbations),
Nelder-Mead then BFGS on unconstrained parameters (logit p, log scale or mu, log shape or log sigma),
then Newton polish with a central-difference Hessian until the gradient norm is below 1e-8. Starts
that end with a component on one failure time (shape above 1e3 or sigma below 1e-3, the unbounded
spikes of a mixture likelihood) are reported and excluded.

Run: python3 scripts/reference/mixture_reference.py
"""
import os
import numpy as np
from scipy import optimize, special

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def load(name):
    t, e, n = [], [], []
    with open(os.path.join(ROOT, "datasets", "lifetime", name)) as f:
        next(f)
        for line in f:
            fields = line.strip().split(",")
            if len(fields) < 3:
                continue
            t.append(float(fields[0])); e.append(int(fields[1])); n.append(float(fields[2]))
    t, e, n = np.array(t), np.array(e), np.array(n)
    return t[e == 1], n[e == 1], t[e == 0], n[e == 0]


# Base families: (log f, log S, log F) of t with two parameters.
def weib_logf(t, eta, beta):
    z = t / eta
    return np.log(beta / eta) + (beta - 1) * np.log(z) - z ** beta


def weib_logS(t, eta, beta):
    return -(t / eta) ** beta


def weib_logF(t, eta, beta):
    return np.log(-np.expm1(-(t / eta) ** beta))


def logn_logf(t, mu, sigma):
    z = (np.log(t) - mu) / sigma
    return -0.5 * z * z - 0.5 * np.log(2 * np.pi) - np.log(sigma * t)


def logn_logS(t, mu, sigma):
    return special.log_ndtr(-(np.log(t) - mu) / sigma)


def logn_logF(t, mu, sigma):
    return special.log_ndtr((np.log(t) - mu) / sigma)


BASES = {
    "weibull": (weib_logf, weib_logS, weib_logF, lambda u: (np.exp(u[0]), np.exp(u[1]))),
    "lognormal": (logn_logf, logn_logS, logn_logF, lambda u: (u[0], np.exp(u[1]))),
}


def lfp_ll(kind, data):
    logf, logS, logF, nat = BASES[kind]
    tf, nf, ts, ns = data

    def ll(u):
        p = special.expit(u[0])
        a, b = nat(u[1:3])
        with np.errstate(all="ignore"):
            v = np.sum(nf * (np.log(p) + logf(tf, a, b)))
            v += np.sum(ns * np.log1p(-p * np.exp(logF(ts, a, b))))
        return v if np.isfinite(v) else -np.inf
    return ll


def mix_ll(kind, data):
    logf, logS, _, nat = BASES[kind]
    tf, nf, ts, ns = data

    def ll(u):
        p = special.expit(u[0])
        a1, b1 = nat(u[1:3])
        a2, b2 = nat(u[3:5])
        with np.errstate(all="ignore"):
            v = np.sum(nf * np.logaddexp(np.log(p) + logf(tf, a1, b1), np.log1p(-p) + logf(tf, a2, b2)))
            v += np.sum(ns * np.logaddexp(np.log(p) + logS(ts, a1, b1), np.log1p(-p) + logS(ts, a2, b2)))
        return v if np.isfinite(v) else -np.inf
    return ll


def grad_hess(f, u, h=1e-5):
    k = len(u)
    g = np.zeros(k)
    H = np.zeros((k, k))
    for i in range(k):
        e = np.zeros(k); e[i] = h
        g[i] = (f(u + e) - f(u - e)) / (2 * h)
        for j in range(i, k):
            d = np.zeros(k); d[j] = h
            H[i, j] = H[j, i] = (f(u + e + d) - f(u + e - d) - f(u - e + d) + f(u - e - d)) / (4 * h * h)
    return g, H


def polish(f, u):
    for _ in range(50):
        g, H = grad_hess(f, u)
        if np.linalg.norm(g) < 1e-8:
            break
        try:
            step = np.linalg.solve(-H, g)
        except np.linalg.LinAlgError:
            break
        t = 1.0
        while t > 1e-6 and not f(u + t * step) >= f(u) - 1e-12:
            t /= 2
        u = u + t * step
    g, H = grad_hess(f, u)
    return u, np.linalg.norm(g), np.all(np.linalg.eigvalsh(H) < 0)


def maximise(f, starts):
    best = None
    for u0 in starts:
        if not np.isfinite(f(np.array(u0))):
            continue
        r = optimize.minimize(lambda u: -f(u), u0, method="Nelder-Mead",
                              options={"maxiter": 20000, "maxfev": 20000, "xatol": 1e-10, "fatol": 1e-12})
        r = optimize.minimize(lambda u: -f(u), r.x, method="BFGS", options={"gtol": 1e-9})
        u = r.x
        if best is None or f(u) > best[1]:
            best = (u, f(u))
    u, gnorm, negdef = polish(f, best[0])
    return u, f(u), gnorm, negdef


def report(names, values, ll, gnorm, negdef):
    print("  " + ", ".join(f"{n} {v:.10g}" for n, v in zip(names, values)))
    print(f"  LL {ll:.10f}  (gradient norm {gnorm:.1e}, Hessian negative definite: {negdef})")


def lfp():
    data = load("ic_lfp1370.csv")
    tf, nf, ts, ns = data
    frac = nf.sum() / (nf.sum() + ns.sum())
    rng = np.random.default_rng(1)
    for kind, names in [("weibull", ["p", "eta", "beta"]), ("lognormal", ["p", "mu", "sigma"])]:
        f = lfp_ll(kind, data)
        starts = []
        for p in [1.2 * frac, 2 * frac, 5 * frac, 0.5]:
            for a in [np.log(10.0), np.log(100.0), np.log(1000.0)]:
                for b in [np.log(0.3), np.log(1.0), np.log(2.0)]:
                    starts.append([special.logit(p), a, b])
        starts += [list(np.array(s) + rng.normal(0, 0.5, 3)) for s in starts[:10]]
        u, ll, g, nd = maximise(f, starts)
        a, b = BASES[kind][3](u[1:3])
        print(f"=== {kind}-lfp on ic_lfp1370.csv")
        report(names, [special.expit(u[0]), a, b], ll, g, nd)


def mixtures():
    data = load("doganaksoy_voltage_two_modes.csv")
    tf, nf, ts, ns = data
    order = np.sort(np.repeat(tf, nf.astype(int)))
    rng = np.random.default_rng(2)
    for kind, names in [("weibull", ["p1", "eta1", "beta1", "eta2", "beta2"]),
                        ("lognormal", ["p1", "mu1", "sigma1", "mu2", "sigma2"])]:
        f = mix_ll(kind, data)
        nat = BASES[kind][3]
        starts = []
        for cut in [0.15, 0.25, 0.35, 0.5, 0.65, 0.8]:
            i = max(2, int(cut * len(order)))
            lo, hi = order[:i], order[i:]
            for p in [cut * 0.8, cut, 0.5]:
                if kind == "weibull":
                    s = [special.logit(p), np.log(lo.mean()), np.log(1.0), np.log(hi.mean() * 1.1), np.log(3.0)]
                else:
                    s = [special.logit(p), np.log(lo).mean(), np.log(max(np.log(lo).std(), 0.3)),
                         np.log(hi).mean(), np.log(max(np.log(hi).std(), 0.1))]
                starts.append(s)
        starts += [list(np.array(s) + rng.normal(0, 0.3, 5)) for s in starts for _ in range(2)]
        best = None
        spikes = 0
        for u0 in starts:
            u, ll, g, nd = maximise(f, [u0])
            a1, b1 = nat(u[1:3]); a2, b2 = nat(u[3:5])
            shapes = [b1, b2] if kind == "weibull" else [1 / b1, 1 / b2]
            if max(shapes) > 1e3 or not np.isfinite(ll):
                spikes += 1
                continue
            if best is None or ll > best[1] + 1e-9:
                best = (u, ll, g, nd)
        u, ll, g, nd = best
        p = special.expit(u[0])
        c1, c2 = nat(u[1:3]), nat(u[3:5])
        scale = (lambda c: c[0]) if kind == "weibull" else (lambda c: np.exp(c[0]))
        if scale(c1) > scale(c2):
            p, c1, c2 = 1 - p, c2, c1
        print(f"=== {kind}-mixture2 on doganaksoy_voltage_two_modes.csv ({len(starts)} starts, {spikes} ended on a spike)")
        report(names, [p, c1[0], c1[1], c2[0], c2[1]], ll, g, nd)


if __name__ == "__main__":
    lfp()
    mixtures()
