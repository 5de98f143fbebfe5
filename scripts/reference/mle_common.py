"""Shared helpers for the censored-MLE reference scripts in this folder (not run on its own).

Each model is written once, as per-observation log f(t) and log S(t) in terms of a small math namespace,
so the same formula is evaluated
  * vectorised in float64 with numpy/scipy (namespace NP) for the multi-start search, and
  * in mpmath at 50 digits (namespace MP) for the Newton polish, the gradient check and the observed
    information (gradient and Hessian by mpmath.diff, i.e. high-precision numerical differentiation).

Log-likelihood convention: sum over failures of count*log f(t) + sum over right-censored of count*log S(t).

Fitting: many random starts (Nelder-Mead then BFGS on log / logit transformed parameters), the best one
polished by Newton steps on the natural parameters in mpmath until |grad| < 1e-20 or so; the max abs
gradient at the reported optimum is printed.  Profile-likelihood (LR) bounds: for each parameter the
others are re-maximised (warm start, then mpmath Newton) and the crossing of LLmax - chi2(0.95,1)/2 is
found by Brent's method in the transformed coordinate.
Run with the venv at /work/venv-ref (numpy, scipy, mpmath, reliability, surpyval).
"""
import csv
import math
import os
import warnings

import mpmath as mp
import numpy as np
from scipy import optimize, special, stats

mp.mp.dps = 50
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "datasets", "lifetime")
CHI2_HALF = stats.chi2.ppf(0.95, 1) / 2.0  # 1.9207294103...
warnings.filterwarnings("ignore")


class NP:
    exp = staticmethod(np.exp)
    log = staticmethod(np.log)
    sqrt = staticmethod(np.sqrt)
    log1p = staticmethod(np.log1p)
    expm1 = staticmethod(np.expm1)
    log_ndtr = staticmethod(special.log_ndtr)
    pi = math.pi

    @staticmethod
    def logaddexp(a, b):
        return np.logaddexp(a, b)

    @staticmethod
    def logsubexp(a, b):  # log(e^a - e^b), a > b
        return a + np.log1p(-np.exp(b - a))


class MP:
    exp = staticmethod(mp.exp)
    log = staticmethod(mp.log)
    sqrt = staticmethod(mp.sqrt)
    log1p = staticmethod(mp.log1p)
    expm1 = staticmethod(mp.expm1)
    pi = mp.pi

    @staticmethod
    def log_ndtr(x):
        return mp.log(mp.ncdf(x))

    @staticmethod
    def logaddexp(a, b):
        return mp.log(mp.exp(a) + mp.exp(b))

    @staticmethod
    def logsubexp(a, b):
        return mp.log(mp.exp(a) - mp.exp(b))


def load(name, mode=None):
    """Returns list of (time, event, count, mode) rows."""
    rows = []
    with open(os.path.join(DATA, name)) as fh:
        for r in csv.DictReader(fh):
            rows.append((float(r["time"]), int(r["event"]), int(r["count"]), (r.get("mode") or "").strip()))
    return rows


class Data:
    def __init__(self, fail, fail_n, cens, cens_n):
        self.f = np.asarray(fail, float)
        self.fn = np.asarray(fail_n, float)
        self.c = np.asarray(cens, float)
        self.cn = np.asarray(cens_n, float)
        self.f_mp = [(mp.mpf(repr(float(t))), int(n)) for t, n in zip(self.f, self.fn)]
        self.c_mp = [(mp.mpf(repr(float(t))), int(n)) for t, n in zip(self.c, self.cn)]

    @staticmethod
    def from_rows(rows, failure_mode=None):
        """failure_mode=None: every failure counts; else only failures of that mode count, the other
        modes' failures become suspensions."""
        f, fn, c, cn = [], [], [], []
        for t, e, n, m in rows:
            if e == 1 and (failure_mode is None or m == failure_mode):
                f.append(t); fn.append(n)
            else:
                c.append(t); cn.append(n)
        return Data(f, fn, c, cn)


class Model:
    """kinds: per parameter 'pos' (log transform), 'prob' (logit), 'real'."""

    def __init__(self, name, pnames, kinds, logf, logS):
        self.name, self.pnames, self.kinds, self.logf, self.logS = name, pnames, kinds, logf, logS

    def to_u(self, p):
        return np.array([math.log(v) if k == "pos" else (math.log(v / (1 - v)) if k == "prob" else v)
                         for v, k in zip(p, self.kinds)])

    def from_u(self, u):
        return [math.exp(x) if k == "pos" else (1 / (1 + math.exp(-x)) if k == "prob" else x)
                for x, k in zip(u, self.kinds)]

    def ll_np(self, p, d):
        with np.errstate(all="ignore"):
            s = 0.0
            if d.f.size:
                s += float(np.sum(d.fn * self.logf(d.f, p, NP)))
            if d.c.size:
                s += float(np.sum(d.cn * self.logS(d.c, p, NP)))
        return s if np.isfinite(s) else -1e300

    def ll_mp(self, p, d):
        p = [mp.mpf(x) for x in p]
        s = mp.mpf(0)
        for t, n in d.f_mp:
            s += n * self.logf(t, p, MP)
        for t, n in d.c_mp:
            s += n * self.logS(t, p, MP)
        return s


def grad_hess_mp(fun, p):
    """fun: callable of a list of mpf -> mpf.  Gradient and Hessian by mpmath.diff."""
    k = len(p)
    p = [mp.mpf(x) for x in p]
    f = lambda *a: fun(list(a))
    g = [mp.diff(f, p, tuple(1 if j == i else 0 for j in range(k))) for i in range(k)]
    H = mp.matrix(k, k)
    for i in range(k):
        for j in range(i, k):
            o = [0] * k
            o[i] += 1
            o[j] += 1
            H[i, j] = H[j, i] = mp.diff(f, p, tuple(o))
    return g, H


def newton_polish(fun, p, iters=30, tol=mp.mpf("1e-25"), fixed=None):
    """Maximise fun (list of mpf -> mpf) by Newton steps with step halving. Returns (p, g, H)."""
    p = [mp.mpf(x) for x in p]
    f0 = fun(p)
    for _ in range(iters):
        g, H = grad_hess_mp(fun, p)
        if max(abs(x) for x in g) < tol:
            break
        try:
            step = mp.lu_solve(H, mp.matrix(g))
        except ZeroDivisionError:
            break
        # trust region: no parameter moves by more than half its magnitude in one step
        cap = max([abs(step[i]) / (abs(p[i]) / 2 + mp.mpf("1e-30")) for i in range(len(p))] + [1])
        step = step / cap
        lam = mp.mpf(1)
        ok = False
        for _h in range(60):
            q = [p[i] - lam * step[i] for i in range(len(p))]
            try:
                fq = fun(q)
            except (ValueError, ZeroDivisionError):
                fq = None
            if fq is not None and mp.isfinite(fq) and mp.im(fq) == 0 and fq >= f0 - mp.mpf("1e-30"):
                ok = True
                break
            lam /= 2
        if not ok:
            break
        p, f0 = q, fq
    g, H = grad_hess_mp(fun, p)
    return p, g, H


def multistart(model, d, centers, n_random=60, spread=1.5, seed=1, fixed=None, box=None):
    """Random starts around each center (natural parameters) in the transformed space.
    fixed: dict index->value of parameters held fixed (for profiles); box: optional list of (lo, hi) per
    natural parameter (None = free) outside which the objective is rejected, used to keep searches off
    an unbounded-likelihood singularity.  Returns (best_p, best_ll)."""
    rng = np.random.default_rng(seed)
    free = [i for i in range(len(model.pnames)) if not (fixed and i in fixed)]

    def full(ufree):
        u = np.zeros(len(model.pnames))
        for k, i in enumerate(free):
            u[i] = ufree[k]
        p = model.from_u(u)
        if fixed:
            for i, v in fixed.items():
                p[i] = v
        return p

    def negll(ufree):
        try:
            p = full(ufree)
            if box is not None:
                for x, b in zip(p, box):
                    if b is not None and not (b[0] <= x <= b[1]):
                        return 1e300
            v = -model.ll_np(p, d)
        except (OverflowError, ValueError, ZeroDivisionError, FloatingPointError):
            return 1e300
        return v if np.isfinite(v) else 1e300

    best = (None, 1e301)
    starts = []
    for c in centers:
        uc = model.to_u(c)[free]
        starts.append(uc)
        for _ in range(n_random):
            starts.append(uc + rng.normal(0, spread, size=uc.size))
    for s in starts:
        r = optimize.minimize(negll, s, method="Nelder-Mead",
                              options={"maxiter": 4000, "xatol": 1e-10, "fatol": 1e-12})
        r2 = optimize.minimize(negll, r.x, method="BFGS", options={"gtol": 1e-9})
        x, fv = (r2.x, r2.fun) if r2.fun <= r.fun else (r.x, r.fun)
        if fv < best[1]:
            best = (x, fv)
    return full(best[0]), -best[1]


def fit(model, d, centers, n_random=60, spread=1.5, seed=1, polish=True, box=None):
    p, llf = multistart(model, d, centers, n_random, spread, seed, box=box)
    res = {"p_float": p, "ll_float": llf}
    if polish:
        fun = lambda q: model.ll_mp(q, d)
        pm, g, H = newton_polish(fun, p)
        res["p"] = pm
        res["ll"] = fun(pm)
        res["grad"] = g
        res["maxgrad"] = max(abs(x) for x in g)
        res["H"] = H
        try:
            res["cov"] = -mp.inverse(H)
        except ZeroDivisionError:
            res["cov"] = None
        res["negdef"] = all(e < 0 for e in mp.eigsy(H)[0])
    return res


def profile_value(model, d, i, v, start):
    """max over the other parameters with p_i = v; start: full natural-parameter vector (warm start)."""
    others = [j for j in range(len(model.pnames)) if j != i]
    p0, _ = multistart(model, d, [start], n_random=0, fixed={i: v})
    sub0 = [p0[j] for j in others]

    def fun(sub):
        q = [None] * len(model.pnames)
        q[i] = mp.mpf(v)
        for k, j in enumerate(others):
            q[j] = sub[k]
        return model.ll_mp(q, d)

    sub, g, H = newton_polish(fun, sub0)
    q = list(p0)
    for k, j in enumerate(others):
        q[j] = float(sub[k])
    q[i] = v
    return fun(sub), q


def lr_bounds(model, d, res, i, level_half=CHI2_HALF):
    """95% likelihood-ratio (profile) bounds of parameter i.  Returns (lower, upper)."""
    llmax = res["ll"]
    phat = [float(x) for x in res["p"]]
    kind = model.kinds[i]
    se = math.sqrt(float(res["cov"][i, i]))
    # work in transformed coordinate w
    if kind == "pos":
        w0, wse, tof = math.log(phat[i]), se / phat[i], math.exp
    elif kind == "prob":
        w0 = math.log(phat[i] / (1 - phat[i]))
        wse = se / (phat[i] * (1 - phat[i]))
        tof = lambda w: 1 / (1 + math.exp(-w))
    else:
        w0, wse, tof = phat[i], se, (lambda w: w)
    out = []
    for sgn in (-1, 1):
        warm = {"p": phat}

        def g(w):
            val, q = profile_value(model, d, i, tof(w), warm["p"])
            warm["p"] = q
            return float(val - llmax + mp.mpf(level_half))

        a = w0
        step = 2.5 * wse
        b = w0 + sgn * step
        gb = g(b)
        k = 0
        while gb > 0 and k < 40 and abs(b - w0) < 25:
            a = b
            step *= 1.6
            b = w0 + sgn * step
            gb = g(b)
            k += 1
        if gb > 0:
            print(f"    (profile of {model.pnames[i]} does not fall by {level_half:.6f} within a factor "
                  f"e^25 of the MLE on the {'upper' if sgn > 0 else 'lower'} side: bound open; "
                  f"LLmax - LLprofile there = {level_half - gb:.6g})")
            out.append(None)
            continue
        warm["p"] = phat
        lo, hi = (a, b) if a < b else (b, a)
        r = optimize.brentq(g, lo, hi, xtol=1e-14, rtol=1e-13)
        out.append(tof(r))
    return tuple(out)


def fmt(x, sig=12):
    if x is None:
        return "None"
    return mp.nstr(mp.mpf(x), sig) if not isinstance(x, str) else x


def report(model, res, extra=""):
    print(f"--- {model.name} {extra}")
    for n, v in zip(model.pnames, res["p"]):
        print(f"  {n:>8} = {fmt(v, 14)}")
    print(f"  LL = {fmt(res['ll'], 14)}   max|grad| = {fmt(res['maxgrad'], 3)}   "
          f"Hessian neg.def: {res['negdef']}   (float multistart LL {res['ll_float']:.12f})")
    if res.get("cov") is not None:
        c = res["cov"]
        k = len(model.pnames)
        print("  observed-information covariance:")
        for a in range(k):
            print("    " + "  ".join(f"{fmt(c[a, b], 10):>18}" for b in range(k)))
        print("  SE: " + ", ".join(f"{n} {fmt(mp.sqrt(c[a, a]) if c[a, a] > 0 else mp.nan, 10)}"
                                   for a, n in enumerate(model.pnames)))
