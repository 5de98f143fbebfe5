/// Small dense linear algebra on top of LAPACK and BLAS (see `Matrix`).
public enum LinearAlgebra {}
