// Declarations of the reference LAPACK/BLAS Fortran routines relmodel calls.
//
// Debian's liblapack-dev ships no C header for LAPACK (lapack.h comes with liblapacke-dev), so the
// few routines used are declared here by hand. Conventions of the gfortran ABI on this platform:
// - every argument is passed by pointer;
// - INTEGER is 32-bit (`int`);
// - each CHARACTER argument adds one hidden `size_t` length argument at the end of the call.
#ifndef RELMODEL_CLAPACK_SHIM_H
#define RELMODEL_CLAPACK_SHIM_H

#include <stddef.h>

// Solve A X = B for a general square A (LU with partial pivoting).
void dgesv_(const int *n, const int *nrhs, double *a, const int *lda, int *ipiv,
            double *b, const int *ldb, int *info);

// Cholesky factorisation of a symmetric positive definite matrix, and the inverse from it.
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info, size_t uplo_len);
void dpotri_(const char *uplo, const int *n, double *a, const int *lda, int *info, size_t uplo_len);

// Least squares min ||A x - b|| for a full-rank A (QR or LQ).
void dgels_(const char *trans, const int *m, const int *n, const int *nrhs, double *a, const int *lda,
            double *b, const int *ldb, double *work, const int *lwork, int *info, size_t trans_len);

// Eigenvalues (and optionally eigenvectors) of a symmetric matrix.
void dsyev_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda, double *w,
            double *work, const int *lwork, int *info, size_t jobz_len, size_t uplo_len);

// Singular value decomposition (divide and conquer).
void dgesdd_(const char *jobz, const int *m, const int *n, double *a, const int *lda, double *s,
             double *u, const int *ldu, double *vt, const int *ldvt, double *work, const int *lwork,
             int *iwork, int *info, size_t jobz_len);

// General matrix-matrix product C = alpha op(A) op(B) + beta C (BLAS level 3).
void dgemm_(const char *transa, const char *transb, const int *m, const int *n, const int *k,
            const double *alpha, const double *a, const int *lda, const double *b, const int *ldb,
            const double *beta, double *c, const int *ldc, size_t transa_len, size_t transb_len);

#endif
