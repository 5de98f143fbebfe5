/// Lifetime data, distributions, maximum-likelihood estimation, bounds and goodness of fit.
public enum Lifetime {}
