#!/usr/bin/env python3
"""Writes the simulated datasets of the worked studies (notebooks-exported/), where no published data
of the shape exist. Standard library only; the committed CSV files are the reference (Python's
random.gauss is not promised to give the same numbers on every version), this script says how they
were made. Run from the package root: python3 datasets/simulated/generate.py
"""
import math
import random


def furnace(path):
    """Oxide thickness (nm) of a diffusion furnace: 20 cassettes x 5 wafers x 5 sites, nested.
    True variance components: cassette 4.0, wafer within cassette 1.0, site within wafer 0.25 nm^2,
    around 100 nm; site 1 is the wafer centre."""
    rng = random.Random(20261207)
    rows = ["cassette,wafer,site,thickness"]
    for c in range(1, 21):
        cassette = rng.gauss(0, 2.0)
        for w in range(1, 6):
            wafer = rng.gauss(0, 1.0)
            for s in range(1, 6):
                value = 100 + cassette + wafer + rng.gauss(0, 0.5)
                rows.append(f"C{c:02d},C{c:02d}-W{w},{s},{value:.3f}")
    open(path, "w").write("\n".join(rows) + "\n")


def batches(path, count, seed, faulty=None):
    """Batch trajectories of a reactor: temperature (C) and pressure (bar) at 12 time points. Each
    batch has its own heating rate (one latent factor) and measurement noise; batch `faulty` gets a
    pressure excursion from time 8 on."""
    rng = random.Random(seed)
    rows = ["batch,time,temp,pressure"]
    for b in range(1, count + 1):
        rate = 1 + rng.gauss(0, 0.08)
        for t in range(1, 13):
            temp = 20 + 60 * rate * (1 - math.exp(-t / 4)) + rng.gauss(0, 0.4)
            pressure = 1 + 0.05 * t + 0.3 * (rate - 1) * t / 12 + rng.gauss(0, 0.01)
            if faulty == b and t >= 8:
                pressure += 0.04 * (t - 7)
            rows.append(f"B{b:02d},{t},{temp:.2f},{pressure:.4f}")
    open(path, "w").write("\n".join(rows) + "\n")


furnace("datasets/simulated/furnace_oxide_thickness.csv")
batches("datasets/simulated/reactor_batches_reference.csv", 30, 7)
batches("datasets/simulated/reactor_batches_new.csv", 5, 8, faulty=4)
