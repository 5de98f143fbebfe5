"""Reference partial derivatives of ln P(a, x) and ln Q(a, x) (regularized incomplete gamma) in the
shape a and the argument x, by mpmath at 40 digits (mpmath.diff: numerical differentiation at high
precision). Pins Tests/NumericsTests/IncompleteGammaDerivativesTests.swift.
Run: python3 scripts/reference/incomplete_gamma_derivatives.py (needs mpmath from PyPI)."""
import mpmath as mp

mp.mp.dps = 40


def log_p(a, x):
    return mp.log(mp.gammainc(a, 0, x, regularized=True))


def log_q(a, x):
    return mp.log(mp.gammainc(a, x, mp.inf, regularized=True))


POINTS = [(0.3, 0.2), (0.3, 2.5), (0.7, 0.9), (1.7, 0.8), (1.7, 5.0), (4.5, 3.0), (4.5, 9.0),
          (30.0, 25.0), (30.0, 40.0), (0.05, 0.01)]

for a, x in POINTS:
    for upper, f in ((False, log_p), (True, log_q)):
        a_, x_ = mp.mpf(a), mp.mpf(x)
        row = [f(a_, x_),
               mp.diff(lambda s: f(s, x_), a_), mp.diff(lambda t: f(a_, t), x_),
               mp.diff(lambda s: f(s, x_), a_, 2), mp.diff(f, (a_, x_), (1, 1)), mp.diff(lambda t: f(a_, t), x_, 2)]
        print(f"({a}, {x}, {'true' if upper else 'false'}, [" + ", ".join(mp.nstr(v, 17) for v in row) + "]),")
