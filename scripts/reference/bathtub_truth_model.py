"""Bathtub truth model for the coverage simulation: h(t) = (b1/e1)(t/e1)^(b1-1) + lam + (b3/e3)(t/e3)^(b3-1),
b1 = 0.5, e1 = 5000, lam = 1e-3, b3 = 5, e3 = 1000 (hours).  All at 40 digits with mpmath.

Writing c1 = b1/e1^b1, c3 = b3/e3^b3:
  * hazard minimum (closed form): h'(t) = c1(b1-1)t^(b1-2) + c3(b3-1)t^(b3-2) = 0
      => t* = [c1(1-b1) / (c3(b3-1))]^(1/(b3-b1))   (here (c1/(8 c3))^(2/9)); h_min = h(t*);
  * threshold boundaries, tolerance 10%: the two roots of h(t) = 1.1 h_min, one below and one above t*
      (no closed form; bracketed and solved by mpmath.findroot 'anderson' then checked);
  * component boundaries (closed form): infant hazard = lam at t = (c1/lam)^(1/(1-b1)) = e1 (b1/(lam e1))^(1/(1-b1));
      wear-out hazard = lam at t = (lam/c3)^(1/(b3-1)) = e3 (lam e3/b3)^(1/(b3-1));
  * fraction failed by 1200 h (closed form): F = 1 - exp(-[(1200/e1)^b1 + lam*1200 + (1200/e3)^b3]).
Run: /work/venv-ref/bin/python scripts/reference/bathtub_truth_model.py
"""
import mpmath as mp

mp.mp.dps = 40
b1, e1, lam, b3, e3 = mp.mpf("0.5"), mp.mpf(5000), mp.mpf("1e-3"), mp.mpf(5), mp.mpf(1000)
c1, c3 = b1 / e1 ** b1, b3 / e3 ** b3
h = lambda t: c1 * t ** (b1 - 1) + lam + c3 * t ** (b3 - 1)
H = lambda t: (t / e1) ** b1 + lam * t + (t / e3) ** b3

tstar = (c1 * (1 - b1) / (c3 * (b3 - 1))) ** (1 / (b3 - b1))
hmin = h(tstar)
dh = mp.diff(h, tstar)
print(f"hazard minimum t*      = {mp.nstr(tstar, 16)} h   (closed form; h'(t*) = {mp.nstr(dh, 3)})")
print(f"minimum hazard h(t*)   = {mp.nstr(hmin, 16)} /h")
# numerical check
tnum = mp.findroot(lambda t: mp.diff(h, t), mp.mpf(500))
print(f"   numerical check: root of h' = {mp.nstr(tnum, 16)}")

level = mp.mpf("1.1") * hmin
g = lambda t: h(t) - level
lo = mp.findroot(g, (mp.mpf(1), tstar), solver="anderson")
hi = mp.findroot(g, (tstar, mp.mpf(5000)), solver="anderson")
print(f"threshold 10%: h = 1.1 h_min = {mp.nstr(level, 16)}")
print(f"   end of infant mortality (t < t*) = {mp.nstr(lo, 16)} h   (numerical; h - level = {mp.nstr(g(lo), 3)})")
print(f"   start of wear-out       (t > t*) = {mp.nstr(hi, 16)} h   (numerical; h - level = {mp.nstr(g(hi), 3)})")

ti = (c1 / lam) ** (1 / (1 - b1))
tw = (lam / c3) ** (1 / (b3 - 1))
print(f"components: infant hazard = lam at t = {mp.nstr(ti, 16)} h (closed form e1 (b1/(lam e1))^2 = 5000 (0.5/5)^2)")
print(f"            wear-out hazard = lam at t = {mp.nstr(tw, 16)} h (closed form (lam/c3)^(1/4) = 1000*(0.2)^(1/4))")
print(f"   check: infant h at ti = {mp.nstr(c1 * ti ** (b1 - 1), 16)}, wear-out h at tw = {mp.nstr(c3 * tw ** (b3 - 1), 16)}")

F = 1 - mp.exp(-H(mp.mpf(1200)))
print(f"H(1200) = {mp.nstr(H(mp.mpf(1200)), 16)};  fraction failed by 1200 h F(1200) = {mp.nstr(F, 16)} (closed form)")
print(f"   check by quadrature of h: {mp.nstr(1 - mp.exp(-mp.quad(h, [0, tstar, 1200])), 16)}")
