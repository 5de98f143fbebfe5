# Reference values of the regularized incomplete gamma function at shapes 1e9-1e20 for
# Tests/NumericsTests/LargeShapeGammaTests.swift: the gamma density integrated by mpmath quadrature at
# 40 digits, split at every 2 standard deviations (pip install mpmath; about a minute).
import mpmath as mp
mp.mp.dps = 40
def P(a, x):
    a = mp.mpf(a); x = mp.mpf(x)
    lg = mp.loggamma(a)
    f = lambda t: mp.exp((a-1)*mp.log(t) - t - lg)
    s = mp.sqrt(a)
    lo = a - 60*s
    pts = [lo] + [a + k*s for k in range(-40, 41, 2) if a + k*s < x] + [x]
    return mp.quad(f, pts)
def Q(a, x):
    a = mp.mpf(a); x = mp.mpf(x)
    lg = mp.loggamma(a)
    f = lambda t: mp.exp((a-1)*mp.log(t) - t - lg)
    s = mp.sqrt(a)
    hi = a + 60*s
    pts = [x] + [a + k*s for k in range(-40, 41, 2) if a + k*s > x] + [hi]
    return mp.quad(f, pts)
import math
for a in [1e9, 3.7e12, 1e20]:
    for k in [-8, -3, -0.5, 0, 0.5, 3, 8]:
        x = float(a + k*math.sqrt(a))
        if k <= 0: print("(%r, %r, p: %s)," % (a, x, mp.nstr(P(a,x), 17)))
        else: print("(%r, %r, q: %s)," % (a, x, mp.nstr(Q(a,x), 17)))
