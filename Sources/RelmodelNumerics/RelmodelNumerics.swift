// Special functions, probability distributions' primitives, root finding, optimisation, quadrature and
// seeded random numbers for relmodel.
//
// Everything here is Foundation-free and works in `Double`. The special functions aim at a relative error
// of a few units in the last place wherever the result is representable, including far tails, because
// reliability engineers compare printed digits with R, Minitab and Weibull++. Invalid arguments give NaN
// rather than trapping, so that a likelihood evaluated outside its domain can be rejected by an optimiser.
