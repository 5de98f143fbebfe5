"""Birnbaum-Saunders and inverse Gaussian censored MLE on the NIST 8.4.1.3 Weibull example (10 failures,
10 suspended at 500) and the shock absorber data (modes ignored: 11 failures, 27 suspensions).

BS(alpha, beta): S = Phi(-xi), xi = (sqrt(t/beta) - sqrt(beta/t))/alpha,
   log f = -log(2 alpha beta sqrt(2 pi)) + log(sqrt(beta/t) + (beta/t)^1.5) - xi^2/2.
IG(mu, lambda): log f = 0.5 log(lambda/(2 pi t^3)) - lambda (t-mu)^2/(2 mu^2 t),
   S = Phi(-a) - exp(2 lambda/mu) Phi(-b), a = sqrt(lambda/t)(t/mu - 1), b = sqrt(lambda/t)(t/mu + 1)
   (evaluated as log Phi(-a) + log(1 - exp(2 lambda/mu + log Phi(-b) - log Phi(-a))) in float; directly in mpmath).
Fitted with mle_common (multi-start + mpmath Newton polish, observed information by mpmath.diff);
95% profile-likelihood (LR) bounds for each parameter (LLmax - chi2(0.95,1)/2).
Run: /work/venv-ref/bin/python scripts/reference/bs_ig_censored.py
"""
import sys, os, math
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np
from mle_common import Model, Data, load, fit, report, fmt, lr_bounds


def bs_xi(t, a, b, M):
    return (M.sqrt(t / b) - M.sqrt(b / t)) / a


bs = Model("birnbaum-saunders", ["alpha", "beta"], ["pos", "pos"],
           lambda t, q, M: -M.log(2 * q[0] * q[1] * M.sqrt(2 * M.pi)) + M.log(M.sqrt(q[1] / t) + (q[1] / t) ** 1.5)
           - bs_xi(t, q[0], q[1], M) ** 2 / 2,
           lambda t, q, M: M.log_ndtr(-bs_xi(t, q[0], q[1], M)))


def ig_logS(t, q, M):
    mu, lam = q
    a = M.sqrt(lam / t) * (t / mu - 1)
    b = M.sqrt(lam / t) * (t / mu + 1)
    return M.logsubexp(M.log_ndtr(-a), 2 * lam / mu + M.log_ndtr(-b))


ig = Model("inverse-gaussian", ["mu", "lambda"], ["pos", "pos"],
           lambda t, q, M: 0.5 * M.log(q[1] / (2 * M.pi * t ** 3)) - q[1] * (t - q[0]) ** 2 / (2 * q[0] ** 2 * t),
           ig_logS)

for fname in ["nist_8_4_1_3_weibull_example.csv", "shock_absorber.csv"]:
    d = Data.from_rows(load(fname))
    print(f"===== {fname}: {int(d.fn.sum())} failures, {int(d.cn.sum())} suspensions")
    tm = float(np.median(np.concatenate([d.f, d.c])))
    for model, centers in [(bs, [[0.5, tm], [1.0, 2 * tm], [0.3, 0.7 * tm], [2.0, 5 * tm]]),
                           (ig, [[tm, 5 * tm], [2 * tm, tm], [1.5 * tm, 20 * tm], [3 * tm, 3 * tm]])]:
        r = fit(model, d, centers, n_random=30, spread=1.5)
        report(model, r)
        for i, n in enumerate(model.pnames):
            lo, hi = lr_bounds(model, d, r, i)
            print(f"  95% LR bounds {n:>7}: [{fmt(lo, 12)}, {fmt(hi, 12)}]")

# mu -> inf limit of the IG (Levy distribution with scale lambda: F = 2 Phi(-sqrt(lambda/t))):
# its maximised LL shows whether the upper LR bound of mu is open (LLmax - LL_limit < 1.920729).
from scipy import optimize, special
for fname in ["nist_8_4_1_3_weibull_example.csv", "shock_absorber.csv"]:
    d = Data.from_rows(load(fname))
    def ll_levy(lam):
        lf = 0.5 * np.log(lam / (2 * np.pi * d.f ** 3)) - lam / (2 * d.f)
        ls = np.log1p(-2 * special.ndtr(-np.sqrt(lam / d.c)))
        return float(np.sum(d.fn * lf) + np.sum(d.cn * ls))
    r = optimize.minimize_scalar(lambda u: -ll_levy(math.exp(u)), bounds=(0, 20), method="bounded",
                                 options={"xatol": 1e-12})
    print(f"{fname}: IG mu -> inf limit (Levy): max LL = {-r.fun:.10f} at lambda = {math.exp(r.x):.8g}")
