"""Shock absorber data (38 units) by failure mode: per-mode Weibull fits and the series system.

Each mode is fitted as a Weibull (eta, beta) with the other mode's failures and the survivors as
suspensions (mle_common: multistart + mpmath Newton polish, observed information by mpmath.diff).
Series reliability R(t) = R1(t) R2(t) at 10000 and 20000, the series B10 (R(t) = 0.9, solved by Brent to
1e-13 relative), and 95% Fisher (delta-method) bounds from the block-diagonal covariance of
theta = (log eta1, log beta1, log eta2, log beta2) (each block = J^-1 Cov J^-T, i.e. Var(log x) =
Var(x)/x^2 plus covariances, which equals the inverse observed information in log coordinates at the
MLE).  R(20000) bounds on the logit scale (and, for comparison, on log(-log R) and linear scales);
B10 bounds on log t, with d(log t)/d(theta) by implicit differentiation of sum (t/eta_i)^beta_i = -log 0.9.
Run: /work/venv-ref/bin/python scripts/reference/shock_absorber_modes.py
"""
import sys, os, math
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np
import mpmath as mp
from scipy import optimize, stats
from mle_common import Model, Data, load, fit, report, fmt

rows = load("shock_absorber.csv")
wb = Model("weibull", ["eta", "beta"], ["pos", "pos"],
           lambda t, q, M: M.log(q[1]) - M.log(q[0]) + (q[1] - 1) * M.log(t / q[0]) - M.exp(q[1] * M.log(t / q[0])),
           lambda t, q, M: -M.exp(q[1] * M.log(t / q[0])))
fits = {}
for m, c0 in [("Mode1", [31000.0, 3.4]), ("Mode2", [41000.0, 2.8])]:
    dm = Data.from_rows(rows, failure_mode=m)
    r = fit(wb, dm, [c0, [20000.0, 1.5]], n_random=20, spread=1.0)
    report(wb, r, f"{m}: {int(dm.fn.sum())} failures, {int(dm.cn.sum())} suspensions")
    fits[m] = r

mp.mp.dps = 30
eta = [fits[m]["p"][0] for m in ("Mode1", "Mode2")]
beta = [fits[m]["p"][1] for m in ("Mode1", "Mode2")]
# covariance of theta (log eta, log beta) per mode, block diagonal
C = mp.zeros(4, 4)
for k, m in enumerate(("Mode1", "Mode2")):
    c = fits[m]["cov"]
    p = fits[m]["p"]
    for i in range(2):
        for j in range(2):
            C[2 * k + i, 2 * k + j] = c[i, j] / (p[i] * p[j])
print("covariance of (log eta1, log beta1, log eta2, log beta2):")
for i in range(4):
    print("   " + "  ".join(f"{fmt(C[i, j], 10):>16}" for j in range(4)))


def R(t):
    return mp.exp(-sum((t / eta[i]) ** beta[i] for i in range(2)))


def dlogR(t):
    """gradient of log R wrt theta"""
    g = []
    for i in range(2):
        z = (t / eta[i]) ** beta[i]
        g += [beta[i] * z, -z * beta[i] * mp.log(t / eta[i])]
    return mp.matrix(g)


def quad(g):
    return (g.T * C * g)[0]


z = mp.mpf(stats.norm.ppf(0.975))
print(f"z(0.975) = {fmt(z, 16)}")
for t in (10000, 20000):
    t = mp.mpf(t)
    r = R(t)
    g = dlogR(t)
    print(f"series R({int(t)}) = {fmt(r, 12)}   (R1 = {fmt(mp.exp(-(t/eta[0])**beta[0]), 12)}, "
          f"R2 = {fmt(mp.exp(-(t/eta[1])**beta[1]), 12)})")
    # logit scale: u = log(R/(1-R)), du = dlogR / (1-R)
    se_u = mp.sqrt(quad(g)) / (1 - r)
    u = mp.log(r / (1 - r))
    lo, hi = 1 / (1 + mp.exp(-(u - z * se_u))), 1 / (1 + mp.exp(-(u + z * se_u)))
    print(f"   SE(R) delta = {fmt(mp.sqrt(quad(g)) * r, 10)}; 95% Fisher bounds, logit scale: "
          f"[{fmt(lo, 12)}, {fmt(hi, 12)}]")
    # log(-log R) scale
    v = mp.log(-mp.log(r))
    se_v = mp.sqrt(quad(g)) / (-mp.log(r))
    lo2, hi2 = mp.exp(-mp.exp(v + z * se_v)), mp.exp(-mp.exp(v - z * se_v))
    print(f"   95% Fisher bounds, log(-log R) scale: [{fmt(lo2, 12)}, {fmt(hi2, 12)}];  linear: "
          f"[{fmt(r - z * mp.sqrt(quad(g)) * r, 12)}, {fmt(r + z * mp.sqrt(quad(g)) * r, 12)}]")

# B10
target = -mp.log(mp.mpf("0.9"))
b10 = mp.findroot(lambda t: sum((t / eta[i]) ** beta[i] for i in range(2)) - target, mp.mpf(10000))
zs = [(b10 / eta[i]) ** beta[i] for i in range(2)]
dGdlogt = sum(beta[i] * zs[i] for i in range(2))
dG = mp.matrix([-beta[0] * zs[0], beta[0] * zs[0] * mp.log(b10 / eta[0]),
                -beta[1] * zs[1], beta[1] * zs[1] * mp.log(b10 / eta[1])])
gl = -dG / dGdlogt
se_l = mp.sqrt(quad(gl))
print(f"series B10 (R = 0.9) = {fmt(b10, 14)}   check R(B10) = {fmt(R(b10), 15)}")
print(f"   SE(log B10) = {fmt(se_l, 10)};  95% Fisher bounds (log scale): [{fmt(b10 * mp.exp(-z * se_l), 12)}, "
      f"{fmt(b10 * mp.exp(z * se_l), 12)}]")
# cross-check the implicit derivative by finite differences of the root
def b10_of(th):
    e = [mp.exp(th[0]), mp.exp(th[2])]
    b = [mp.exp(th[1]), mp.exp(th[3])]
    return mp.log(mp.findroot(lambda t: sum((t / e[i]) ** b[i] for i in range(2)) - target, b10))
th0 = [mp.log(eta[0]), mp.log(beta[0]), mp.log(eta[1]), mp.log(beta[1])]
fd = []
for i in range(4):
    h = mp.mpf("1e-12")
    tp = list(th0); tp[i] += h
    tm = list(th0); tm[i] -= h
    fd.append((b10_of(tp) - b10_of(tm)) / (2 * h))
print("   d log B10 / d theta: implicit", [fmt(x, 10) for x in gl], " finite-diff", [fmt(x, 10) for x in fd])
