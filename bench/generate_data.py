"""Seeded benchmark datasets shared by relmodel and the Python peers (bench/compare).

Population: Weibull lifetimes, eta = 1000 h, beta = 1.5, Type I censored (test stopped) at the time
by which 70 % have failed, so about 30 % of the units are suspensions. Times are rounded to 1/1000 h
(smallest 0.001) and written as `time,event` (event 1 = failure, 0 = suspension). Both sides read
these same files, so they fit the same doubles.

Usage: python bench/generate_data.py OUTDIR   (rewrites them every run: about 1 s)
"""
import os
import sys

import numpy as np

ETA, BETA, CENSORED = 1000.0, 1.5, 0.3
CENSOR_TIME = ETA * (-np.log(CENSORED)) ** (1 / BETA)

# name -> (units, seed)
DATASETS = {
    "weibull_20.csv": (20, 20),
    "weibull_100000.csv": (100_000, 100_000),
    "lifetimes_1000000.csv": (1_000_000, 1_000_000),
}


def population(units, seed):
    rng = np.random.default_rng(seed)
    t = ETA * rng.weibull(BETA, units)
    failed = t < CENSOR_TIME
    t = np.maximum(np.round(np.minimum(t, CENSOR_TIME), 3), 0.001)
    return t, failed


def write(path, units, seed):
    t, failed = population(units, seed)
    # Fixed three-decimal text: identical bytes on every run and platform.
    times = np.char.mod("%.3f", t)
    events = np.where(failed, "1", "0")
    lines = np.char.add(np.char.add(times, ","), events)
    tmp = path + ".tmp"
    with open(tmp, "w", newline="\n") as f:
        f.write("time,event\n")
        f.write("\n".join(lines.tolist()))
        f.write("\n")
    os.replace(tmp, path)


# Batch trajectories for the multiway PCA case: 53 batches x 10 variables x 100 time points, long format
# `batch,time,v1,...,v10`. Each variable follows a smooth profile (a ramp plus a bump) whose amplitude
# varies from batch to batch, plus autocorrelated noise: the structure of a fed-batch reactor data set
# such as Nomikos and MacGregor's 53-batch styrene-butadiene example, not its values.
BATCHES, VARIABLES, TIME_POINTS, BATCH_SEED = 53, 10, 100, 53


def write_batches(path):
    rng = np.random.default_rng(BATCH_SEED)
    k = np.linspace(0.0, 1.0, TIME_POINTS)
    j = np.arange(VARIABLES)
    lines = ["batch,time," + ",".join(f"v{j + 1}" for j in range(VARIABLES))]
    for i in range(BATCHES):
        amplitude = 1 + 0.1 * rng.standard_normal(VARIABLES)
        rows = np.empty((TIME_POINTS, VARIABLES))
        noise = np.zeros(VARIABLES)
        for t in range(TIME_POINTS):
            noise = 0.7 * noise + 0.05 * rng.standard_normal(VARIABLES)
            profile = j * 0.5 + amplitude * (k[t] * (1 + j % 3) + np.exp(-((k[t] - 0.3 - 0.04 * j) / 0.1) ** 2))
            rows[t] = profile + noise
        for t in range(TIME_POINTS):
            lines.append(f"B{i + 1:02d},{t + 1}," + ",".join(f"{x:.6f}" for x in rows[t]))
    tmp = path + ".tmp"
    with open(tmp, "w", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, path)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "data")
    os.makedirs(out, exist_ok=True)
    for name, (units, seed) in DATASETS.items():
        path = os.path.join(out, name)
        write(path, units, seed)
        print(f"{path}: {units} units, seed {seed}, {os.path.getsize(path)} bytes")
    path = os.path.join(out, "batches_53.csv")
    write_batches(path)
    print(f"{path}: {BATCHES} batches x {VARIABLES} variables x {TIME_POINTS} time points, seed {BATCH_SEED}")


if __name__ == "__main__":
    main()
