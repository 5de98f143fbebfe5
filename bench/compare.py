"""relmodel against reliability, surpyval, lifelines, statsmodels, SimPy, R's survreg and lme4 and pandas
on identical work, in one run.

Run through `bash bench/compare` (which makes the virtual environment and builds relmodel); directly:

    bench/.venv/bin/python bench/compare.py --timing PATH/relmodel-timing --relmodel PATH/relmodel
    bench/.venv/bin/python bench/compare.py --relmodel PATH/relmodel --only bathtub,lfp,mixtures \
        --markdown /tmp/partial.md          (some groups only; see --help for the groups)

Every tool reads the same seeded CSV files (bench/generate_data.py). Python timings are
`time.perf_counter` around the call inside this interpreter (no interpreter start-up; the inputs are
NumPy arrays prepared beforehand; the fit and its Fisher covariance or bounds are inside the timing).
relmodel's library timings come from the release-mode `relmodel-timing` executable (ContinuousClock),
its end-to-end times from running `relmodel fit FILE` (hyperfine when installed, else perf_counter
around subprocess.run, which includes process start-up).

Estimates are checked for agreement: eta and beta (and each fit-all family's parameters) within
1e-4 relative, standard errors within 1e-3 relative (the peers differentiate numerically or by
autograd at their own optimum); the batch PCA's explained variances, T2, SPE and limits within 1e-8
relative. Disagreements are reported in the table, not hidden.

Special lifetime models (groups bathtub, lfp, mixtures): relmodel is timed end to end through its CLI
(`relmodel fit --dist NAME --json FILE`, process start-up included) against reliability's and
surpyval's fits of the same model (two-component Weibull mixture; Weibull defective subpopulation),
and, for the bathtub families, which no peer fits, against a SciPy fit of a log-likelihood written here
from each family's definition. Every tool's estimates are put into one independent NumPy
log-likelihood: parameters must agree within 1e-4 relative and log-likelihoods within 1e-3, and the
sign of a log-likelihood difference says which side stopped short of the maximum.

Nested variance components (group components; files nested_*.csv, lot/wafer/site): relmodel is timed
end to end through its CLI (`relmodel spc components FILE --value thickness --levels lot,wafer,site
--json --no-intervals`: REML estimates without the profile-likelihood intervals, as the peers give
them) against statsmodels' MixedLM (lots as groups, wafers a variance component within each lot) and
R's lme4 `lmer(thickness ~ 1 + (1|lot) + (1|lot:wafer), REML = TRUE)` (timed inside R, like survreg).
The three components must agree within 1e-4 relative; every tool's components also go into one
independent NumPy REML criterion (-2 REML log-likelihood, lme4's convention), whose difference from
relmodel's says which tool stopped short of the optimum (the lower criterion is the better fit).

Batch tool, minimum-batch policy (group loadsize; no data files): relmodel's simulation is timed end to
end through its CLI (`relmodel study load-size --arrival-rate L --service-mean T --capacity B --min-batch A
--simulate --lots N --replications R --seed S --json`; its replications run in parallel, so it is also
timed under `taskset -c 0`) against the same model written in SimPy (one core), on the same N and R.
Throughput is lots simulated (warm-up included) per second; the speed-up is relmodel's lots/s over
SimPy's. Agreement: each tool's mean wait (the first 10% of each replication's lots discarded) has a 95%
t interval across replications, which must contain the exact value (Neuts' M/M^(a,b)/1, relmodel's
exact mode, itself checked against an independent NumPy Markov chain within 1e-8).

The measured section of BENCHMARKS.md (between the compare markers) is rewritten; the raw results go
to bench/data/compare-results.json.
"""
import argparse
import contextlib
import datetime
import importlib.metadata
import importlib.util
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(HERE, "data")
MARK_BEGIN = "<!-- compare:begin (written by bench/compare; edits inside are overwritten) -->"
MARK_END = "<!-- compare:end -->"

PARAM_TOL = 1e-4
SE_TOL = 1e-3

# Groups of cases, for --only (default: all, in this order). Those in NEEDS_TIMING use the
# relmodel-timing executable (library timings); cli, the special models, components and loadsize run the
# relmodel CLI.
GROUPS = ("weibull", "gamma", "fitall", "ingest", "pca", "cli", "context", "components", "loadsize", "bathtub",
          "lfp", "mixtures")
NEEDS_TIMING = {"weibull", "gamma", "fitall", "ingest", "pca", "context"}

RELIABILITY_ALL = ["Weibull_2P", "Weibull_3P", "Normal_2P", "Gamma_2P", "Loglogistic_2P", "Gamma_3P",
                   "Lognormal_2P", "Lognormal_3P", "Loglogistic_3P", "Gumbel_2P", "Exponential_2P",
                   "Exponential_1P", "Beta_2P", "Weibull_Mixture", "Weibull_CR", "Weibull_DS"]
RELMODEL_FAMILIES_IN_RELIABILITY = ("Weibull_2P", "Lognormal_2P", "Exponential_1P")


# ----------------------------------------------------------------------------------------------
# timing

class Clock:
    def __init__(self, minutes):
        self.start = time.perf_counter()
        self.limit = minutes * 60

    def remaining(self):
        return self.limit - (time.perf_counter() - self.start)


def measure(fn, budget=3.0, min_reps=3, max_reps=10_000, slow=5.0, clock=None):
    """Median and minimum of repeated calls. The first call is a warm-up, except for slow calls
    (> `slow` s), where it is the only sample (slow peers get one repeat, marked in the table)."""
    t0 = time.perf_counter()
    result = fn()
    first = time.perf_counter() - t0
    if first > slow or (clock is not None and clock.remaining() < 10 * first + 30):
        return {"median_s": first, "min_s": first, "repeats": 1}, result
    samples, spent = [], 0.0
    while len(samples) < max_reps and (spent < budget or len(samples) < min_reps):
        t0 = time.perf_counter()
        result = fn()
        dt = time.perf_counter() - t0
        samples.append(dt)
        spent += dt
    return {"median_s": statistics.median(samples), "min_s": min(samples), "repeats": len(samples)}, result


def quiet(fn):
    """Runs fn with stdout/stderr captured and warnings off (peers print progress and warnings)."""
    def wrapped():
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()), \
                contextlib.redirect_stderr(io.StringIO()):
            warnings.simplefilter("ignore")
            return fn()
    return wrapped


# ----------------------------------------------------------------------------------------------
# data

def load(name):
    import numpy as np
    import pandas as pd
    df = pd.read_csv(os.path.join(DATA, name))
    t = df["time"].to_numpy(dtype=float)
    failed = df["event"].to_numpy() == 1
    return t, failed, np.asarray(~failed, dtype=int)


def load_interval(name):
    """(start, end) of an inspection file: end NaN = right-censored at start; start 0 = left-censored."""
    import pandas as pd
    df = pd.read_csv(os.path.join(DATA, name))
    return df["start"].to_numpy(dtype=float), df["end"].to_numpy(dtype=float)


# ----------------------------------------------------------------------------------------------
# peers: each returns a function to time and a function turning its result into estimates

def reliability_weibull(t, failed, _c):
    from reliability.Fitters import Fit_Weibull_2P
    f, rc = t[failed], t[~failed]

    def run():
        return Fit_Weibull_2P(failures=f, right_censored=rc if len(rc) else None, CI=0.95,
                              show_probability_plot=False, print_results=False)

    return quiet(run), lambda r: {"eta": r.alpha, "beta": r.beta, "eta_se": r.alpha_SE, "beta_se": r.beta_SE}


def surpyval_weibull_estimates(m):
    """eta, beta and their standard errors from a fitted surpyval Weibull model (Fisher covariance)."""
    import numpy as np
    se = np.sqrt(np.diag(m.hess_inv))
    return {"eta": m.params[0], "beta": m.params[1], "eta_se": se[0], "beta_se": se[1]}


def surpyval_weibull(t, _failed, c):
    import surpyval

    def run():
        m = surpyval.Weibull.fit(x=t, c=c)
        _ = m.hess_inv  # Fisher covariance (computed in fit; read so that a lazy version is timed too)
        return m

    return quiet(run), surpyval_weibull_estimates


def surpyval_weibull_interval(lo, hi):
    """surpyval on inspection data: xl, xr with xr = inf for a unit still running (right-censored) and
    xl = 0 for a failure before the first inspection ((0, end], the same likelihood as left censoring)."""
    import numpy as np
    import surpyval
    xr = np.where(np.isnan(hi), np.inf, hi)

    def run():
        m = surpyval.Weibull.fit(xl=lo, xr=xr)
        _ = m.hess_inv
        return m

    return quiet(run), surpyval_weibull_estimates


def lifelines_weibull_interval(lo, hi):
    import numpy as np
    from lifelines import WeibullFitter
    upper = np.where(np.isnan(hi), np.inf, hi)

    def run():
        w = WeibullFitter(alpha=0.05).fit_interval_censoring(lo, upper)
        _ = w.variance_matrix_
        return w

    def est(w):
        v = w.variance_matrix_.values
        return {"eta": w.lambda_, "beta": w.rho_, "eta_se": float(np.sqrt(v[0, 0])), "beta_se": float(np.sqrt(v[1, 1]))}

    return quiet(run), est


def surpyval_gamma(t=None, _failed=None, c=None, lo=None, hi=None):
    """surpyval's Gamma (params alpha = shape, beta = rate) on time,event data or on inspection data."""
    import numpy as np
    import surpyval

    def run():
        if lo is not None:
            m = surpyval.Gamma.fit(xl=lo, xr=np.where(np.isnan(hi), np.inf, hi))
        else:
            m = surpyval.Gamma.fit(x=t, c=c)
        _ = m.hess_inv
        return m

    return quiet(run), lambda m: {"shape": m.params[0], "scale": 1 / m.params[1]}


def surpyval_fit_best_interval(lo, hi):
    import numpy as np
    import surpyval
    xr = np.where(np.isnan(hi), np.inf, hi)

    def run():
        return surpyval.fit_best(xl=lo, xr=xr, metric="aic_c")

    return quiet(run), lambda m: {"best": m.dist.name}


def lifelines_weibull(t, failed, _c):
    from lifelines import WeibullFitter

    def run():
        w = WeibullFitter(alpha=0.05).fit(t, failed)
        _ = w.variance_matrix_  # Fisher covariance (computed in fit)
        return w

    def est(w):
        import numpy as np
        v = w.variance_matrix_.values
        return {"eta": w.lambda_, "beta": w.rho_, "eta_se": float(np.sqrt(v[0, 0])), "beta_se": float(np.sqrt(v[1, 1]))}

    return quiet(run), est


SURPYVAL_COMMON = ["Weibull", "LogNormal", "Exponential", "Normal", "Gumbel", "LogLogistic", "Gamma"]


def surpyval_fit_best(t, _failed, c, restricted=True, include=None):
    import surpyval
    if include is None:
        include = ["Weibull", "LogNormal", "Exponential"] if restricted else None

    def run():
        return surpyval.fit_best(x=t, c=c, include=include, metric="aic_c")

    def est(m):
        name = {"Weibull": "weibull2p", "LogNormal": "lognormal2p", "Exponential": "exponential1p"}.get(m.dist.name, m.dist.name)
        p = list(m.params)
        out = {"best": name}
        if name == "weibull2p":
            out.update({"weibull2p.eta": p[0], "weibull2p.beta": p[1]})
        elif name == "lognormal2p":
            out.update({"lognormal2p.mu": p[0], "lognormal2p.sigma": p[1]})
        elif name == "exponential1p":
            out.update({"exponential1p.lambda": p[0]})
        return out

    return quiet(run), est


def reliability_fit_everything(t, failed, _c, restricted=True):
    from reliability.Fitters import Fit_Everything
    f, rc = t[failed], t[~failed]
    exclude = [d for d in RELIABILITY_ALL if d not in RELMODEL_FAMILIES_IN_RELIABILITY] if restricted else None

    def run():
        return Fit_Everything(failures=f, right_censored=rc, exclude=exclude, sort_by="AICc",
                              show_histogram_plot=False, show_PP_plot=False, show_probability_plot=False,
                              show_best_distribution_probability_plot=False, print_results=False)

    def est(r):
        best = {"Weibull_2P": "weibull2p", "Lognormal_2P": "lognormal2p",
                "Exponential_1P": "exponential1p"}.get(r.best_distribution_name, r.best_distribution_name)
        return {"best": best,
                "weibull2p.eta": r.Weibull_2P_alpha, "weibull2p.beta": r.Weibull_2P_beta,
                "lognormal2p.mu": r.Lognormal_2P_mu, "lognormal2p.sigma": r.Lognormal_2P_sigma,
                "exponential1p.lambda": r.Exponential_1P_lambda}

    return quiet(run), est


def lifelines_three_fitters(t, failed, _c):
    from lifelines import ExponentialFitter, LogNormalFitter, WeibullFitter

    def run():
        return (WeibullFitter().fit(t, failed), LogNormalFitter().fit(t, failed), ExponentialFitter().fit(t, failed))

    def est(r):
        w, ln, ex = r
        # lifelines' exponential lambda_ is the mean life (S = exp(-t/lambda)); relmodel's is the rate.
        fits = {"weibull2p": w.AIC_, "lognormal2p": ln.AIC_, "exponential1p": ex.AIC_}
        return {"best_by_aic": min(fits, key=fits.get),
                "weibull2p.eta": w.lambda_, "weibull2p.beta": w.rho_,
                "lognormal2p.mu": ln.mu_, "lognormal2p.sigma": ln.sigma_,
                "exponential1p.lambda": 1 / ex.lambda_}

    return quiet(run), est


def pandas_read(path):
    import pandas as pd

    def run():
        return pd.read_csv(path)

    return run, lambda df: {"rows": len(df), "failures": int((df["event"] == 1).sum())}


def numpy_batch_pca(path):
    """Multiway PCA of the batch trajectories exactly as relmodel computes it (its README): batch-wise
    unfolding (column k*J + j), autoscaling with n-1 standard deviations, thin SVD, 3 components, T2
    with s_a^2 = t_a't_a/(I-1), SPE, and the 0.99 phase I T2 limit (beta quantile) and Box's SPE limit."""
    import numpy as np
    import pandas as pd
    from scipy import stats

    df = pd.read_csv(path)
    variables = [c for c in df.columns if c not in ("batch", "time")]
    batches = list(dict.fromkeys(df["batch"]))
    I, J = len(batches), len(variables)
    K = len(df) // I
    raw = df[variables].to_numpy().reshape(I, K * J)   # rows in file order: batch, then time; column k*J + j
    A, conf = 3, 0.99

    def run():
        mean = raw.mean(axis=0)
        sd = raw.std(axis=0, ddof=1)
        X = (raw - mean) / np.where(sd > 0, sd, 1)
        _, s, vt = np.linalg.svd(X, full_matrices=False)
        P = vt[:A].T
        T = X @ P
        var = (T ** 2).sum(axis=0) / (I - 1)
        t2 = ((T ** 2) / var).sum(axis=1)
        E = X - T @ P.T
        spe = (E ** 2).sum(axis=1)
        t2_limit = (I - 1) ** 2 / I * stats.beta.ppf(conf, A / 2, (I - A - 1) / 2)
        m, v = spe.mean(), spe.var(ddof=1)
        spe_limit = v / (2 * m) * stats.chi2.ppf(conf, 2 * m * m / v)
        explained = s[:A] ** 2 / (s ** 2).sum()
        return explained, t2, spe, t2_limit, spe_limit

    def est(r):
        explained, t2, spe, t2_limit, spe_limit = r
        return {"explained": explained.tolist(), "t2": t2.tolist(), "spe": spe.tolist(),
                "t2_limit": float(t2_limit), "spe_limit": float(spe_limit)}

    return run, est


def r_survreg(mode, name, budget, clock, notes, agreement):
    """R's survival::survreg through bench/survreg.R (timed inside R); a row, or a note if R is missing."""
    tool = "R survival `survreg`" + (" (weibull, lognormal, exponential)" if mode == "fitall" else "")
    rscript = shutil.which("Rscript")
    if not rscript:
        notes.append(f"{tool}: not run, Rscript not found (bench/compare installs r-cran-survival where apt-get works)")
        return {"tool": tool, "note": "not run (no R)"}
    if clock.remaining() < 20:
        return {"tool": tool, "note": "skipped (time cap)"}
    print(f"  {tool} ...", flush=True)
    run = subprocess.run([rscript, os.path.join(HERE, "survreg.R"), mode, os.path.join(DATA, name), str(budget)],
                         capture_output=True, text=True)
    if run.returncode != 0:
        notes.append(f"{tool} on {name}: failed: {run.stderr.strip()[:200]}")
        return {"tool": tool, "note": "failed"}
    out = json.loads(run.stdout)
    timing = {"median_s": out["median_s"], "min_s": out["min_s"], "repeats": out["repeats"]}
    if mode == "fitall":
        estimates = {"best": out["best"], "weibull2p.eta": out["eta"], "weibull2p.beta": out["beta"],
                     "lognormal2p.mu": out["lognormal_mu"], "lognormal2p.sigma": out["lognormal_sigma"],
                     "exponential1p.lambda": out["exponential_lambda"]}
    else:
        estimates = {k: out[k] for k in ("eta", "beta", "eta_se", "beta_se")}
    ok, text = agreement(estimates)
    if not ok:
        notes.append(f"{tool} on {name}: {text} — estimates {estimates}")
    return {"tool": tool, "timing": timing, "estimates": estimates, "agreement": text}


# ----------------------------------------------------------------------------------------------
# special lifetime models: two-component Weibull mixture, defective subpopulation (limited failure
# population) and the bathtub families. relmodel runs through its CLI (`relmodel fit --dist NAME
# --json FILE`, one process per fit); every tool's estimates are put into one independent NumPy
# log-likelihood (below), so the log-likelihoods compared are the same function at each tool's answer.

# log-likelihood difference (absolute) within which two maxima are the same maximum
LL_TOL = 1e-3


def weibull_log_density(t, eta, beta):
    import numpy as np
    z = t / eta
    return np.log(beta / eta) + (beta - 1) * np.log(z) - z ** beta


def weibull_log_survival(t, eta, beta):
    return -(t / eta) ** beta


def mixture_log_likelihood(t, failed, p):
    """Two-component Weibull mixture, relmodel's key names (p1, eta1, beta1, eta2, beta2; p2 = 1 - p1):
    sum over failures of ln(p1 f1 + p2 f2) and over suspensions of ln(p1 S1 + p2 S2)."""
    import numpy as np
    lw1, lw2 = np.log(p["p1"]), np.log1p(-p["p1"])
    tf, ts = t[failed], t[~failed]
    exact = np.logaddexp(lw1 + weibull_log_density(tf, p["eta1"], p["beta1"]),
                         lw2 + weibull_log_density(tf, p["eta2"], p["beta2"]))
    survivors = np.logaddexp(lw1 + weibull_log_survival(ts, p["eta1"], p["beta1"]),
                             lw2 + weibull_log_survival(ts, p["eta2"], p["beta2"]))
    return float(exact.sum() + survivors.sum())


def lfp_log_likelihood(t, failed, p):
    """Defective subpopulation, F(t) = p F0(t) with F0 Weibull(eta, beta): failures ln p + ln f0,
    suspensions ln(1 - p F0)."""
    import numpy as np
    tf, ts = t[failed], t[~failed]
    exact = np.log(p["p"]) + weibull_log_density(tf, p["eta"], p["beta"])
    survivors = np.log1p(-p["p"] * -np.expm1(weibull_log_survival(ts, p["eta"], p["beta"])))
    return float(exact.sum() + survivors.sum())


# The bathtub families, written from their survival functions in the CLI contract (docs/CLI.md,
# docs/BATHTUB.md; the same forms as Sources/Lifetime/Families/*.swift): parameter names in relmodel's JSON
# order, and (ln h(t), H(t)) for parameters p, with h = -d ln S/dt and H = -ln S.
def _chen(t, lam, beta):                       # S = exp(lambda (1 - e^(t^beta)))
    import numpy as np
    tb = t ** beta
    return np.log(lam * beta) + (beta - 1) * np.log(t) + tb, lam * np.expm1(tb)


def _exponential_power(t, alpha, lam):         # S = exp(1 - e^((lambda t)^alpha))
    import numpy as np
    z = (lam * t) ** alpha
    return np.log(alpha * lam) + (alpha - 1) * np.log(lam * t) + z, np.expm1(z)


def _modified_weibull(t, a, b, lam):           # S = exp(-a t^b e^(lambda t))
    import numpy as np
    return np.log(a) + np.log(b + lam * t) + (b - 1) * np.log(t) + lam * t, a * t ** b * np.exp(lam * t)


def _weibull_extension(t, lam, alpha, beta):   # S = exp(lambda alpha (1 - e^((t/alpha)^beta)))
    import numpy as np
    z = (t / alpha) ** beta
    return np.log(lam * beta) + (beta - 1) * np.log(t / alpha) + z, lam * alpha * np.expm1(z)


def _hjorth(t, delta, theta, beta):            # h = delta t + theta/(1 + beta t)
    import numpy as np
    return np.log(delta * t + theta / (1 + beta * t)), delta * t * t / 2 + theta / beta * np.log1p(beta * t)


BATHTUB = {"chen": (("lambda", "beta"), _chen),
           "exponential-power": (("alpha", "lambda"), _exponential_power),
           "modified-weibull": (("a", "b", "lambda"), _modified_weibull),
           "weibull-extension": (("lambda", "alpha", "beta"), _weibull_extension),
           "hjorth": (("delta", "theta", "beta"), _hjorth)}


def bathtub_log_likelihood(family, t, failed, p):
    """Time-scale density log-likelihood: sum of ln f = ln h - H over failures, ln S = -H over suspensions."""
    names, terms = BATHTUB[family]
    log_h, H = terms(t, *(p[n] for n in names))
    return float(log_h[failed].sum() - H.sum())


def bathtub_starts(family, t, failed):
    """Deterministic starting points for the SciPy fit, from the data's scale: shapes on a grid, time
    scales from 0.1 to 3 times the longest time, and each family's multiplier of H (chen and
    weibull-extension lambda, modified-weibull a, hjorth delta and theta) set so that the expected
    number of failures, sum of H over all units, equals the observed number."""
    import numpy as np
    d, T = failed.sum(), t.max()
    match = lambda H: d / H.sum()   # multiplier m with sum(m H) = d
    starts = []
    with np.errstate(all="ignore"):
        for shape in (0.25, 0.5, 1.0, 2.0):
            for scale in (0.1, 0.3, 1.0, 3.0):
                if family == "chen" and scale == 1.0:       # no time scale: one start per shape
                    starts.append([match(np.expm1(t ** shape)), shape])
                elif family == "exponential-power":
                    starts.append([shape, 1 / (scale * T)])
                elif family == "modified-weibull":
                    lam = scale / T
                    starts.append([match(t ** shape * np.exp(lam * t)), shape, lam])
                elif family == "weibull-extension":
                    alpha = scale * T
                    starts.append([match(alpha * np.expm1((t / alpha) ** shape)), alpha, shape])
        if family == "hjorth":
            for rate in (0.1, 1.0, 10.0, 100.0):
                beta = rate / T
                for q in (0.2, 0.5, 0.8):   # share of the failures in the decreasing part
                    starts.append([(1 - q) * match(t * t / 2), q * match(np.log1p(beta * t) / beta), beta])
    return [s for s in starts if all(np.isfinite(s)) and all(v > 0 for v in s)]


def scipy_mle(nll, starts, polish_top=3):
    """Maximum likelihood by SciPy, on the logarithms of the (positive) parameters: Nelder-Mead from
    every start, BFGS from the best few, then Newton steps with central-difference derivatives on the
    best (BFGS's own stopping rule leaves ~1e-6 relative; Newton takes it to the precision of the
    differences). Returns (parameters, maximised log-likelihood)."""
    import numpy as np
    from scipy.optimize import minimize

    def f(x):
        with np.errstate(all="ignore"):
            v = nll(np.exp(x))
        return v if np.isfinite(v) else 1e300

    runs = [minimize(f, np.log(s), method="Nelder-Mead",
                     options={"xatol": 1e-8, "fatol": 1e-10, "maxiter": 4000, "maxfev": 8000}) for s in starts]
    runs.sort(key=lambda r: r.fun)
    best_x, best_f = runs[0].x, runs[0].fun
    for r in runs[:polish_top]:
        b = minimize(f, r.x, method="BFGS", options={"gtol": 1e-8})
        if b.fun < best_f:
            best_x, best_f = b.x, b.fun
    x, k, h = best_x, len(best_x), 1e-4
    eye = np.eye(k) * h
    for _ in range(8):
        g = np.array([(f(x + eye[i]) - f(x - eye[i])) / (2 * h) for i in range(k)])
        H = np.array([[(f(x + eye[i] + eye[j]) - f(x + eye[i] - eye[j]) - f(x - eye[i] + eye[j])
                        + f(x - eye[i] - eye[j])) / (4 * h * h) for j in range(k)] for i in range(k)])
        try:
            step = np.linalg.solve(H, g)
        except np.linalg.LinAlgError:
            break
        if not f(x - step) < f(x):
            break
        x = x - step
    return np.exp(x), -f(x)


def scipy_bathtub(t, failed, _c, family):
    """An independent fit of a bathtub family: the log-likelihood above maximised by `scipy_mle` from
    `bathtub_starts` (no code shared with relmodel)."""
    names, _ = BATHTUB[family]
    starts = bathtub_starts(family, t, failed)

    def run():
        return scipy_mle(lambda p: -bathtub_log_likelihood(family, t, failed, dict(zip(names, p))), starts)

    def est(r):
        p = dict(zip(names, map(float, r[0])))
        return {**p, "logL": float(r[1]), "logL_own": bathtub_log_likelihood(family, t, failed, p)}

    return quiet(run), est


def surpyval_weibull_mixture(t, failed, c):
    """surpyval's `MixtureModel` (EM, then its own polish; the covariance read so it is timed)."""
    import numpy as np
    import surpyval

    def run():
        m = surpyval.MixtureModel.fit(x=t, c=c, dist=surpyval.Weibull, m=2)
        try:
            m.covariance()
        except ValueError:   # no covariance at a degenerate fit: the estimates are still compared
            pass
        return m

    def est(m):
        order = np.argsort(m.params[:, 0])   # shortest-lived first, relmodel's order
        (eta1, beta1), (eta2, beta2) = m.params[order]
        w = m.w[order]
        p = {"p1": float(w[0]), "eta1": float(eta1), "beta1": float(beta1), "p2": float(w[1]),
             "eta2": float(eta2), "beta2": float(beta2)}
        return {**p, "logL": float(m.log_likelihood), "logL_own": mixture_log_likelihood(t, failed, p),
                "maximum": m.maximum}

    return quiet(run), est


def reliability_weibull_mixture(t, failed, _c):
    from reliability.Fitters import Fit_Weibull_Mixture
    f, rc = t[failed], t[~failed]

    def run():
        return Fit_Weibull_Mixture(failures=f, right_censored=rc if len(rc) else None, CI=0.95,
                                   show_probability_plot=False, print_results=False)

    def est(r):
        parts = sorted([(r.alpha_1, r.beta_1, r.proportion_1), (r.alpha_2, r.beta_2, r.proportion_2)])
        (eta1, beta1, p1), (eta2, beta2, p2) = parts
        p = {"p1": p1, "eta1": eta1, "beta1": beta1, "p2": p2, "eta2": eta2, "beta2": beta2}
        p = {k: float(v) for k, v in p.items()}
        return {**p, "logL": float(r.loglik), "logL_own": mixture_log_likelihood(t, failed, p)}

    return quiet(run), est


def surpyval_weibull_lfp(t, failed, c):
    """surpyval's limited failure population: `Weibull.fit(..., lfp=True)` (params alpha, beta; the
    fraction defective is `lfp_p`)."""
    import surpyval

    def run():
        m = surpyval.Weibull.fit(x=t, c=c, lfp=True)
        _ = m.hess_inv
        return m

    def est(m):
        p = {"p": float(m.lfp_p), "eta": float(m.params[0]), "beta": float(m.params[1])}
        return {**p, "logL": float(m.log_likelihood), "logL_own": lfp_log_likelihood(t, failed, p)}

    return quiet(run), est


def reliability_weibull_ds(t, failed, _c):
    """reliability's Weibull defective subpopulation (`Fit_Weibull_DS`: alpha, beta, DS = the fraction
    that can fail): the same model as relmodel's weibull-lfp."""
    from reliability.Fitters import Fit_Weibull_DS
    f, rc = t[failed], t[~failed]

    def run():
        return Fit_Weibull_DS(failures=f, right_censored=rc if len(rc) else None, CI=0.95,
                              show_probability_plot=False, print_results=False)

    def est(r):
        p = {"p": float(r.DS), "eta": float(r.alpha), "beta": float(r.beta)}
        return {**p, "logL": float(r.loglik), "logL_own": lfp_log_likelihood(t, failed, p)}

    return quiet(run), est


# ----------------------------------------------------------------------------------------------
# nested variance components (group components): lot, wafer within lot, site within wafer (the
# residual), REML. relmodel runs through its CLI (`relmodel spc components FILE --json --no-intervals`,
# one process per fit); statsmodels' MixedLM and R's lme4 fit the same model. Every tool's three
# components go into one independent NumPy REML criterion (below), so the criteria compared are the
# same function at each tool's answer.

NESTED_LEVELS = ("lot", "wafer", "site")   # the last is the residual (replicates within a wafer)
# REML criterion difference (relative) within which two fits are at the same optimum: the criterion's
# own rounding, with a margin of 100. relmodel's criterion and the independent one at relmodel's
# estimates differ by about 1e-15 relative (4e-12 on the 10,000-row files' 2e4, 2e-10 on the
# 1,000,000 rows' 1.6e6); a fit short of the optimum by 1e-5 relative in a component raises the
# criterion by about 1e-8 on the 10,000-row files (5e-13 relative), above this.
CRIT_TOL = 1e-13


def load_nested(name):
    """A lot,wafer,site,thickness file with every label read as text (wafer 1 is a label, not a number)."""
    import pandas as pd
    return pd.read_csv(os.path.join(DATA, name), dtype={"lot": str, "wafer": str, "site": str})


def nested_summaries(df):
    """What the REML criterion of the nested model needs, per wafer: its lot, size n, mean of the
    centred values, and the total within-wafer sum of squares. The criterion does not change when every
    value is shifted by one constant (the fixed part is a mean), so the values are centred first: the
    sums of squares are then not differences of large numbers."""
    import numpy as np
    import pandas as pd
    y = df["thickness"].to_numpy(dtype=float)
    y = y - y.mean()
    wafer = df.groupby(["lot", "wafer"], sort=False).ngroup().to_numpy()   # wafer labels restart in every lot
    lot = pd.factorize(df["lot"])[0]
    n = np.bincount(wafer).astype(float)
    ybar = np.bincount(wafer, y) / n
    within = float(np.bincount(wafer, (y - ybar[wafer]) ** 2).sum())
    wafer_lot = np.empty(len(n), dtype=int)
    wafer_lot[wafer] = lot
    return {"wafer_lot": wafer_lot, "n": n, "ybar": ybar, "within": within, "rows": len(y)}


def nested_reml_criterion(s, lot, wafer, site):
    """-2 REML log-likelihood of y = mu + lot + wafer(lot) + e at the components (lme4's REML criterion,
    with its (N - 1) ln 2 pi), written here from the model: V is block diagonal by lot, V_i = e I +
    w blockdiag(J) + l J, inverted and its determinant taken by two rank-one updates per block
    (Woodbury), wafer by wafer and then lot by lot; mu is the GLS mean.
        -2 l_R = (N - 1) ln 2 pi + ln|V| + ln(1'V^-1 1) + y'V^-1 y - (1'V^-1 y)^2 / 1'V^-1 1"""
    import math
    import numpy as np
    if min(lot, wafer, site) < 0 or site == 0:
        return float("nan")
    n, ybar, wafer_lot, rows = s["n"], s["ybar"], s["wafer_lot"], s["rows"]
    lots = int(wafer_lot.max()) + 1
    d = site + n * wafer                                    # per wafer: e + n w, its block's eigenvalue along 1
    S = np.bincount(wafer_lot, n / d, lots)                 # per lot: 1'W_i^-1 1, W_i = V_i without the lot term
    T = np.bincount(wafer_lot, n * ybar / d, lots)          # per lot: 1'W_i^-1 y
    f = 1 + lot * S
    log_det = (rows - len(n)) * math.log(site) + np.log(d).sum() + np.log(f).sum()
    xvx = float((S / f).sum())
    xvy = float((T / f).sum())
    yvy = s["within"] / site + float((n * ybar * ybar / d).sum()) - float((lot * T * T / f).sum())
    return (rows - 1) * math.log(2 * math.pi) + float(log_det) + math.log(xvx) + yvy - xvy * xvy / xvx


def statsmodels_mixedlm(df, summaries):
    """statsmodels' MixedLM, REML: lots as its groups with a random intercept, wafers as a variance
    component within each lot (`vc_formula` terms are within a group, so wafer 1 of lot L1 and wafer 1
    of lot L2 are two wafers: the nested model). The formula and the model's design are built inside
    the timing, as lmer and relmodel build theirs. Called with its defaults, as users call it: its BFGS
    stops at a gradient of 1e-5 on the log-likelihood divided by the number of rows, short of the
    optimum, the more so the larger the file (with gtol=1e-10 it reaches relmodel's estimates)."""
    import statsmodels.formula.api as smf

    def run():
        model = smf.mixedlm("thickness ~ 1", df, groups="lot", re_formula="1", vc_formula={"wafer": "0 + C(wafer)"})
        return model.fit(reml=True)

    def est(r):
        p = {"lot": float(r.cov_re.iloc[0, 0]), "wafer": float(r.vcomp[0]), "site": float(r.scale)}
        # statsmodels' llf of a REML fit is the restricted log-likelihood with lme4's constant (checked
        # here: -2 llf and the independent criterion agree to rounding at its estimates).
        return {**p, "mean": float(r.fe_params.iloc[0]), "remlCriterion": -2 * float(r.llf),
                "crit_own": nested_reml_criterion(summaries, **p), "converged": bool(r.converged)}

    return quiet(run), est


# R's lme4 on a nested file (bench/compare.py passes this to Rscript -e): the data are read and the
# factors made before the clock starts; lmer (formula, model and fit) is timed inside R by proc.time:
# one warm-up, then repeats for BUDGET s (at least 3); a fit slower than SLOW s is timed once.
LMER_R = r"""
suppressPackageStartupMessages(library(lme4))
args <- commandArgs(trailingOnly = TRUE)
path <- args[1]; budget <- as.numeric(args[2]); slow <- as.numeric(args[3])
d <- read.csv(path, colClasses = c("character", "character", "character", "numeric"))
d$lot <- factor(d$lot); d$wafer <- factor(d$wafer)
work <- function() lmer(thickness ~ 1 + (1 | lot) + (1 | lot:wafer), data = d, REML = TRUE)
elapsed <- function() proc.time()[["elapsed"]]
t0 <- elapsed(); m <- work(); times <- elapsed() - t0
if (times <= slow) {
  times <- c(); start <- elapsed()
  while (length(times) < 3 || elapsed() - start < budget) {
    t0 <- elapsed(); m <- work(); times <- c(times, elapsed() - t0)
    if (length(times) >= 200) break
  }
}
num <- function(x) trimws(formatC(x, digits = 17, format = "g"))
vc <- as.data.frame(VarCorr(m)); v <- setNames(vc$vcov, vc$grp)
warned <- c(m@optinfo$conv$lme4$messages, m@optinfo$warnings)
cat("{", paste(c(sprintf('"median_s": %s', num(median(times))), sprintf('"min_s": %s', num(min(times))),
                 sprintf('"repeats": %d', length(times)),
                 sprintf('"lot": %s', num(v[["lot"]])), sprintf('"wafer": %s', num(v[["lot:wafer"]])),
                 sprintf('"site": %s', num(v[["Residual"]])), sprintf('"mean": %s', num(fixef(m)[[1]])),
                 sprintf('"remlCriterion": %s', num(REMLcrit(m))),
                 sprintf('"converged": %s', if (m@optinfo$conv$opt == 0 && length(warned) == 0) "true" else "false")),
               collapse = ", "), "}\n", sep = "")
"""


def r_lmer(name, summaries, budget, clock, notes, agreement):
    """R's lme4::lmer through LMER_R (timed inside R); a row, or a "not run" row if R or lme4 is missing."""
    tool = "R lme4 `lmer(thickness ~ 1 + (1|lot) + (1|lot:wafer), REML = TRUE)`"
    rscript = shutil.which("Rscript")
    if not rscript:
        notes.append(f"{tool}: not run, Rscript not found (bench/compare installs r-cran-lme4 where apt-get works)")
        return {"tool": tool, "note": "not run (no R)"}
    if subprocess.run([rscript, "-e", "library(lme4)"], capture_output=True).returncode != 0:
        notes.append(f"{tool}: not run, R has no lme4 (bench/compare installs r-cran-lme4 where apt-get works)")
        return {"tool": tool, "note": "not run (no lme4)"}
    if clock.remaining() < 20:
        return {"tool": tool, "note": "skipped (time cap)"}
    print(f"  {tool} ...", flush=True)
    try:
        run = subprocess.run([rscript, "-e", LMER_R, os.path.join(DATA, name), str(budget), "5"],
                             capture_output=True, text=True, timeout=max(120.0, clock.remaining()))
    except subprocess.TimeoutExpired:
        notes.append(f"{tool} on {name}: stopped at the time cap")
        return {"tool": tool, "note": "stopped (time cap)"}
    if run.returncode != 0:
        notes.append(f"{tool} on {name}: failed: {run.stderr.strip()[:200]}")
        return {"tool": tool, "note": "failed"}
    out = json.loads(run.stdout)
    timing = {"median_s": out["median_s"], "min_s": out["min_s"], "repeats": out["repeats"]}
    p = {k: out[k] for k in NESTED_LEVELS}
    estimates = {**p, "mean": out["mean"], "remlCriterion": out["remlCriterion"],
                 "crit_own": nested_reml_criterion(summaries, **p), "converged": out["converged"]}
    ok, text = agreement(estimates)
    if not ok:
        notes.append(f"{tool} on {name}: {text} — estimates {estimates}")
    return {"tool": tool, "timing": timing, "estimates": estimates, "agreement": text}


# ----------------------------------------------------------------------------------------------
# batch tool, minimum-batch policy (group loadsize): lots arrive as a Poisson stream of rate lambda;
# one tool of capacity b starts a batch, when idle, as soon as at least a lots wait, taking up to b
# (oldest first); a batch takes an exponential time of mean T whatever its size. The figure is the
# mean wait of a lot before its batch starts, the first 10% of each replication's lots discarded.
# relmodel simulates it through its CLI (`relmodel study load-size --simulate --json`); the peer is
# the same model written in SimPy. Both are checked against the exact value (Neuts' M/M^(a,b)/1,
# relmodel's exact mode), itself checked by an independent NumPy Markov chain (below).

LOADSIZE_WARMUP = 0.1
# Lots per replication and replications, the same for both tools: relmodel takes about 0.75 s on two cores
# (1.4 s on one), SimPy about 20 s (some 0.5 M lots/s), measured once (> 5 s); the group runs in about a minute.
LOADSIZE_LOTS = 1_000_000
LOADSIZE_REPLICATIONS = 10
# relmodel's exact mean wait and the independent chain's must agree within this (relative): both are
# exact up to rounding and the chain's truncation (a tail below 1e-14); they differ by about 1e-11.
LOADSIZE_EXACT_TOL = 1e-8


def batch_queue_chain_wait(lam, mean_service, b, a, tail=1e-14):
    """Mean wait before the batch starts in M/M^(a,b)/1, from the stationary law of the Markov chain
    written here independently of relmodel: states idle(k), k = 0..a-1 lots waiting, and busy(k),
    k = 0..n lots waiting; an arrival at idle(a-1) starts a batch of a (busy(0)); a batch end at
    busy(k) starts the next batch of min(k, b) when k >= a, else leaves the tool idle(k). n is where
    the busy tail (geometric, ratio the root in (0, 1) of mu z^(b+1) - (lambda + mu) z + lambda) falls
    below `tail`. Little's law: wait = lots waiting / lambda."""
    import numpy as np
    mu = 1 / mean_service
    roots = np.roots([mu] + [0] * (b - 1) + [-(lam + mu), lam])
    r = max(z.real for z in roots if abs(z.imag) < 1e-12 and 0 < z.real < 1 - 1e-12)
    n = int(np.ceil(np.log(tail) / np.log(r))) + 10
    size = a + n + 1
    q = np.zeros((size, size))
    for k in range(a):                       # idle(k) is state k
        q[k, a if k + 1 == a else k + 1] += lam
    for k in range(n + 1):                   # busy(k) is state a + k
        if k < n:
            q[a + k, a + k + 1] += lam
        q[a + k, a + k - min(k, b) if k >= a else k] += mu
    np.fill_diagonal(q, -q.sum(axis=1))
    m = q.T.copy()
    m[-1, :] = 1                             # one balance equation replaced by the normalisation
    rhs = np.zeros(size)
    rhs[-1] = 1
    p = np.linalg.solve(m, rhs)
    waiting = np.concatenate([np.arange(a), np.arange(n + 1)])
    return float(p @ waiting) / lam


def simpy_batch_tool(lam, mean_service, b, a, lots, replications, seed):
    """The batch tool in SimPy: a lot-source process (exponential gaps) appends (arrival time, index)
    to the waiting list and wakes the tool when at least a lots wait; the tool process waits for that
    event when fewer than a wait, takes up to b oldest first, and holds for an exponential batch time.
    Each replication has its own NumPy generator (seeded by (seed, replication)); its gaps and batch
    times are drawn beforehand as arrays. The run ends when the source has sent `lots` lots and the
    tool waits for ever (fewer than a left: their waits are not counted, as in relmodel). The first
    10% of the lots are not measured; the mean wait is the mean of the replications' means, with a 95%
    t interval from their spread. (A `simpy.Store` with one `get` per lot was 3.5x slower here; the
    peer is given the faster form.)"""
    import numpy as np
    import simpy
    from scipy import stats

    warm = int(lots * LOADSIZE_WARMUP)

    def replicate(r):
        rng = np.random.default_rng([seed, r])
        gaps = rng.exponential(1 / lam, lots).tolist()
        services = iter(rng.exponential(mean_service, lots).tolist())   # at most one batch per lot
        env = simpy.Environment()
        queue = []
        state = {"wake": None, "sum": 0.0, "count": 0}

        def source():
            for i, gap in enumerate(gaps):
                yield env.timeout(gap)
                queue.append((env.now, i))
                wake = state["wake"]
                if wake is not None and len(queue) >= a:
                    state["wake"] = None
                    wake.succeed()

        def tool():
            while True:
                if len(queue) < a:
                    state["wake"] = env.event()
                    yield state["wake"]
                k = min(b, len(queue))
                batch, queue[:k] = queue[:k], []
                for arrival, i in batch:
                    if i >= warm:
                        state["sum"] += env.now - arrival
                        state["count"] += 1
                yield env.timeout(next(services))

        env.process(source())
        env.process(tool())
        env.run()
        return state["sum"] / state["count"]

    def run():
        means = [replicate(r) for r in range(replications)]
        mean = statistics.fmean(means)
        half = stats.t.ppf(0.975, replications - 1) * statistics.stdev(means) / replications ** 0.5
        return {"meanWait": mean, "ci": [mean - half, mean + half], "lotsSimulated": lots * replications,
                "replicationMeans": means}

    return run, lambda e: e


def loadsize_agreement(exact, estimates):
    """A simulated mean wait against the exact value: agree when the exact value lies inside the
    tool's own 95% interval (expected about 95% of the time for a correct simulation)."""
    lo, hi = estimates["ci"]
    ok = lo <= exact <= hi
    text = (f"mean wait {estimates['meanWait']:.5f} h, 95% CI [{lo:.5f}, {hi:.5f}] "
            f"{'contains' if ok else 'does NOT contain'} the exact {exact:.5f} h")
    return ok, ("agree: " if ok else "**DISAGREE**: ") + text


# ----------------------------------------------------------------------------------------------
# relmodel

def relmodel_timing(exe, mode, name, budget):
    out = subprocess.run([exe, mode, os.path.join(DATA, name), str(budget)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def relmodel_cli(exe, name, clock, extra=(), budget=3.0):
    """End-to-end `relmodel fit FILE [extra]` (Fisher bounds, default report) to /dev/null."""
    path = os.path.join(DATA, name)
    hyperfine = shutil.which("hyperfine")
    if hyperfine and not extra:
        export = os.path.join(DATA, f"hyperfine-{name}.json")
        subprocess.run([hyperfine, "--warmup", "1", "--min-runs", "5", "--export-json", export,
                        "--output", "null", f"{exe} fit {path}"], check=True, capture_output=True)
        times = json.load(open(export))["results"][0]["times"]
        return {"median_s": statistics.median(times), "min_s": min(times), "repeats": len(times),
                "timer": "hyperfine"}, 0
    def run():
        return subprocess.run([exe, "fit", path, *extra], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
    timing, code = measure(run, budget=budget, min_reps=5 if budget > 0 else 1, max_reps=200, clock=clock,
                           slow=5.0 if budget > 0 else 0.5)
    timing["timer"] = "perf_counter around subprocess.run (includes process start-up)"
    return timing, code


def timed_cli(cmd, clock, budget=3.0, timeout=None):
    """`cmd` run end to end, timed by perf_counter around subprocess.run (process start-up, reading the
    input and writing the JSON inside the time; a run slower than 5 s is timed once). Returns (timing,
    the parsed JSON document or None, an error text or None); a run longer than `timeout` s is stopped."""
    def run():
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)

    try:
        timing, proc = measure(run, budget=budget, min_reps=3, max_reps=200, clock=clock)
    except subprocess.TimeoutExpired:
        return None, None, f"did not finish in {timeout:.0f} s (stopped)"
    timing["timer"] = "perf_counter around subprocess.run (includes process start-up)"
    if proc.returncode != 0:
        return timing, None, f"exit {proc.returncode}: {proc.stderr.strip()[:200]}"
    return timing, json.loads(proc.stdout), None


def relmodel_cli_fit(exe, name, dist, clock, budget=3.0, timeout=None):
    """End-to-end `relmodel fit --dist DIST --json FILE` (Fisher bounds, default report), timed by
    perf_counter around subprocess.run (process start-up, reading the CSV and writing the JSON are
    inside the time; a run slower than 5 s is timed once). Returns (timing, the model object of DIST
    from the JSON, or None, and an error text or None); a run longer than `timeout` s is stopped."""
    cmd = [exe, "fit", "--dist", dist, "--json", os.path.join(DATA, name)]
    timing, doc, error = timed_cli(cmd, clock, budget, timeout)
    if doc is None:
        return timing, None, error
    models = [m for m in doc["models"] if m.get("distribution") == dist]
    return timing, (models[0] if models else None), (None if models else f"no {dist} model in the JSON")


def relmodel_cli_components(exe, name, clock, budget=3.0, timeout=None):
    """End-to-end `relmodel spc components FILE --value thickness --levels lot,wafer,site --json
    --no-intervals` (REML estimates only, as the peers give: the profile-likelihood intervals would
    be extra work), timed like `relmodel_cli_fit`. Returns (timing, the JSON document or None, an
    error text or None)."""
    cmd = [exe, "spc", "components", os.path.join(DATA, name), "--value", "thickness",
           "--levels", ",".join(NESTED_LEVELS), "--json", "--no-intervals"]
    return timed_cli(cmd, clock, budget, timeout)


def relmodel_loadsize_args(lam, mean_service, b, a):
    return ["study", "load-size", "--arrival-rate", repr(lam), "--service-mean", repr(mean_service),
            "--capacity", str(b), "--min-batch", str(a), "--json"]


def relmodel_loadsize_exact(exe, lam, mean_service, b, a):
    """relmodel's exact mean wait (Neuts' M/M^(a,b)/1 in closed form: `relmodel study load-size` without
    --simulate). Returns (mean wait or None, an error text or None)."""
    proc = subprocess.run([exe, *relmodel_loadsize_args(lam, mean_service, b, a)], capture_output=True, text=True)
    if proc.returncode != 0:
        return None, f"exit {proc.returncode}: {proc.stderr.strip()[:200]}"
    policy = json.loads(proc.stdout)["policies"][0]
    if policy.get("method") != "exact":
        return None, f"method {policy.get('method')!r}, not exact"
    return policy["meanWait"], None


def relmodel_cli_loadsize(exe, lam, mean_service, b, a, lots, replications, seed, clock, one_core=False, budget=3.0):
    """End-to-end `relmodel study load-size ... --min-batch A --simulate --lots N --replications R --seed S
    --json`, timed like `relmodel_cli_fit` (the replications run in parallel on every core; with
    `one_core`, under `taskset -c 0`). Returns (timing, the policy object of the JSON with
    "lotsSimulated" added, or None, and an error text or None)."""
    cmd = [exe, *relmodel_loadsize_args(lam, mean_service, b, a), "--simulate", "--lots", str(lots),
           "--replications", str(replications), "--seed", str(seed)]
    if one_core:
        cmd = ["taskset", "-c", "0", *cmd]
    timing, doc, error = timed_cli(cmd, clock, budget)
    if doc is None:
        return timing, None, error
    return timing, {**doc["policies"][0], "lotsSimulated": doc["lotsSimulated"]}, None


# ----------------------------------------------------------------------------------------------
# agreement

def rel(a, b):
    if a is None or b is None:
        return float("inf")
    if a == b:
        return 0.0
    return abs(a - b) / max(abs(a), abs(b))


def pca_agreement(ours, theirs, tol=1e-8):
    worst = max([rel(a, b) for a, b in zip(ours["explained"], theirs["explained"])]
                + [rel(a, b) for a, b in zip(ours["t2"], theirs["t2"])]
                + [rel(a, b) for a, b in zip(ours["spe"], theirs["spe"])]
                + [rel(ours["t2_limit"], theirs["t2_limit"]), rel(ours["spe_limit"], theirs["spe_limit"])])
    ok = worst <= tol and len(ours["t2"]) == len(theirs["t2"])
    return ok, f"{'agree' if ok else 'DISAGREE'}: explained variance, T2, SPE and limits {worst:.1e}"


def converged_note(fit, label=""):
    if fit.get("converged", True):
        return ""
    return f"; **{label + ' ' if label else ''}NOT CONVERGED** ({fit.get('iterations')} iterations)"


def weibull_agreement(ours, theirs):
    fit = ours["fit"]
    d_par = max(rel(fit["eta"], theirs["eta"]), rel(fit["beta"], theirs["beta"]))
    d_se = max(rel(fit["eta_se"], theirs["eta_se"]), rel(fit["beta_se"], theirs["beta_se"]))
    ok = d_par <= PARAM_TOL and d_se <= SE_TOL
    return ok, f"{'agree' if ok else 'DISAGREE'}: params {d_par:.1e}, SE {d_se:.1e}"


def gamma_agreement(ours, theirs):
    fit = ours["models"][0] if ours.get("models") else {}
    d = max(rel(fit.get("shape"), theirs["shape"]), rel(fit.get("scale"), theirs["scale"]))
    ok = d <= PARAM_TOL and fit.get("converged", False)
    return ok, f"{'agree' if ok else 'DISAGREE'}: shape and scale {d:.1e}" + ("" if fit.get("converged", False) else "; relmodel NOT CONVERGED")


def fitall_agreement(ours, theirs):
    models = {m["family"]: m for m in ours["models"]}
    names = {"weibull2p": ("eta", "beta"), "lognormal2p": ("mu", "sigma"), "exponential1p": ("lambda",)}
    worst, notes = 0.0, []
    for family, params in names.items():
        for p in params:
            key = f"{family}.{p}"
            if key in theirs and family in models:
                worst = max(worst, rel(models[family][p], theirs[key]))
    best = theirs.get("best", theirs.get("best_by_aic"))
    if best is not None and best != ours["best"]:
        notes.append(f"best model {best} vs relmodel {ours['best']}")
    ok = worst <= PARAM_TOL and not notes
    return ok, f"{'agree' if ok else 'DISAGREE'}: params {worst:.1e}" + ("; " + "; ".join(notes) if notes else "")


def relmodel_special_note(model, own_ll):
    """The relmodel row's text: its estimates and log-likelihood, the independent log-likelihood at its
    estimates (a check of relmodel's likelihood itself), and its convergence and degeneracy flags."""
    p = model["parameters"]
    text = ", ".join(f"{k} {v:.6g}" for k, v in p.items()) + f"; logL {model['logLikelihood']:.6f}"
    d = own_ll - model["logLikelihood"]
    text += f" (independent NumPy logL at these estimates: {d:+.1e})"
    if abs(d) > 1e-6 * max(1.0, abs(own_ll)):
        text += " **relmodel's logL is not the model's**"
    diagnostics = model.get("diagnostics") or {}
    if diagnostics.get("degenerate"):
        text += "; **degenerate**: " + "; ".join(diagnostics.get("notes", []))
    return text + converged_note({"converged": model.get("converged", False),
                                  "iterations": diagnostics.get("iterations")})


def mle_agreement(model, own_ll, theirs):
    """relmodel's model object against a peer's estimates (relmodel's key names): the largest relative
    difference over the parameters, and the log-likelihood difference peer - relmodel, both evaluated by
    the same independent NumPy log-likelihood. On a disagreement the sign of that difference says
    which side is short of the maximum."""
    ours = model["parameters"]
    d_par = max(rel(v, theirs.get(k)) for k, v in ours.items())
    d_ll = theirs["logL_own"] - own_ll
    ok = d_par <= PARAM_TOL and abs(d_ll) <= LL_TOL
    text = f"{'agree' if ok else 'DISAGREE'}: params {d_par:.1e}, logL {d_ll:+.1e}"
    if not ok:
        if d_ll > LL_TOL:
            text += " (**the peer's maximum is higher: relmodel stopped short of it**)"
        elif d_ll < -LL_TOL:
            text += " (relmodel's maximum is higher: the peer stopped short of it)"
        else:
            text += " (the same log-likelihood at different estimates: a flat ridge, parameters weakly identified)"
    return ok, text


def crit_verdict(d, crit):
    """The sign of a REML criterion difference, peer - relmodel, at the independent criterion: the
    lower criterion is the better optimum (lme4's convention: -2 REML log-likelihood)."""
    if d > CRIT_TOL * abs(crit):
        return "the peer stopped short of the optimum"
    if d < -CRIT_TOL * abs(crit):
        return "**the peer's criterion is lower: relmodel stopped short of the optimum**"
    return "the same optimum"


def components_note(doc, own_crit):
    """The relmodel row's text: its components, its REML criterion, the independent criterion at its
    estimates (a check of relmodel's criterion itself), and its convergence."""
    c = doc["components"]
    text = ", ".join(f"{k} {c[k]:.7g}" for k in NESTED_LEVELS) + f"; REML criterion {doc['remlCriterion']:.6f}"
    d = own_crit - doc["remlCriterion"]
    text += f" (independent NumPy criterion at these estimates: {d:+.1e})"
    if abs(d) > CRIT_TOL * abs(own_crit):
        text += " **relmodel's criterion is not the model's**"
    if doc.get("atZero"):
        text += "; at zero: " + ", ".join(doc["atZero"])
    text += f"; gradient {doc.get('gradientNorm', float('nan')):.1e}"
    if not doc.get("converged", False):
        text += f"; **NOT CONVERGED** ({doc.get('iterations')} iterations)"
    return text


def components_agreement(doc, own_crit, theirs):
    """A peer's three components against relmodel's (largest relative difference), and the REML
    criteria: the peer's own and, at its estimates, the independent one, whose difference from
    relmodel's (peer - relmodel) says which side stopped short of the optimum."""
    ours = doc["components"]
    d_par = max(rel(ours[k], theirs.get(k)) for k in NESTED_LEVELS)
    ok = d_par <= PARAM_TOL
    d = theirs["crit_own"] - own_crit
    text = f"{'agree' if ok else 'DISAGREE'}: components {d_par:.1e}"
    if not ok:
        text += " (" + ", ".join(f"{k} {theirs[k]:.7g}" for k in NESTED_LEVELS) + ")"
    text += (f"; REML criterion {theirs['remlCriterion']:.6f} (its own), independent criterion {d:+.1e} "
             f"against relmodel's: {crit_verdict(d, own_crit)}")
    if not theirs.get("converged", True):
        text += "; **peer reports NOT CONVERGED**"
    return ok, text


# ----------------------------------------------------------------------------------------------
# report

def fmt_time(s):
    if s is None:
        return "-"
    if s < 1e-3:
        return f"{s * 1e6:.1f} µs"
    if s < 1:
        return f"{s * 1e3:.1f} ms"
    return f"{s:.2f} s"


def fmt_ratio(r):
    """Speed-up as a multiple; below 1 (relmodel slower) with two significant digits."""
    return f"{r:,.0f}×" if r >= 10 else f"{r:.2g}×"


def machine():
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.strip().splitlines()
    versions = {}
    for p in ("reliability", "surpyval", "lifelines", "pandas", "numpy", "scipy", "autograd", "statsmodels", "simpy"):
        try:
            versions[p] = importlib.metadata.version(p)
        except importlib.metadata.PackageNotFoundError:   # its rows say "not run"
            pass
    if shutil.which("Rscript"):
        # R, then each package's version or "-" when it is missing (its rows say "not run")
        r = subprocess.run(["Rscript", "-e", 'v <- function(p) if (requireNamespace(p, quietly = TRUE)) '
                            'as.character(packageVersion(p)) else "-"; '
                            'cat(paste(R.version$major, R.version$minor, sep = "."), v("survival"), v("lme4"))'],
                           capture_output=True, text=True)
        if r.returncode == 0 and len(r.stdout.split()) == 3:
            for key, value in zip(("R", "survival", "lme4"), r.stdout.split()):
                if value != "-":
                    versions[key] = value
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "kernel": platform.release(),
        "load": " ".join(f"{x:.1f}" for x in os.getloadavg()),
        "python": platform.python_version(),
        "swift": swift[0] if swift else "unknown",
        "versions": versions,
    }


def write_markdown(results, info, path):
    lines = [MARK_BEGIN, "", f"Measured {info['date']} on {info['nproc']} cores, {info['cpu']} "
             f"(Linux {info['kernel']}; load average at start {info['load']}, at end {results['load_end']}); {info['swift']}; Python {info['python']}, "
             + ", ".join(f"{k} {v}" for k, v in info["versions"].items()) + ".", "",
             f"Command: `{results.get('command', 'bash bench/compare')}` (total {results['elapsed_s']:.0f} s of measuring). "
             "Times are medians (minimum in brackets) over the repeats shown; speed-up = peer median / relmodel median. "
             f"Agreement: eta and beta (fit-all: every family's parameters) within {PARAM_TOL:g} relative, "
             f"standard errors within {SE_TOL:g} relative; mixture, defective-subpopulation and bathtub models: every parameter "
             f"within {PARAM_TOL:g} relative and the log-likelihood, recomputed by one independent NumPy function at each "
             f"tool's estimates, within {LL_TOL:g}; nested variance components: the three components within {PARAM_TOL:g} "
             "relative, and the REML criterion (-2 REML log-likelihood, lme4's convention) recomputed by one independent "
             "NumPy function at each tool's estimates: the lower is the better optimum; batch tool (load size): each tool's "
             "simulated mean wait has a 95% t interval across replications, which must contain the exact value (Neuts' "
             "closed form; a correct simulation misses it about one time in 20), and its speed-up is relmodel's lots "
             "simulated per second over SimPy's.", ""]
    lines += ["| case | tool | median (min) | repeats | speed-up of relmodel | estimates |",
              "|---|---|---|---|---|---|"]
    for case in results["cases"]:
        base = case["rows"][0]["timing"]["median_s"] if case["rows"] and case["rows"][0].get("timing") else None
        for row in case["rows"]:
            t = row.get("timing")
            if t is None:
                lines.append(f"| {case['title']} | {row['tool']} | {row.get('note', 'not run')} | - | - | - |")
                continue
            if row is case["rows"][0]:
                ratio = "1 (reference)" if case.get("ratios", True) else "-"
            elif case.get("ratios", True) and "speedup" in row:   # a speed-up not from the times (loadsize: lots/s)
                ratio = row["speedup"]
            elif not case.get("ratios", True) or row["tool"].startswith("relmodel") or not row.get("ratio", True):
                ratio = "-"
            else:
                ratio = fmt_ratio(t["median_s"] / base)
            lines.append(f"| {case['title']} | {row['tool']} | {fmt_time(t['median_s'])} ({fmt_time(t['min_s'])}) "
                         f"| {t['repeats']} | {ratio} | {row.get('agreement', '')} |")
    if results["targets"]:
        lines += ["", "Targets:", "", "| target | measured | met |", "|---|---|---|"]
    for target in results["targets"]:
        lines.append(f"| {target['target']} | {target['measured']} | {'yes' if target['met'] else '**no**'} |")
    if results.get("notes"):
        lines += ["", "Notes from this run:", ""] + [f"- {n}" for n in results["notes"]]
    lines += ["", MARK_END]
    block = "\n".join(lines)
    text = open(path).read() if os.path.exists(path) else f"# Benchmarks\n\n{MARK_BEGIN}\n{MARK_END}\n"
    if MARK_BEGIN in text and MARK_END in text:
        head, rest = text.split(MARK_BEGIN, 1)
        tail = rest.split(MARK_END, 1)[1]
        text = head + block + tail
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    with open(path, "w") as f:
        f.write(text)


# ----------------------------------------------------------------------------------------------

def main():
    global DATA
    parser = argparse.ArgumentParser(description="relmodel against its Python peers (and R) on the same seeded data.")
    parser.add_argument("--timing", help="relmodel-timing executable (release); needed by the groups "
                        + ", ".join(g for g in GROUPS if g in NEEDS_TIMING))
    parser.add_argument("--relmodel", required=True, help="relmodel executable (release)")
    parser.add_argument("--minutes", type=float, default=12, help="cap on the measuring time")
    parser.add_argument("--only", metavar="GROUP,...",
                        help="run only these groups of cases (default: all): " + ", ".join(GROUPS))
    parser.add_argument("--markdown", help="file whose measured section is rewritten (default: BENCHMARKS.md; "
                        "with --only, DATA/compare-only.md, so that a partial run never replaces the full table)")
    parser.add_argument("--data", default=DATA, help="where the seeded datasets are written and read (default: bench/data)")
    args = parser.parse_args()
    only = set(args.only.split(",")) if args.only else set(GROUPS)
    unknown = only - set(GROUPS)
    if unknown:
        parser.error(f"unknown group(s) {', '.join(sorted(unknown))}; the groups are {', '.join(GROUPS)}")
    if not args.timing and only & NEEDS_TIMING:
        parser.error(f"--timing is needed for {', '.join(g for g in GROUPS if g in only & NEEDS_TIMING)} "
                     "(or choose other groups with --only)")
    want = lambda group: group in only
    DATA = os.path.abspath(args.data)
    if args.markdown is None:
        args.markdown = os.path.join(ROOT, "BENCHMARKS.md") if not args.only else os.path.join(DATA, "compare-only.md")
    clock = Clock(args.minutes)
    info = machine()
    notes = []

    def peer(title, tool, factory, agreement, *data, budget=3.0, **kw):
        if clock.remaining() < 20:
            notes.append(f"{title} / {tool}: skipped, time cap reached")
            return {"tool": tool, "note": "skipped (time cap)"}
        print(f"  {title}: {tool} ...", flush=True)
        fn, est = factory(*data, **kw)
        try:
            timing, result = measure(fn, budget=budget, clock=clock)
        except Exception as e:  # a peer failing is a result, not a crash of the comparison
            notes.append(f"{title} / {tool}: raised {type(e).__name__}: {e}")
            return {"tool": tool, "note": f"failed: {type(e).__name__}"}
        estimates = est(result)
        ok, text = agreement(estimates) if agreement else (True, "")
        if agreement and not ok:
            notes.append(f"{title} / {tool}: {text} — estimates {estimates}")
        return {"tool": tool, "timing": timing, "estimates": estimates, "agreement": text}

    cases = []
    print("generating data ...", flush=True)
    subprocess.run([sys.executable, os.path.join(HERE, "generate_data.py"), DATA], check=True)

    # Weibull 2p MLE + Fisher bounds, on Type I censoring (one common censoring time) and on randomly
    # censored data (each unit its own censoring time), at both sizes. Inspection (interval-censored)
    # data follow: reliability has no interval-censored input; survreg.R reads time,event files only.
    if want("weibull"):
        for name, title in (("weibull_20.csv", "weibull2p MLE + Fisher bounds, 20 units"),
                            ("weibull_100000.csv", "weibull2p MLE + Fisher bounds, 100,000 units (30% censored)"),
                            ("random_20.csv", "weibull2p MLE + Fisher bounds, 20 units, random censoring"),
                            ("random_100000.csv", "weibull2p MLE + Fisher bounds, 100,000 units, random censoring (30%, each unit its own time)")):
            print(title, flush=True)
            ours = relmodel_timing(args.timing, "weibull", name, 2)
            t, failed, c = load(name)
            rows = [{"tool": "relmodel (library)", "timing": ours, "estimates": ours["fit"],
                     "agreement": f"eta {ours['fit']['eta']:.6g}, beta {ours['fit']['beta']:.6g}" + converged_note(ours["fit"])}]
            if not ours["fit"]["converged"]:
                notes.append(f"{title}: relmodel reports the weibull2p fit NOT CONVERGED after {ours['fit']['iterations']} iterations "
                             "(the estimates still agree with the peers; see BENCHMARKS.md, known problems)")
            agree = lambda e, ours=ours: weibull_agreement(ours, e)
            rows.append(peer(title, "surpyval `Weibull.fit`", surpyval_weibull, agree, t, failed, c))
            rows.append(peer(title, "reliability `Fit_Weibull_2P`", reliability_weibull, agree, t, failed, c))
            rows.append(peer(title, "lifelines `WeibullFitter`", lifelines_weibull, agree, t, failed, c))
            rows.append(r_survreg("weibull", name, 2, clock, notes, agree))
            cases.append({"title": title, "key": name, "rows": rows})
        for name, title in (("interval_20.csv", "weibull2p MLE + Fisher bounds, 20 units, interval censoring (inspections)"),
                            ("interval_100000.csv", "weibull2p MLE + Fisher bounds, 100,000 units, interval censoring (each unit its own inspection schedule)")):
            print(title, flush=True)
            ours = relmodel_timing(args.timing, "weibull", name, 2)
            lo, hi = load_interval(name)
            rows = [{"tool": "relmodel (library)", "timing": ours, "estimates": ours["fit"],
                     "agreement": f"eta {ours['fit']['eta']:.6g}, beta {ours['fit']['beta']:.6g}" + converged_note(ours["fit"])}]
            agree = lambda e, ours=ours: weibull_agreement(ours, e)
            rows.append(peer(title, "surpyval `Weibull.fit` (xl, xr)", surpyval_weibull_interval, agree, lo, hi))
            rows.append({"tool": "reliability `Fit_Weibull_2P`", "note": "not supported (no interval-censored input)"})
            rows.append(peer(title, "lifelines `WeibullFitter.fit_interval_censoring`", lifelines_weibull_interval, agree, lo, hi))
            cases.append({"title": title, "key": name, "rows": rows})

    # gamma2p on the randomly censored and interval-censored 100,000 units (issue 10, item 9)
    if want("gamma"):
        for name, title in (("random_100000.csv", "gamma2p MLE + Fisher bounds, 100,000 units, random censoring"),
                            ("interval_100000.csv", "gamma2p MLE + Fisher bounds, 100,000 units, interval censoring")):
            print(title, flush=True)
            ours = relmodel_timing(args.timing, "fit-gamma2p", name, 2)
            fit = ours["models"][0] if ours.get("models") else {}
            rows = [{"tool": "relmodel (library, `LifetimeAnalysis`)", "timing": ours, "estimates": ours,
                     "agreement": f"shape {fit.get('shape', float('nan')):.7g}, scale {fit.get('scale', float('nan')):.7g}"
                                  + converged_note(fit)}]
            agree = lambda e, ours=ours: gamma_agreement(ours, e)
            if name.startswith("interval"):
                lo, hi = load_interval(name)
                rows.append(peer(title, "surpyval `Gamma.fit` (xl, xr)", surpyval_gamma, agree, lo=lo, hi=hi))
            else:
                t, failed, c = load(name)
                rows.append(peer(title, "surpyval `Gamma.fit`", surpyval_gamma, agree, t, failed, c))
            cases.append({"title": title, "key": "gamma-" + name, "rows": rows})

    # fit-all on 100,000
    if want("fitall"):
        title = "fit-all (weibull2p, lognormal2p, exponential1p), 100,000 units"
        print(title, flush=True)
        ours = relmodel_timing(args.timing, "fitall", "weibull_100000.csv", 3)
        t, failed, c = load("weibull_100000.csv")
        agree = lambda e: fitall_agreement(ours, e)
        rows = [{"tool": "relmodel (library, `LifetimeAnalysis`)", "timing": ours, "estimates": ours,
                 "agreement": f"best {ours['best']}" + "".join(converged_note(m, m["family"]) for m in ours["models"])}]
        rows.append(peer(title, "surpyval `fit_best` (same 3 families)", surpyval_fit_best, agree, t, failed, c))
        rows.append(peer(title, "reliability `Fit_Everything` (same 3 families)", reliability_fit_everything, agree, t, failed, c))
        rows.append(peer(title, "lifelines Weibull+LogNormal+Exponential fitters", lifelines_three_fitters, agree, t, failed, c))
        rows.append(r_survreg("fitall", "weibull_100000.csv", 3, clock, notes, agree))
        cases.append({"title": title, "key": "fitall", "rows": rows})

        # fit-all over the families both relmodel and surpyval's default fit_best list have
        title = "fit-all (the 7 families surpyval's default list shares with relmodel: weibull2p, lognormal2p, exponential1p, normal, gumbel, loglogistic2p, gamma2p), 100,000 units"
        print(title, flush=True)
        common = relmodel_timing(args.timing, "fitall-common", "weibull_100000.csv", 3)
        agree_common = lambda e: fitall_agreement(common, e)
        rows = [{"tool": "relmodel (library, `LifetimeAnalysis`)", "timing": common, "estimates": common,
                 "agreement": f"best {common['best']}" + "".join(converged_note(m, m["family"]) for m in common["models"])}]
        rows.append(peer(title, "surpyval `fit_best` (the same 7 families)", surpyval_fit_best, agree_common, t, failed, c,
                         include=SURPYVAL_COMMON))
        cases.append({"title": title, "key": "fitall-common", "rows": rows})

        title = "fit-all (the 7 families both fit), 100,000 units, random censoring"
        print(title, flush=True)
        t_r, failed_r, c_r = load("random_100000.csv")
        common_r = relmodel_timing(args.timing, "fitall-common", "random_100000.csv", 3)
        rows = [{"tool": "relmodel (library, `LifetimeAnalysis`)", "timing": common_r, "estimates": common_r,
                 "agreement": f"best {common_r['best']}" + "".join(converged_note(m, m["family"]) for m in common_r["models"])}]
        rows.append(peer(title, "surpyval `fit_best` (the same 7 families)", surpyval_fit_best,
                         lambda e: fitall_agreement(common_r, e), t_r, failed_r, c_r, include=SURPYVAL_COMMON))
        cases.append({"title": title, "key": "fitall-common-random", "rows": rows})

    # ingest
    if want("ingest"):
        title = "ingest 1,000,000-row CSV (time,event)"
        print(title, flush=True)
        ours = relmodel_timing(args.timing, "ingest", "lifetimes_1000000.csv", 2)
        mb = ours["bytes"] / 1e6
        pd_agree = lambda e: ((e["rows"] == ours["rows"] and e["failures"] == ours["failures"]),
                              f"{'agree' if e['rows'] == ours['rows'] and e['failures'] == ours['failures'] else 'DISAGREE'}: "
                              f"{e['rows']} rows, {e['failures']} failures")
        rows = [{"tool": "relmodel `CSVTable.read` + `LifetimeReader.read` (typed)", "timing": ours["read_typed"],
                 "agreement": f"{ours['read_typed']['mb_per_s']:.0f} MB/s; {ours['rows']} rows, {int(ours['failures'])} failures"},
                {"tool": "relmodel `CSVTable.read` (tokenize only)", "timing": ours["read"],
                 "agreement": f"{ours['read']['mb_per_s']:.0f} MB/s"}]
        pandas_row = peer(title, "pandas `read_csv`", pandas_read, pd_agree, os.path.join(DATA, "lifetimes_1000000.csv"))
        if pandas_row.get("timing"):
            pandas_row["agreement"] += f"; {mb / pandas_row['timing']['median_s']:.0f} MB/s"
        rows.append(pandas_row)
        cases.append({"title": title + f", {mb:.1f} MB", "key": "ingest", "rows": rows})
        ingest = ours

    # batch-trajectory PCA
    if want("pca"):
        title = "multiway PCA, 53 batches x 10 variables x 100 time points (3 components, T2, SPE, 0.99 limits)"
        print(title, flush=True)
        pca = relmodel_timing(args.timing, "pca", "batches_53.csv", 2)
        rows = [{"tool": "relmodel (library, `MultiwayPCA` + `assess`)", "timing": pca,
                 "agreement": f"explained {sum(pca['explained']):.4f} by 3 components"}]
        rows.append(peer(title, "NumPy/SciPy (the same computation written out)", numpy_batch_pca,
                         lambda e: pca_agreement(pca, e), os.path.join(DATA, "batches_53.csv")))
        cases.append({"title": title, "key": "pca", "rows": rows})

    # end to end
    if want("cli"):
        cli_rows = []
        for name in ("weibull_20.csv", "weibull_100000.csv", "lifetimes_1000000.csv",
                     "random_20.csv", "random_100000.csv", "random_1000000.csv",
                     "interval_20.csv", "interval_100000.csv", "interval_1000000.csv"):
            timing, code = relmodel_cli(args.relmodel, name, clock)
            cli_rows.append({"tool": f"`relmodel fit {name}`", "timing": timing,
                             "agreement": "exit 0" if code == 0 else f"**exit {code}**"})
            if code != 0:
                notes.append(f"relmodel fit {name} exited {code}")
        for name in ("random_100000.csv", "interval_100000.csv"):
            timing, code = relmodel_cli(args.relmodel, name, clock, extra=["--all"], budget=0)
            cli_rows.append({"tool": f"`relmodel fit {name} --all`", "timing": timing,
                             "agreement": "exit 0" if code == 0 else f"**exit {code}**"})
            if code != 0:
                notes.append(f"relmodel fit {name} --all exited {code}")
        cases.append({"title": "relmodel CLI end to end (`relmodel fit FILE`: default families, default report)",
                      "key": "cli", "rows": cli_rows, "ratios": False})
        if not shutil.which("hyperfine"):
            notes.append("hyperfine is not installed: CLI times are perf_counter around subprocess.run (includes fork/exec and process start-up).")

    # context: the peers' own default candidate lists (not identical work; one repeat, if time allows)
    if want("context"):
        title = "context: `relmodel fit --all` (all 12 families, 5 of them with a threshold) against the peers' default fit-all lists, 100,000 units (not identical work)"
        every = relmodel_timing(args.timing, "fitall-every", "weibull_100000.csv", 3)
        t, failed, c = load("weibull_100000.csv")
        rows = [{"tool": "relmodel (library, `LifetimeAnalysis`, every family)", "timing": every,
                 "agreement": f"best {every['best']}" + "".join(converged_note(m, m["family"]) for m in every["models"])}]
        if clock.remaining() > 240:
            rows.append(peer(title, "surpyval `fit_best` (all its default families)", surpyval_fit_best, None, t, failed, c,
                             restricted=False, budget=0))
        if clock.remaining() > 180:
            rows.append(peer(title, "reliability `Fit_Everything` (all 16 models)", reliability_fit_everything, None, t, failed, c,
                             restricted=False, budget=0))
        if len(rows) > 1:
            cases.append({"title": title, "key": "context", "rows": rows})
        for name, label in (("random_100000.csv", "random censoring"), ("interval_100000.csv", "interval censoring")):
            title = f"context: `relmodel fit --all` (12 families) against surpyval's default `fit_best`, 100,000 units, {label} (not identical work)"
            print(title, flush=True)
            every_x = relmodel_timing(args.timing, "fitall-every", name, 3)
            rows = [{"tool": "relmodel (library, `LifetimeAnalysis`, every family)", "timing": every_x,
                     "agreement": f"best {every_x['best']}" + "".join(converged_note(m, m["family"]) for m in every_x["models"])}]
            if clock.remaining() > 120:
                if name.startswith("interval"):
                    lo, hi = load_interval(name)
                    rows.append(peer(title, "surpyval `fit_best` (xl, xr; all its default families)", surpyval_fit_best_interval,
                                     None, lo, hi, budget=0))
                else:
                    t_x, failed_x, c_x = load(name)
                    rows.append(peer(title, "surpyval `fit_best` (all its default families)", surpyval_fit_best, None,
                                     t_x, failed_x, c_x, restricted=False, budget=0))
            cases.append({"title": title, "key": "context-" + name, "rows": rows})

    # Nested variance components (lot, wafer within lot, site within wafer), REML: relmodel's CLI end
    # to end against statsmodels' MixedLM and R's lme4 on the same files. The peers' times include
    # building their models from the formula (the data frame is read beforehand); relmodel's include
    # process start-up and reading the CSV. This group runs before the special lifetime models: its
    # cases take a known few minutes, while the 100,000-unit mixture fit is given whatever the cap leaves.
    if want("components"):
        for name, title in (("nested_10000.csv", "nested variance components (lot, wafer, site) by REML, 10,000 rows: "
                             "200 lots x 10 wafers x 5 sites (balanced)"),
                            ("nested_unbalanced_10000.csv", "nested variance components (lot, wafer, site) by REML, "
                             "about 10,000 rows: 400 lots x 2-8 wafers x 1-9 sites (unbalanced)"),
                            ("nested_1000000.csv", "nested variance components (lot, wafer, site) by REML, 1,000,000 rows: "
                             "1000 lots x 25 wafers x 40 sites (balanced)")):
            print(title, flush=True)
            tool = "relmodel CLI `spc components --json --no-intervals` (end to end, incl. process start-up)"
            if clock.remaining() < 20:
                notes.append(f"{title}: skipped, time cap reached")
                cases.append({"title": title, "key": "components-" + name, "rows": [{"tool": tool, "note": "skipped (time cap)"}]})
                continue
            df = load_nested(name)
            summaries = nested_summaries(df)
            timing, doc, error = relmodel_cli_components(args.relmodel, name, clock)
            if doc is None:
                notes.append(f"{title}: relmodel {error}")
                rows = [{"tool": tool, "note": error} if timing is None else {"tool": tool, "timing": timing, "agreement": f"**{error}**"}]
                # the peers still run (their times are a result) and their estimates are shown
                agree = lambda e: (True, "no relmodel estimates to compare; " + ", ".join(f"{k} {e[k]:.7g}" for k in NESTED_LEVELS)
                                   + f"; REML criterion {e['remlCriterion']:.6f} (its own), {e['crit_own']:.6f} (independent)")
            else:
                own = nested_reml_criterion(summaries, **doc["components"])
                text = components_note(doc, own)
                if "**" in text:
                    notes.append(f"{title}: relmodel: {text}")
                rows = [{"tool": tool, "timing": timing, "agreement": text,
                         "estimates": {**doc["components"], "mean": doc["mean"], "remlCriterion": doc["remlCriterion"],
                                       "crit_own": own, "converged": doc["converged"], "gradientNorm": doc.get("gradientNorm")}}]
                agree = lambda e, doc=doc, own=own: components_agreement(doc, own, e)
            sm_tool = ("statsmodels `mixedlm(\"thickness ~ 1\", groups=\"lot\", re_formula=\"1\", "
                       "vc_formula={\"wafer\": \"0 + C(wafer)\"}).fit(reml=True)`")
            if importlib.util.find_spec("statsmodels") is None:
                notes.append(f"{sm_tool}: not run, statsmodels is not installed in this environment")
                rows.append({"tool": sm_tool, "note": "not run (not installed)"})
            elif df.shape[0] > 100_000 and clock.remaining() < 240:
                # MixedLM takes about 2 minutes on the 1,000,000 rows (10 s to build its design, then a
                # fit whose every evaluation loops in Python over the 1000 lots, each a dense block of
                # 1000 rows by 26 random-effect columns): run only when the cap leaves twice that.
                notes.append(f"{title} / statsmodels: skipped, less than 240 s of the time cap left (it takes about 2 min here)")
                rows.append({"tool": sm_tool, "note": "skipped (time cap)"})
            else:
                rows.append(peer(title, sm_tool, statsmodels_mixedlm, agree, df, summaries))
            rows.append(r_lmer(name, summaries, 3, clock, notes, agree))
            cases.append({"title": title, "key": "components-" + name, "rows": rows, "ratios": doc is not None})

    # Batch tool, minimum-batch policy (`relmodel study load-size`): relmodel's simulation through its
    # CLI end to end (its replications run in parallel on all cores; a second row pins it to one core)
    # against the same model in SimPy, on the same lots and replications. Throughput is lots simulated
    # (warm-up included) per second; the speed-up is relmodel's lots/s over SimPy's. Each tool's mean
    # wait must have the exact value (relmodel's closed form, checked by an independent NumPy chain)
    # inside its own 95% interval.
    if want("loadsize"):
        lots, replications, seed = LOADSIZE_LOTS, LOADSIZE_REPLICATIONS, 1
        for lam, mean_service, b, a in ((1.0, 2.0, 4, 3), (1.8, 2.0, 4, 2)):
            load_factor = lam * mean_service / b
            title = (f"batch tool, minimum batch {a} of capacity {b}: Poisson lots at {lam:g}/h, exponential batches "
                     f"of mean {mean_service:g} h (load {load_factor:g}); simulated mean wait, {replications} replications "
                     f"x {lots:,} lots (first 10% of each discarded)")
            key = f"loadsize-{lam:g}-{mean_service:g}-{b}-{a}"
            print(title, flush=True)
            tool = ("relmodel CLI `study load-size --simulate --json` (end to end, incl. process start-up; "
                    "replications in parallel on all cores)")
            if clock.remaining() < 20:
                notes.append(f"{title}: skipped, time cap reached")
                cases.append({"title": title, "key": key, "rows": [{"tool": tool, "note": "skipped (time cap)"}]})
                continue
            chain = batch_queue_chain_wait(lam, mean_service, b, a)
            exact, error = relmodel_loadsize_exact(args.relmodel, lam, mean_service, b, a)
            if exact is None:
                notes.append(f"{title}: relmodel's exact mode failed ({error}); the independent chain's "
                             f"{chain:.10g} h is the exact value")
                exact, exact_text = chain, f"exact {chain:.8g} h (independent chain; relmodel's exact mode failed)"
            else:
                d = rel(exact, chain)
                exact_text = (f"exact {exact:.8g} h (relmodel's closed form; independent chain {d:.0e} off)"
                              if d <= LOADSIZE_EXACT_TOL else
                              f"**exact {exact:.10g} h (relmodel's closed form) against {chain:.10g} h (independent chain): {d:.1e}**")
                if d > LOADSIZE_EXACT_TOL:
                    notes.append(f"{title}: relmodel's exact mean wait {exact:.10g} h and the independent chain's "
                                 f"{chain:.10g} h differ by {d:.1e} relative")

            def rate_text(timing, estimates):
                r = estimates["lotsSimulated"] / timing["median_s"]
                return r, (f"{r / 1e6:.2f} M lots/s" if r >= 1e6 else f"{r / 1e3:.0f} k lots/s")

            rows, ours_rate, one_core_rate = [], None, None
            for one_core in ((False, True) if shutil.which("taskset") else (False,)):
                label = tool if not one_core else tool.replace("replications in parallel on all cores", "pinned to one core, `taskset -c 0`")
                timing, policy, error = relmodel_cli_loadsize(args.relmodel, lam, mean_service, b, a, lots,
                                                              replications, seed, clock, one_core=one_core)
                if policy is None:
                    notes.append(f"{title} / {label}: {error}")
                    rows.append({"tool": label, "timing": timing, "agreement": f"**{error}**"})
                    continue
                ok, text = loadsize_agreement(exact, policy)
                rate, rate_str = rate_text(timing, policy)
                if one_core:
                    one_core_rate = rate
                else:
                    ours_rate = rate
                if not ok:
                    notes.append(f"{title} / {label}: {text}")
                rows.append({"tool": label, "timing": timing, "estimates": policy,
                             "agreement": f"{rate_str}; {text}" + ("" if one_core else f"; {exact_text}")})
            sp_tool = ("SimPy (the same model: lot-source and tool processes, an event when a lots wait; "
                       "NumPy exponentials; one core)")
            if importlib.util.find_spec("simpy") is None:
                notes.append(f"{sp_tool}: not run, simpy is not installed in this environment")
                rows.append({"tool": sp_tool, "note": "not run (not installed)"})
            elif clock.remaining() < 60:
                notes.append(f"{title} / SimPy: skipped, less than 60 s of the time cap left (it takes about 20 s here)")
                rows.append({"tool": sp_tool, "note": "skipped (time cap)"})
            else:
                row = peer(title, sp_tool, simpy_batch_tool, lambda e: loadsize_agreement(exact, e),
                           lam, mean_service, b, a, lots, replications, seed)
                if row.get("timing"):
                    rate, rate_str = rate_text(row["timing"], row["estimates"])
                    row["agreement"] = f"{rate_str}; {row['agreement']}"
                    if ours_rate:
                        row["speedup"] = fmt_ratio(ours_rate / rate) + (
                            f" (one core: {fmt_ratio(one_core_rate / rate)})" if one_core_rate else "")
                rows.append(row)
            cases.append({"title": title, "key": key, "rows": rows, "ratios": ours_rate is not None})

    # Special lifetime models: relmodel's CLI, end to end (`relmodel fit --dist NAME --json FILE`, one
    # process per fit, so process start-up, CSV reading and JSON writing are inside relmodel's time;
    # the peers are timed in this interpreter), against the peers that fit the same model, and the
    # bathtub families against an independent SciPy fit. Every tool's estimates go into one
    # independent NumPy log-likelihood, so the log-likelihood differences compare like with like.
    def special_case(title, key, name, dist, log_likelihood, peers, timeout=None):
        print(title, flush=True)
        t, failed, c = load(name)
        tool = f"relmodel CLI `fit --dist {dist} --json` (end to end, incl. process start-up)"
        if clock.remaining() < 20:
            notes.append(f"{title}: skipped, time cap reached")
            cases.append({"title": title, "key": key, "rows": [{"tool": tool, "note": "skipped (time cap)"}]})
            return
        timing, model, error = relmodel_cli_fit(args.relmodel, name, dist, clock, timeout=timeout)
        if model is None:
            notes.append(f"{title}: relmodel {error}")
            row = {"tool": tool, "note": error} if timing is None else {"tool": tool, "timing": timing, "agreement": f"**{error}**"}
            rows = [row]
            # the peers still run (their times are a result) and their estimates are shown
            shown = lambda e: (True, "no relmodel estimates to compare; " + ", ".join(
                f"{k} {v:.6g}" for k, v in e.items() if k not in ("logL", "logL_own") and isinstance(v, float))
                + f"; logL {e['logL_own']:.6f}")
            for label, factory, kw in peers:
                rows.append(peer(title, label, factory, shown, t, failed, c, **kw))
            cases.append({"title": title, "key": key, "rows": rows, "ratios": False})
            return
        own = log_likelihood(t, failed, model["parameters"])
        text = relmodel_special_note(model, own)
        if "**" in text:
            notes.append(f"{title}: relmodel: {text}")
        rows = [{"tool": tool, "timing": timing, "estimates": {**model["parameters"], "logL": model["logLikelihood"],
                                                              "logL_own": own, "diagnostics": model.get("diagnostics")},
                 "agreement": text}]
        agree = lambda e: mle_agreement(model, own, e)
        for label, factory, kw in peers:
            row = peer(title, label, factory, agree, t, failed, c, **kw)
            if factory is scipy_bathtub:
                row["ratio"] = False   # a reference fit written here, not a peer library: no speed-up
            rows.append(row)
        cases.append({"title": title, "key": key, "rows": rows})

    if want("bathtub"):
        for family, (names, _) in BATHTUB.items():
            title = (f"{family} ({', '.join(names)}) MLE + Fisher bounds, 1,000 units, Chen(0.05, 0.5) lifetimes "
                     "(bathtub hazard), staggered entry (25% censored, each unit its own time)")
            special_case(title, "bathtub-" + family, "bathtub_1000.csv", family,
                         lambda t, failed, p, family=family: bathtub_log_likelihood(family, t, failed, p),
                         [("SciPy, independent log-likelihood (Nelder-Mead, BFGS, Newton; several starts)",
                           scipy_bathtub, {"family": family})])

    lfp_peers = [("surpyval `Weibull.fit(lfp=True)`", surpyval_weibull_lfp, {}),
                 ("reliability `Fit_Weibull_DS`", reliability_weibull_ds, {})]
    if want("lfp"):
        for name, units in (("lfp_5000.csv", "5,000"), ("lfp_100000.csv", "100,000")):
            title = (f"weibull-lfp (p, eta, beta) MLE + Fisher bounds, {units} units, 3% defective Weibull(30 h, 0.5), "
                     "test stopped at 1000 h (97% suspensions)")
            special_case(title, "lfp-" + name, name, "weibull-lfp", lfp_log_likelihood, lfp_peers)

    mixture_peers = [("surpyval `MixtureModel(dist=Weibull, m=2)`", surpyval_weibull_mixture, {}),
                     ("reliability `Fit_Weibull_Mixture`", reliability_weibull_mixture, {})]
    if want("mixtures"):
        for name, units in (("mixture_2000.csv", "2,000"), ("mixture_100000.csv", "100,000")):
            title = (f"weibull-mixture2 MLE + Fisher bounds, {units} units, 25% Weibull(70 h, 0.8) + 75% Weibull(330 h, 4.8), "
                     "Type I censored at 400 h (6% suspensions)")
            # relmodel's mixture fit is slow on large samples (minutes on 100,000 units): it is stopped
            # when it would eat the rest of the time cap, and the row says so.
            timeout = max(60.0, clock.remaining() - 60) if name == "mixture_100000.csv" else None
            special_case(title, "mixture-" + name, name, "weibull-mixture2", mixture_log_likelihood, mixture_peers,
                         timeout=timeout)

    # targets
    def median(case_key, tool_prefix):
        for case in cases:
            if case["key"] == case_key:
                for row in case["rows"]:
                    if row["tool"].startswith(tool_prefix) and row.get("timing"):
                        return row["timing"]["median_s"]
        return None

    targets = []
    r100 = median("weibull_100000.csv", "relmodel")
    for peer_name, need in (("surpyval", 100), ("reliability", 200)):
        p = median("weibull_100000.csv", peer_name)
        if r100 and p:
            targets.append({"target": f"weibull2p + Fisher, 100,000 censored units: ≥{need}× faster than {peer_name}",
                            "measured": fmt_ratio(p / r100), "met": p / r100 >= need})
    r20 = median("weibull_20.csv", "relmodel")
    if r20:
        targets.append({"target": "20-unit weibull2p fit with Fisher bounds ≤ 20 µs", "measured": fmt_time(r20), "met": r20 <= 20e-6})
    rfa, sfa = median("fitall", "relmodel"), median("fitall", "surpyval")
    if rfa and sfa:
        targets.append({"target": "fit-all on 100,000 units ≤ 1/50 of surpyval `fit_best` (same families)",
                        "measured": f"{rfa / sfa:.2g} of surpyval's time", "met": sfa / rfa >= 50})
    rco, sco = median("fitall-common", "relmodel"), median("fitall-common", "surpyval")
    if rco and sco:
        targets.append({"target": "fit-all on 100,000 units ≤ 1/50 of surpyval `fit_best` (the 7 families both fit)",
                        "measured": f"{rco / sco:.2g} of surpyval's time", "met": sco / rco >= 50})
    sfull, revery = median("context", "surpyval"), median("context", "relmodel")
    if revery and sfull:
        targets.append({"target": "`relmodel fit --all` (12 families) on 100,000 units ≤ 1/50 of surpyval `fit_best` (its 11 default candidates)",
                        "measured": f"{revery / sfull:.2g} of surpyval's time", "met": sfull / revery >= 50})
    if want("ingest"):
        ours = ingest
        targets.append({"target": "CSV ingest ≥ 250 MB/s (`CSVTable.read`)", "measured": f"{ours['read']['mb_per_s']:.0f} MB/s",
                        "met": ours["read"]["mb_per_s"] >= 250})
        targets.append({"target": "CSV ingest ≥ 250 MB/s (typed: + `LifetimeReader.read`)",
                        "measured": f"{ours['read_typed']['mb_per_s']:.0f} MB/s", "met": ours["read_typed"]["mb_per_s"] >= 250})
    for name in ("random_100000.csv", "interval_100000.csv"):
        e = median("cli", f"`relmodel fit {name} --all`")
        if e:
            targets.append({"target": f"`relmodel fit {name} --all` (12 families, end to end) within a minute (issue 10, item 9)",
                            "measured": fmt_time(e), "met": e < 60})
        for case in cases:
            if case["key"] == "gamma-" + name and case["rows"][0].get("timing"):
                fit = case["rows"][0]["estimates"]["models"][0] if case["rows"][0]["estimates"].get("models") else {}
                targets.append({"target": f"gamma2p on {name} converges", "measured": "converged" if fit.get("converged") else "not converged",
                                "met": bool(fit.get("converged"))})
    e2e = median("cli", "`relmodel fit lifetimes_1000000.csv`")
    if e2e:
        targets.append({"target": "`relmodel fit` end to end on a 1,000,000-row file < 0.5 s", "measured": fmt_time(e2e), "met": e2e < 0.5})

    results = {"machine": info, "cases": cases, "targets": targets, "notes": notes,
               "command": "bash bench/compare" + (f" --only {args.only}" if args.only else ""),
               "elapsed_s": time.perf_counter() - clock.start,
               "load_end": " ".join(f"{x:.1f}" for x in os.getloadavg())}
    results_path = os.path.join(DATA, "compare-results.json" if not args.only else "compare-results-only.json")
    with open(results_path, "w") as f:
        json.dump(results, f, indent=1, default=str)
    write_markdown(results, info, args.markdown)
    print(f"wrote {args.markdown} and {results_path} ({results['elapsed_s']:.0f} s of measuring)")
    for n in notes:
        print("note:", n)


if __name__ == "__main__":
    main()
