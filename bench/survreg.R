# R's survival::survreg on the same files as the other peers (called by bench/compare.py):
#   Rscript bench/survreg.R weibull|fitall FILE BUDGET_S
# Times the fit(s) inside one R process (no start-up), like perf_counter in Python: one warm-up, then
# repeats for BUDGET_S seconds (at least 3), and prints one JSON object: median and minimum seconds,
# repeats, and the estimates (Weibull eta = exp(intercept), beta = 1 / scale, their standard errors
# by the delta method from survreg's covariance of (intercept, log scale)).
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
mode <- args[1]; path <- args[2]; budget <- as.numeric(args[3])
d <- read.csv(path)
y <- Surv(d$time, d$event)

work <- if (mode == "weibull") {
  function() survreg(y ~ 1, dist = "weibull")
} else {
  function() list(weibull = survreg(y ~ 1, dist = "weibull"),
                  lognormal = survreg(y ~ 1, dist = "lognormal"),
                  exponential = survreg(y ~ 1, dist = "exponential"))
}

# The clock ticks in milliseconds: calls are timed in batches of k, k doubled until a batch takes
# at least 20 ms, and each repeat reports the batch time over k.
elapsed <- function() proc.time()[["elapsed"]]
result <- work()
k <- 1
repeat {
  t0 <- elapsed(); for (i in seq_len(k)) result <- work(); dt <- elapsed() - t0
  if (dt >= 0.02 || k >= 65536) break
  k <- 2 * k
}
times <- c()
start <- elapsed()
while (length(times) < 3 || elapsed() - start < budget) {
  t0 <- elapsed()
  for (i in seq_len(k)) result <- work()
  times <- c(times, (elapsed() - t0) / k)
  if (length(times) >= 1000) break
}

num <- function(x) trimws(formatC(x, digits = 17, format = "g"))
weibull <- if (mode == "weibull") result else result$weibull
mu <- unname(coef(weibull)[1]); v <- vcov(weibull)
eta <- exp(mu); beta <- 1 / weibull$scale
fields <- c(sprintf('"median_s": %s', num(median(times))), sprintf('"min_s": %s', num(min(times))),
            sprintf('"repeats": %d', length(times) * k),
            sprintf('"eta": %s', num(eta)), sprintf('"beta": %s', num(beta)),
            sprintf('"eta_se": %s', num(eta * sqrt(v[1, 1]))), sprintf('"beta_se": %s', num(beta * sqrt(v[2, 2]))),
            sprintf('"loglik": %s', num(weibull$loglik[1])))
if (mode != "weibull") {
  ln <- result$lognormal; ex <- result$exponential
  aicc <- function(f, k) { n <- nrow(d); -2 * f$loglik[1] + 2 * k + 2 * k * (k + 1) / (n - k - 1) }
  scores <- c(weibull2p = aicc(weibull, 2), lognormal2p = aicc(ln, 2), exponential1p = aicc(ex, 1))
  fields <- c(fields, sprintf('"lognormal_mu": %s', num(unname(coef(ln)[1]))),
              sprintf('"lognormal_sigma": %s', num(ln$scale)),
              sprintf('"exponential_lambda": %s', num(exp(-unname(coef(ex)[1])))),
              sprintf('"best": "%s"', names(which.min(scores))))
}
cat("{", paste(fields, collapse = ", "), "}\n", sep = "")
