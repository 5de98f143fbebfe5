#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// Attribute (pass/fail) demonstration tests on the binomial distribution.
public enum SuccessRun {
    /// The smallest n such that a test of n units with at most f failures demonstrates reliability R
    /// at confidence C: P(X <= f | n, p = 1 - R) <= 1 - C.
    ///
    /// With f = 0 this is the success-run formula n = ceil(ln(1 - C) / ln R), checked exactly by
    /// R^n <= 1 - C so that a ratio that is an integer in exact arithmetic is not bumped up by
    /// rounding. With f > 0 the binomial CDF, decreasing in n, is bracketed by doubling and the
    /// boundary found by bisection: O(log n) CDF evaluations.
    public static func sampleSize(reliability: Double, confidence: Double, failures: Int = 0) throws(QualificationError) -> Int {
        try QualificationError.checkConfidence(confidence)
        try QualificationError.checkConfidence(reliability, name: "reliability")
        guard failures >= 0 else { throw QualificationError.invalidArgument("failures must be >= 0, got \(failures)") }
        let alpha = 1 - confidence
        func passes(_ n: Int) -> Bool {
            if failures == 0 { return pow(reliability, Double(n)) <= alpha }
            return BinomialDistribution.cdf(failures, trials: n, probability: 1 - reliability) <= alpha
        }
        if failures == 0 {
            var n = max(1, Int((log(alpha) / log(reliability)).rounded(.up)))
            while n > 1 && passes(n - 1) { n -= 1 }
            while !passes(n) { n += 1 }
            return n
        }
        var low = failures, high = max(2 * failures, failures + 1)   // passes(low) is false: n = f always accepts
        while !passes(high) {
            low = high
            guard high < Int.max / 4 else { throw QualificationError.invalidArgument("no sample size demonstrates this reliability") }
            high *= 2
        }
        while high - low > 1 {
            let mid = low + (high - low) / 2
            if passes(mid) { high = mid } else { low = mid }
        }
        return high
    }

    /// The reliability a passed test demonstrates: the lower one-sided Clopper-Pearson bound on
    /// R = 1 - p after f failures in n units (f = 0: (1 - C)^(1/n)).
    public static func demonstratedReliability(units: Int, failures: Int, confidence: Double) throws(QualificationError) -> Double {
        1 - (try LotTolerance.demonstratedLTPD(units: units, failures: failures, confidence: confidence))
    }
}

/// The lot tolerance percent defective (LTPD) a passed sampling test demonstrates.
public enum LotTolerance {
    /// The upper one-sided Clopper-Pearson bound on the defective fraction after f failures in n
    /// units, at confidence C: the p with P(X <= f | n, p) = 1 - C (f = 0: 1 - (1 - C)^(1/n)).
    /// A fraction, not a percent.
    public static func demonstratedLTPD(units: Int, failures: Int, confidence: Double) throws(QualificationError) -> Double {
        try QualificationError.checkConfidence(confidence)
        guard units > 0 else { throw QualificationError.invalidArgument("units must be > 0, got \(units)") }
        guard failures >= 0 else { throw QualificationError.invalidArgument("failures must be >= 0, got \(failures)") }
        guard failures <= units else { throw QualificationError.invalidArgument("\(failures) failures is more than the \(units) units tested") }
        return ClopperPearson.upperBound(failures: failures, trials: units, confidence: confidence)
    }
}
