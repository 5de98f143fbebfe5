# Profile-likelihood (REML) intervals of nested variance components by a dense computation, independent
# of relmodel's tree recursion: V = sum_l sigma_l^2 Z_l Z_l' + sigma_e^2 I formed as an n x n matrix,
# -2 ln L_REML = ln det V + ln det(X'V^-1 X) + r'V^-1 r + (n - 1) ln(2 pi), the other components
# re-maximised (including their boundary 0) at each fixed value, ends found by uniroot where the
# criterion rises by qchisq(0.95, 1). Used by NestedComponentsOracleTests (Pastes and EP05-A2 unbalanced).
# Run: Rscript scripts/reference/nested_profile_intervals.R
profile_ends <- function(y, Z, start) {
  n <- length(y); X <- matrix(1, n, 1); k <- length(Z) + 1
  crit <- function(v) {
    V <- v[k] * diag(n)
    for (l in seq_along(Z)) V <- V + v[l] * Z[[l]] %*% t(Z[[l]])
    Vi <- tryCatch(solve(V), error = function(e) NULL)
    if (is.null(Vi)) return(1e10)
    XtViX <- t(X) %*% Vi %*% X
    b <- solve(XtViX, t(X) %*% Vi %*% y); r <- y - X %*% b
    as.numeric(determinant(V)$modulus + determinant(XtViX)$modulus + t(r) %*% Vi %*% r + (n - 1) * log(2 * pi))
  }
  fit <- optim(log(start), function(p) crit(exp(p)), method = "BFGS", control = list(reltol = 1e-15, maxit = 1000))
  best <- fit$value; est <- exp(fit$par)
  profile <- function(i, value) {
    others <- setdiff(seq_len(k), i)
    # every subset of the other group components at 0 (the boundary), the rest free on the log scale
    groups <- setdiff(others, k)
    subsets <- list(integer(0))
    for (m in seq_along(groups)) {
      idx <- combn(length(groups), m, simplify = FALSE)
      subsets <- c(subsets, lapply(idx, function(j) groups[j]))
    }
    vals <- sapply(subsets, function(zero) {
      free <- setdiff(others, zero)
      f <- function(p) { v <- numeric(k); v[i] <- value; v[free] <- exp(p); crit(v) }
      if (length(free) == 1) optimize(f, c(-20, 10), tol = 1e-13)$objective
      else optim(log(pmax(est[free], 1e-3)), f, method = "BFGS", control = list(reltol = 1e-15, maxit = 1000))$value
    })
    min(vals) - best - qchisq(0.95, 1)
  }
  ends <- t(sapply(seq_len(k), function(i) {
    lower <- if (i < k && profile(i, 0) <= 0) 0 else uniroot(function(v) profile(i, v), c(est[i] / 1000, est[i]), tol = 1e-12)$root
    upper <- uniroot(function(v) profile(i, v), c(est[i], est[i] * 50), tol = 1e-12)$root
    c(est[i], lower, upper)
  }))
  list(criterion = best, ends = ends)
}
d <- read.csv("datasets/spc/pastes_nested.csv")
pastes <- profile_ends(d$strength, list(model.matrix(~ 0 + factor(batch), d), model.matrix(~ 0 + factor(sample), d)),
                       c(1.6, 8.4, 0.68))
cat("Pastes criterion", format(pastes$criterion, digits = 12), "\n"); print(format(pastes$ends, digits = 10))
v <- read.csv("datasets/spc/vca_ep05a2_1.csv")
v <- v[!(v$rownum %in% c(11, 12, 17, 37, 45, 56, 57, 68)), ]
v$dayrun <- paste(v$day, v$run)
ep <- profile_ends(v$y, list(model.matrix(~ 0 + factor(day), v), model.matrix(~ 0 + factor(dayrun), v)), c(0.28, 0.9, 2.07))
cat("EP05 unbalanced criterion", format(ep$criterion, digits = 12), "\n"); print(format(ep$ends, digits = 10))
