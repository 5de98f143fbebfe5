"""IC data (n = 4156, 28 failures by 1370 h): limited-failure-population (defective subpopulation) fits.

F(t) = p F0(t) with F0 Weibull(eta, beta) or lognormal(mu, sigma); log-likelihood = sum over failures
count*log(p f0(t)) + count*log(1 - p F0(1370)) for the 4128 survivors.  Fitted with mle_common
(multi-start NM/BFGS on logit p / log parameters, mpmath Newton polish; observed information by
mpmath.diff at 50 digits).  Reports SEs, 95% Fisher bounds on p on the logit scale
(logit p +- z se(p)/(p(1-p))), 95% profile-likelihood (LR) bounds on p (LLmax - 1.920729), and what
surpyval's Weibull/LogNormal .fit(..., lfp=True) gives (its parameters re-evaluated in our LL).
Run: /work/venv-ref/bin/python scripts/reference/ic_lfp_defective.py
"""
import sys, os, math
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np
import mpmath as mp
from scipy import stats
from mle_common import Model, Data, load, fit, report, fmt, lr_bounds

rows = load("ic_lfp1370.csv")
d = Data.from_rows(rows)
print(f"n = {int(d.fn.sum() + d.cn.sum())}, failures = {int(d.fn.sum())}, suspensions = {int(d.cn.sum())}")


def tpow(t, b, M):
    return M.exp(b * M.log(t))


lfp_w = Model("LFP-weibull", ["p", "eta", "beta"], ["prob", "pos", "pos"],
              lambda t, q, M: M.log(q[0]) + M.log(q[2]) - M.log(q[1]) + (q[2] - 1) * M.log(t / q[1]) - tpow(t / q[1], q[2], M),
              lambda t, q, M: M.log1p(q[0] * M.expm1(-tpow(t / q[1], q[2], M))))
lfp_ln = Model("LFP-lognormal", ["p", "mu", "sigma"], ["prob", "real", "pos"],
               lambda t, q, M: M.log(q[0]) - M.log(t * q[2]) - 0.5 * M.log(2 * M.pi) - ((M.log(t) - q[1]) / q[2]) ** 2 / 2,
               lambda t, q, M: M.log1p(-q[0] * M.exp(M.log_ndtr((M.log(t) - q[1]) / q[2]))))
z = stats.norm.ppf(0.975)
out = {}
for model, centers in [(lfp_w, [[0.0067, 28.0, 0.5], [0.02, 200.0, 0.4], [0.007, 10.0, 0.7]]),
                       (lfp_ln, [[0.0069, 2.5, 2.2], [0.02, 5.0, 3.0], [0.007, 1.5, 1.5]])]:
    r = fit(model, d, centers, n_random=30, spread=1.0)
    report(model, r)
    p, se = r["p"][0], mp.sqrt(r["cov"][0, 0])
    u, su = mp.log(p / (1 - p)), se / (p * (1 - p))
    print(f"  95% Fisher bounds on p (logit): [{fmt(1/(1+mp.exp(-(u - z*su))), 12)}, {fmt(1/(1+mp.exp(-(u + z*su))), 12)}]")
    lo, hi = lr_bounds(model, d, r, 0)
    print(f"  95% LR (profile) bounds on p:   [{fmt(lo, 12)}, {fmt(hi, 12)}]")
    out[model.name] = r

print("=== surpyval, lfp=True")
try:
    import surpyval as surv
    x = np.array([r[0] for r in rows]); c = np.array([0 if r[1] == 1 else 1 for r in rows]); n = np.array([r[2] for r in rows])
    for name, dist, model in [("Weibull", surv.Weibull, lfp_w), ("LogNormal", surv.LogNormal, lfp_ln)]:
        m = dist.fit(x, c, n, lfp=True)
        q = [float(m.lfp_p)] + [float(v) for v in m.params]
        print(f"  surpyval {name}.fit(lfp=True): lfp_p {q[0]:.10g}, params {q[1]:.10g}, {q[2]:.10g}; "
              f"surpyval LL {-m._neg_ll:.10g}; our LL at these {fmt(model.ll_mp(q, d), 12)}")
except Exception as e:
    print("  surpyval failed:", repr(e))
