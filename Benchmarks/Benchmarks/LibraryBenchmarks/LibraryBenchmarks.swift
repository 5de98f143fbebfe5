// relmodel library benchmarks (ordo-one/benchmark). Run from Benchmarks/:
//   swift package --disable-sandbox benchmark
//   swift package --disable-sandbox benchmark --filter "weibull2p.*100000"
// Data are generated at start from a seeded SplitMix64 (BenchSupport.BenchPopulation): Weibull
// eta = 1000, beta = 1.5, Type I censored at the 70th percentile (about 30 % suspensions).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Benchmark
import BenchSupport
import Ingest
import Lifetime
import SPC

/// Where the 1,000,000-row ingest file is written (regenerated at every run, same bytes every time).
let ingestPath = "/tmp/relmodel-bench-ingest-1000000.csv"
let ingestRows = 1_000_000

let benchmarks: @Sendable () -> Void = {
    let timeMetrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, .throughput]

    // MARK: Ingest

    // MB/s = file size / wall clock; the size is in the benchmark's name.
    let csv = BenchPopulation.csv(rows: ingestRows, seed: 42)
    precondition(BenchPopulation.write(csv, to: ingestPath), "cannot write \(ingestPath)")
    let megabytes = Double(csv.count) / 1e6
    let sizeLabel = "\((megabytes * 10).rounded() / 10) MB"

    Benchmark("CSV ingest 1,000,000 rows (\(sizeLabel)): CSVTable.read",
              configuration: .init(metrics: timeMetrics + [.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)],
                                   maxDuration: .seconds(5), maxIterations: 50)) { benchmark in
        let clock = ContinuousClock()
        let start = clock.now
        blackHole(BenchWork.readCSV(path: ingestPath))
        let elapsed = clock.now - start
        benchmark.measurement(.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false),
                              Int(megabytes / seconds(elapsed)))
    }

    Benchmark("CSV ingest 1,000,000 rows (\(sizeLabel)): CSVTable.read + LifetimeReader.read",
              configuration: .init(metrics: timeMetrics + [.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)],
                                   maxDuration: .seconds(5), maxIterations: 50)) { benchmark in
        let clock = ContinuousClock()
        let start = clock.now
        blackHole(BenchWork.readLifetimes(path: ingestPath))
        let elapsed = clock.now - start
        benchmark.measurement(.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false),
                              Int(megabytes / seconds(elapsed)))
    }

    // MARK: weibull2p MLE with Fisher bounds

    for units in [20, 1_000, 100_000, 1_000_000] {
        Benchmark("weibull2p MLE + Fisher bounds, \(units) units (30% censored)",
                  configuration: .init(metrics: timeMetrics, maxDuration: .seconds(3),
                                       maxIterations: units <= 1_000 ? 100_000 : 200)) { benchmark, data in
            for _ in benchmark.scaledIterations {
                blackHole(BenchWork.weibullWithFisherBounds(data))
            }
        } setup: {
            BenchPopulation.data(units: units, seed: UInt64(units))
        }
    }

    // MARK: fit-all and likelihood-ratio bounds

    Benchmark("fit-all (LifetimeAnalysis: 3 families, Fisher bounds, MTTF, B10), 100000 units",
              configuration: .init(metrics: timeMetrics, maxDuration: .seconds(5), maxIterations: 200)) { benchmark, data in
        for _ in benchmark.scaledIterations {
            blackHole(BenchWork.fitAll(data, rows: 100_000))
        }
    } setup: {
        BenchPopulation.data(units: 100_000, seed: 100_000)
    }

    Benchmark("weibull2p likelihood-ratio bounds on eta and beta (fit not timed), 100000 units",
              configuration: .init(metrics: timeMetrics, maxDuration: .seconds(5), maxIterations: 100)) { benchmark, fit in
        for _ in benchmark.scaledIterations {
            blackHole(BenchWork.likelihoodRatioBounds(fit))
        }
    } setup: {
        try! MaximumLikelihood.fit(.weibull2p, to: BenchPopulation.data(units: 100_000, seed: 100_000))
    }

    // MARK: Bootstrap, SPC, batch trajectories

    Benchmark("parametric bootstrap, 1,000 replicates of a weibull2p fit, 20 units (all cores)",
              configuration: .init(metrics: timeMetrics, maxDuration: .seconds(5), maxIterations: 1_000)) { (benchmark: Benchmark, input: (fit: LifetimeFit, data: LifetimeData)) in
        for _ in benchmark.scaledIterations {
            blackHole(BenchWork.bootstrap(input.fit, data: input.data))
        }
    } setup: {
        let data = BenchPopulation.data(units: 20, seed: 20)
        return (fit: try! MaximumLikelihood.fit(.weibull2p, to: data), data: data)
    }

    Benchmark("Xbar-R with all eight Nelson tests, 10,000,000 values",
              configuration: .init(metrics: timeMetrics, maxDuration: .seconds(10), maxIterations: 5)) { benchmark, data in
        for _ in benchmark.scaledIterations {
            blackHole(BenchWork.xbarRWithNelsonTests(data))
        }
    } setup: {
        BenchWork.subgroups(values: 10_000_000)
    }

    Benchmark("multiway PCA, 53 batches x 10 variables x 100 time points (3 components, T2, SPE, limits)",
              configuration: .init(metrics: timeMetrics, maxDuration: .seconds(3), maxIterations: 10_000)) { benchmark, batches in
        for _ in benchmark.scaledIterations {
            blackHole(BenchWork.batchPCA(batches))
        }
    } setup: {
        BenchBatches.data()
    }
}

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}
