import Ingest
import Lifetime

/// The units of work the benchmarks time, in one place so that the ordo-one suite and the
/// `relmodel-timing` driver of bench/compare time exactly the same calls.
public enum BenchWork {
    /// weibull2p maximum likelihood plus two-sided 95 % Fisher bounds on eta and beta: the per-lot
    /// case of a qualification pipeline. Crashes on a fit failure (benchmark data always has failures).
    public static func weibullWithFisherBounds(_ data: LifetimeData) -> (fit: LifetimeFit, bounds: [ConfidenceInterval]) {
        let fit = try! MaximumLikelihood.fit(.weibull2p, to: data)
        return (fit, fit.parameterBounds(.fisher, confidence: 0.95))
    }

    /// Likelihood-ratio bounds on eta and beta of an existing fit (the fit itself is not timed).
    public static func likelihoodRatioBounds(_ fit: LifetimeFit) -> [ConfidenceInterval] {
        fit.parameterBounds(.lr, confidence: 0.95)
    }

    /// Fit `families` (default: `LifetimeFamily.defaultSet`, what `relmodel fit` fits), with Fisher
    /// bounds, MTTF and B10 for each, ranked by AICc.
    public static func fitAll(_ data: LifetimeData, rows: Int,
                              families: [LifetimeFamily] = LifetimeFamily.defaultSet) -> LifetimeAnalysis {
        LifetimeAnalysis(data: data, rows: rows, options: .init(families: families))
    }

    /// Read and tokenize a CSV file (no numbers converted).
    public static func readCSV(path: String) -> CSVTable {
        try! CSVTable.read(path: path)
    }

    /// Read a CSV file and convert it to lifetime data (every time and event parsed): the typed
    /// equivalent of pandas.read_csv.
    public static func readLifetimes(path: String) -> LifetimeInput {
        let table = try! CSVTable.read(path: path)
        return try! LifetimeReader.read(table, file: path)
    }
}
