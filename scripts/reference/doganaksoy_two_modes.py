"""Doganaksoy voltage-endurance data, two failure modes E and D (58 units, 12 suspensions).

Computes, with mle_common (multi-start NM/BFGS in transformed parameters, mpmath Newton polish, mpmath
observed information):
 (a) 2-component Weibull mixture ignoring modes: S = p S1 + (1-p) S2;
 (b) additive Weibull (competing risks, modes ignored): H = (t/eta1)^beta1 + (t/eta2)^beta2;
 (c) modes known: E and D each fitted as a Weibull, the other mode's failures and survivors as
     suspensions; LL of each and their sum (= LL of the additive model with modes known);
 (d) 2-component lognormal mixture (multi-start; unbounded-likelihood degeneracy checked);
 (e) Python `reliability` Fit_Weibull_Mixture and Fit_Weibull_CR, and surpyval MixtureModel(Weibull, m=2),
     with their parameters re-evaluated in our LL.
Run: /work/venv-ref/bin/python scripts/reference/doganaksoy_two_modes.py
"""
import sys, os, math
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np
import mpmath as mp
from mle_common import Model, Data, load, fit, report, fmt, NP

rows = load("doganaksoy_voltage_two_modes.csv")
d = Data.from_rows(rows)
print(f"n = {sum(r[2] for r in rows)}, failures = {int(d.fn.sum())}, suspensions = {int(d.cn.sum())}")


def tpow(t, b, M):
    return M.exp(b * M.log(t))


def w_logS(t, eta, b, M):
    return -tpow(t / eta, b, M)


def w_logf(t, eta, b, M):
    return M.log(b) - M.log(eta) + (b - 1) * M.log(t / eta) - tpow(t / eta, b, M)


def ln_logf(t, mu, s, M):
    z = (M.log(t) - mu) / s
    return -M.log(t * s) - 0.5 * M.log(2 * M.pi) - z * z / 2


def ln_logS(t, mu, s, M):
    return M.log_ndtr(-(M.log(t) - mu) / s)


def mix(lf1, lf2, p, M):
    return M.logaddexp(M.log(p) + lf1, M.log(1 - p) + lf2)


wmix = Model("weibull-mixture", ["p1", "eta1", "beta1", "eta2", "beta2"], ["prob", "pos", "pos", "pos", "pos"],
             lambda t, q, M: mix(w_logf(t, q[1], q[2], M), w_logf(t, q[3], q[4], M), q[0], M),
             lambda t, q, M: mix(w_logS(t, q[1], q[2], M), w_logS(t, q[3], q[4], M), q[0], M))
aw = Model("additive-weibull", ["eta1", "beta1", "eta2", "beta2"], ["pos"] * 4,
           lambda t, q, M: M.log((q[1] / q[0]) * tpow(t / q[0], q[1] - 1, M) + (q[3] / q[2]) * tpow(t / q[2], q[3] - 1, M))
           - tpow(t / q[0], q[1], M) - tpow(t / q[2], q[3], M),
           lambda t, q, M: -tpow(t / q[0], q[1], M) - tpow(t / q[2], q[3], M))
wb = Model("weibull", ["eta", "beta"], ["pos", "pos"],
           lambda t, q, M: w_logf(t, q[0], q[1], M), lambda t, q, M: w_logS(t, q[0], q[1], M))
lnmix = Model("lognormal-mixture", ["p1", "mu1", "sigma1", "mu2", "sigma2"], ["prob", "real", "pos", "real", "pos"],
              lambda t, q, M: mix(ln_logf(t, q[1], q[2], M), ln_logf(t, q[3], q[4], M), q[0], M),
              lambda t, q, M: mix(ln_logS(t, q[1], q[2], M), ln_logS(t, q[3], q[4], M), q[0], M))

print("=== (a) Weibull mixture, modes ignored")
ra = fit(wmix, d, [[0.26, 70.0, 0.8, 330.0, 4.8], [0.5, 100.0, 1.0, 300.0, 3.0], [0.2, 30.0, 0.6, 320.0, 6.0],
                   [0.7, 300.0, 5.0, 70.0, 0.8]], n_random=40, spread=1.0,
         box=[None, None, (0.02, 40.0), None, (0.02, 40.0)])
report(wmix, ra, "(search box: shapes in [0.02, 40], to keep off the beta -> inf singularity)")
# the Weibull-mixture likelihood is unbounded: a component with eta = a failure time t0 and beta -> inf has
# density (beta/eta)(t/eta)^(beta-1) e^-(t/eta)^beta = beta/(e t0) -> inf at t0
from mle_common import multistart
t0 = 387.0  # a D-mode failure time
for b in [50.0, 1e3, 1e6, 1e12, 1e20]:
    qq, llq = multistart(wmix, d, [[0.02, t0, b, 150.0, 1.5]], n_random=3, spread=0.3, fixed={1: t0, 2: b})
    print(f"  degenerate path: eta1 = {t0} (a failure time), beta1 = {b:g}: LL = {llq:.8f} (others re-maximised)")

print("=== (b) additive Weibull (competing risks), modes ignored")
rb = fit(aw, d, [[1200.0, 0.63, 344.0, 5.6], [500.0, 0.8, 300.0, 4.0], [3000.0, 0.5, 350.0, 7.0]], n_random=40, spread=1.0,
         box=[None, (0.02, 40.0), None, (0.02, 40.0)])
report(aw, rb, "(search box: shapes in [0.02, 40]; interior local maximum)")
# unbounded as well: eta2 = largest failure time, beta2 -> inf gives log h(t_max) ~ log beta2
tmax = float(max(d.f))
for b in [50.0, 1e3, 1e6, 1e12, 1e20]:
    qq, llq = multistart(aw, d, [[270.0, 1.4, tmax, b]], n_random=3, spread=0.3, fixed={2: tmax, 3: b})
    print(f"  degenerate path: eta2 = t_max = {tmax}, beta2 = {b:g}: LL = {llq:.8f} (eta1, beta1 re-maximised)")

print("=== (c) modes known")
tot = 0
for m, c0 in [("E", [1170.0, 0.635]), ("D", [344.0, 5.6])]:
    dm = Data.from_rows(rows, failure_mode=m)
    r = fit(wb, dm, [c0, [300.0, 1.0]], n_random=20, spread=1.0)
    report(wb, r, f"mode {m}: {int(dm.fn.sum())} failures, {int(dm.cn.sum())} suspensions")
    tot += r["ll"]
print(f"  LL(E) + LL(D) = {fmt(tot, 14)}  (log-likelihood of the 4-parameter competing-risks model with modes known)")

print("=== (d) 2-component lognormal mixture, modes ignored")
rd = fit(lnmix, d, [[0.26, 4.0, 1.5, 5.75, 0.25], [0.5, 5.0, 1.0, 5.8, 0.3], [0.2, 3.0, 2.0, 5.7, 0.2],
                    [0.3, 4.5, 1.2, 5.8, 0.15], [0.1, 2.0, 1.0, 5.6, 0.4]], n_random=60, spread=1.0,
         box=[None, None, (0.02, 50.0), None, (0.02, 50.0)])
report(lnmix, rd, "(search box: sigmas in [0.02, 50], off the sigma -> 0 singularity)")
pd = [float(x) for x in rd["p"]]
# degeneracy check: a component collapsing on a failure time (sigma -> 0) makes LL -> +inf
ft = np.unique(d.f)
best_deg = None
for t0 in ft:
    for s in [1e-3, 1e-6]:
        q = [0.02, math.log(t0), s, 5.5, 0.6]
        qq, llq = multistart(lnmix, d, [q], n_random=0, fixed={1: math.log(t0), 2: s})
        if best_deg is None or llq > best_deg[0]:
            best_deg = (llq, t0, s, qq)
print(f"  degeneracy check: component 1 pinned at mu=log(t0), sigma fixed; best over failure times t0: "
      f"t0={best_deg[1]} sigma={best_deg[2]} LL={best_deg[0]:.8f} -> the likelihood is unbounded "
      f"(LL ~ -log sigma); the reported fit is the best interior local maximum.")

print("=== (e) other packages")
fails = [t for t, e, n, m in rows for _ in range(n) if e == 1]
cens = [t for t, e, n, m in rows for _ in range(n) if e == 0]
try:
    from reliability.Fitters import Fit_Weibull_Mixture, Fit_Weibull_CR
    fm = Fit_Weibull_Mixture(failures=fails, right_censored=cens, show_probability_plot=False, print_results=False)
    q = [fm.proportion_1, fm.alpha_1, fm.beta_1, fm.alpha_2, fm.beta_2]
    print("  reliability Fit_Weibull_Mixture: p1 %.10g eta1 %.10g beta1 %.10g eta2 %.10g beta2 %.10g  loglik %.10g"
          % (*q, fm.loglik))
    print("     our LL at those parameters: %s" % fmt(wmix.ll_mp(q, d), 12))
    fc = Fit_Weibull_CR(failures=fails, right_censored=cens, show_probability_plot=False, print_results=False)
    q = [fc.alpha_1, fc.beta_1, fc.alpha_2, fc.beta_2]
    print("  reliability Fit_Weibull_CR: eta1 %.10g beta1 %.10g eta2 %.10g beta2 %.10g  loglik %.10g" % (*q, fc.loglik))
    print("     our LL at those parameters: %s" % fmt(aw.ll_mp(q, d), 12))
except Exception as e:
    print("  reliability failed:", repr(e))
try:
    import surpyval as surv
    x = np.array([r[0] for r in rows]); c = np.array([0 if r[1] == 1 else 1 for r in rows]); n = np.array([r[2] for r in rows])
    mm = surv.MixtureModel.fit(x, c, n, dist=surv.Weibull, m=2)
    w, P = np.asarray(mm.w), np.asarray(mm.params)
    print("  surpyval MixtureModel(Weibull, m=2) [EM]: w", w, "params (alpha, beta) rows", P.tolist(),
          "maximum:", mm.maximum)
    q = [w[0], P[0][0], P[0][1], P[1][0], P[1][1]]
    print("     our LL at those parameters: %s ; surpyval -neg_ll: %.10g" % (fmt(wmix.ll_mp(q, d), 12), -mm._neg_ll))
    mm2 = surv.MixtureModel.fit(x, c, n, dist=surv.Weibull, m=2, em="squarem")
    w, P = np.asarray(mm2.w), np.asarray(mm2.params)
    q = [w[0], P[0][0], P[0][1], P[1][0], P[1][1]]
    print("  surpyval MixtureModel squarem: w", w, "params", P.tolist(), "our LL", fmt(wmix.ll_mp(q, d), 12))
except Exception as e:
    print("  surpyval failed:", repr(e))
