# Reference values for Tests/LifetimeTests/GammaCensoredFitTests.swift (run: python3 scripts/reference/gamma_random_censoring_2000.py;
# NumPy, SciPy and mpmath; about a minute). Printed on 2026-12-06: shape 1.86473890513817, scale
# 490.528459547867, LL -10940.3992854214164 (surpyval 0.25 on the same data: shape 1.8647382443920395,
# scale 490.52863437143503, 3.6e-7 relative, its optimiser tolerance).
# Reference for GammaCensoredFitTests: 2,000 Weibull(eta 1000, beta 1.5) lifetimes with independent
# exponential censoring (mean 2324 h), from Weyl sequences u_i = frac(i phi), v_i = frac(i (sqrt2 - 1)),
# i = 1..2000, times rounded to 0.001 h. MLE of the gamma by SciPy (gammaincc), Nelder-Mead then Newton.
import numpy as np
from scipy import special, optimize
import mpmath
mpmath.mp.dps = 30
i = np.arange(1, 2001, dtype=float)
u = np.mod(i * 0.6180339887498949, 1.0)
v = np.mod(i * 0.41421356237309515, 1.0)
t = np.round(1000.0 * (-np.log1p(-u)) ** (1 / 1.5), 3)
c = np.round(-2324.0 * np.log1p(-v), 3)
failed = t <= c
x = np.where(failed, t, c)
x = np.maximum(x, 0.001)
print("failures", failed.sum(), "sum x %.3f" % x.sum())
xf, xc = x[failed], x[~failed]
W, SX, SL = len(xf), xf.sum(), np.log(xf).sum()
def ll(p):
    mu, l = p; k = np.exp(l); th = np.exp(mu)
    return (k - 1) * SL - SX / th - W * (special.gammaln(k) + k * mu) + np.log(special.gammaincc(k, xc / th)).sum()
r = optimize.minimize(lambda p: -ll(p), [np.log(500), np.log(1.8)], method="Nelder-Mead",
                      options=dict(xatol=1e-12, fatol=1e-12, maxiter=10000))
p = r.x
# mpmath log-likelihood for the Newton polish (30 digits: the differences are exact enough)
def llm(mu, l):
    k = mpmath.e ** l; th = mpmath.e ** mu
    s = (k - 1) * mpmath.mpf(SL) - mpmath.mpf(SX) / th - W * (mpmath.loggamma(k) + k * mu)
    for xi in xc:
        s += mpmath.log(mpmath.gammainc(k, mpmath.mpf(xi) / th, mpmath.inf, regularized=True))
    return s
mu, l = mpmath.mpf(p[0]), mpmath.mpf(p[1])
for it in range(4):
    h = mpmath.mpf("1e-6")
    f = lambda a, b: llm(a, b)
    f0 = f(mu, l)
    fmp, fmm, flp, flm = f(mu + h, l), f(mu - h, l), f(mu, l + h), f(mu, l - h)
    gm = (fmp - fmm) / (2 * h); gl = (flp - flm) / (2 * h)
    hmm = (fmp - 2 * f0 + fmm) / h**2; hll = (flp - 2 * f0 + flm) / h**2
    hml = (f(mu + h, l + h) - f(mu + h, l - h) - f(mu - h, l + h) + f(mu - h, l - h)) / (4 * h * h)
    det = hmm * hll - hml**2
    dm = -(hll * gm - hml * gl) / det; dl = -(hmm * gl - hml * gm) / det
    mu += dm; l += dl
    print(it, mpmath.nstr(dm, 5), mpmath.nstr(dl, 5), mpmath.nstr(f0, 20))
print("shape", mpmath.nstr(mpmath.e ** l, 15), "scale", mpmath.nstr(mpmath.e ** mu, 15), "LL", mpmath.nstr(llm(mu, l), 18))
print("scipy NM:", np.exp(p[1]), np.exp(p[0]), ll(p))
