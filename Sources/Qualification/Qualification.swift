/// FIT rates, acceleration models, burn-in and test planning.
public enum Qualification {}
