/// Special functions, probability distributions' primitives, root finding and optimisation.
public enum RelmodelNumerics {}
