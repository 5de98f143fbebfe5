"""Competing risks with known modes: series-system reliability, hazard and B-life with Fisher bounds.

Independent reference for relmodel's CompetingRisksAnalysis. Each mode is fitted as a two-parameter
Weibull with every other mode's failures and all survivors as suspensions (mle_common: multi-start
NM/BFGS, mpmath Newton polish, observed information in the natural parameters (eta, beta) by
mpmath.diff). The modes' likelihoods are separate, so the joint covariance is block diagonal.

Series system: S(t) = prod_m S_m(t), H(t) = sum_m (t/eta_m)^beta_m, h(t) = sum_m h_m(t).
Fisher (delta-method) bounds, 95% two-sided, z = 1.959963984540054:
  reliability  on ln(-ln R(t)) = ln H(t), mapped back by R = exp(-exp(.));
  B-life t_p   on ln t_p, with d ln t_p / d theta = -(dH/d theta) / (t dH/dt) at H(t_p) = -ln(1 - p);
  hazard       on ln h(t).
The gradients are taken by mpmath.diff at 50 digits (relmodel uses other internal parameters,
(ln eta, -ln beta), and central differences: the delta method's variance does not depend on the
parametrisation at the maximum, so the two must agree).

Run: /work/venv-ref/bin/python scripts/reference/competing_risks_bounds.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mpmath as mp
from mle_common import Data, Model, fit, fmt, load

Z = mp.mpf("1.959963984540054")  # standard normal 0.975 quantile


def tpow(t, b, M):
    return M.exp(b * M.log(t))


wb = Model("weibull", ["eta", "beta"], ["pos", "pos"],
           lambda t, q, M: M.log(q[1]) - M.log(q[0]) + (q[1] - 1) * M.log(t / q[0]) - tpow(t / q[0], q[1], M),
           lambda t, q, M: -tpow(t / q[0], q[1], M))


def fit_modes(name, modes):
    rows = load(name)
    fits = []
    for m, start in modes:
        d = Data.from_rows(rows, failure_mode=m)
        r = fit(wb, d, [start, [float(d.f.mean()), 1.0]], n_random=20, spread=1.0)
        print(f"  mode {m}: eta {fmt(r['p'][0], 12)} beta {fmt(r['p'][1], 12)} LL {fmt(r['ll'], 12)} "
              f"max|grad| {fmt(r['maxgrad'], 3)}")
        fits.append(([mp.mpf(x) for x in r["p"]], r["cov"]))
    return fits


def delta_variance(fits, q):
    """q(m, params) -> mpf, summed over modes inside the caller's function: here the variance of
    F(theta) = f(sum_m q(m, theta_m)) is assembled by the caller; this returns the per-mode gradients."""
    grads = []
    for m, (p, _) in enumerate(fits):
        f = lambda a, b, m=m: q(m, [a, b])
        grads.append([mp.diff(f, (p[0], p[1]), (1, 0)), mp.diff(f, (p[0], p[1]), (0, 1))])
    return grads


def quadratic(fits, grads, scale):
    v = mp.mpf(0)
    for (p, c), g in zip(fits, grads):
        for i in range(2):
            for j in range(2):
                v += scale * g[i] * c[i, j] * g[j] * scale
    return v


def series(fits, times, percents):
    H = lambda t: sum(tpow(t / p[0], p[1], mp) for p, _ in fits)
    h = lambda t: sum((p[1] / p[0]) * tpow(t / p[0], p[1] - 1, mp) for p, _ in fits)
    for t in times:
        t = mp.mpf(t)
        Ht = H(t)
        # ln(-ln R) = ln H: d/d theta_m = (dH_m/d theta_m) / H
        grads = delta_variance(fits, lambda m, q: tpow(t / q[0], q[1], mp))
        sd = mp.sqrt(quadratic(fits, grads, 1 / Ht))
        g = mp.log(Ht)
        r, lo, hi = mp.exp(-Ht), mp.exp(-mp.exp(g + Z * sd)), mp.exp(-mp.exp(g - Z * sd))
        print(f"  R({fmt(t, 8)}) = {fmt(r, 12)}  95% Fisher [{fmt(lo, 12)}, {fmt(hi, 12)}]")
        ht = h(t)
        grads = delta_variance(fits, lambda m, q: (q[1] / q[0]) * tpow(t / q[0], q[1] - 1, mp))
        sd = mp.sqrt(quadratic(fits, grads, 1 / ht))
        print(f"  h({fmt(t, 8)}) = {fmt(ht, 12)}  95% Fisher [{fmt(ht * mp.exp(-Z * sd), 12)}, {fmt(ht * mp.exp(Z * sd), 12)}]")
    for percent in percents:
        target = -mp.log(1 - mp.mpf(percent) / 100)
        t = mp.findroot(lambda x: H(x) - target, fits[0][0][0] * target ** (1 / fits[0][0][1]))
        # d ln t / d theta_m = -(dH_m/d theta_m) / (t h(t))
        grads = delta_variance(fits, lambda m, q: tpow(t / q[0], q[1], mp))
        sd = mp.sqrt(quadratic(fits, grads, 1 / (t * h(t))))
        print(f"  B{percent} = {fmt(t, 12)}  95% Fisher [{fmt(t * mp.exp(-Z * sd), 12)}, {fmt(t * mp.exp(Z * sd), 12)}]")


print("=== shock_absorber.csv, modes Mode1 and Mode2 (Weibull each)")
shock = fit_modes("shock_absorber.csv", [("Mode1", [31000.0, 3.4]), ("Mode2", [40000.0, 2.8])])
series(shock, [10000, 20000], [10])

print("=== doganaksoy_voltage_two_modes.csv, modes E and D (Weibull each)")
dog = fit_modes("doganaksoy_voltage_two_modes.csv", [("E", [1170.0, 0.635]), ("D", [344.0, 5.6])])
series(dog, [100, 300], [10])
