import Lifetime
import RelmodelNumerics

/// Specification limits (at least one of LSL, USL) and an optional target.
public struct Specification: Sendable, Equatable {
    public var lsl: Double?
    public var usl: Double?
    /// The target for Cpm; the midpoint of two-sided limits when not given.
    public var target: Double?

    public init(lsl: Double? = nil, usl: Double? = nil, target: Double? = nil) {
        self.lsl = lsl
        self.usl = usl
        self.target = target
    }

    var effectiveTarget: Double? {
        if let target { return target }
        if let lsl, let usl { return (lsl + usl) / 2 }
        return nil
    }

    func validate() throws(SPCError) {
        guard lsl != nil || usl != nil else { throw .invalidParameter("a capability analysis needs LSL, USL or both") }
        if let lsl, let usl, !(lsl < usl) { throw .invalidParameter("LSL \(lsl) must be below USL \(usl)") }
    }
}

/// A capability index with its two-sided confidence interval (nil bounds where no interval is computed).
public struct CapabilityIndex: Sendable, Equatable {
    public var value: Double
    public var lower: Double?
    public var upper: Double?
}

/// Parts per million outside the specification.
public struct PartsPerMillion: Sendable, Equatable {
    public var belowLSL: Double
    public var aboveUSL: Double
    public var total: Double { belowLSL + aboveUSL }
}

/// Normal-theory capability: within (C) and overall (P) indices.
///
/// σ_w is the chart's within-subgroup sigma (passed in), σ_o the sample standard deviation of all
/// values, μ their mean, n their count.
/// - Cp = (USL - LSL)/(6σ_w), Cpu = (USL - μ)/(3σ_w), Cpl = (μ - LSL)/(3σ_w), Cpk = min(Cpl, Cpu);
///   Pp, Ppu, Ppl, Ppk the same with σ_o.
/// - Cpm = (USL - LSL)/(6 √(σ_w² + (μ - T)²)) (qcc's definition, within sigma).
/// - Intervals (confidence 1 - α): Cp, Pp by the chi-square interval C·√(χ²_{α/2; n-1}/(n-1)),
///   C·√(χ²_{1-α/2; n-1}/(n-1)); Cpk, Ppk by Bissell's (1990) normal approximation
///   C ± z_{1-α/2} √(1/(9n) + C²/(2(n - 1))), the form qcc uses (n in the first term, n - 1 in the
///   second). Intervals treat σ as if from n - 1 degrees of freedom, as qcc and Minitab do.
///   Cpl, Cpu, Ppl, Ppu by the same Bissell approximation (each is a one-sided Cpk). Cpm by Boyles'
///   (1991) chi-square approximation: Cpm √(χ²_{α/2; ν}/ν) to Cpm √(χ²_{1-α/2; ν}/ν) with
///   ν = n (1 + ξ²)² / (1 + 2ξ²), ξ = (μ - T)/σ_w.
/// - Expected ppm from the normal with (μ, σ_w) and (μ, σ_o); observed ppm counts values strictly
///   outside the limits.
public struct NormalCapability: Sendable, Equatable {
    public var count: Int
    public var mean: Double
    public var withinSigma: Double
    public var overallSigma: Double
    public var specification: Specification
    public var confidence: Double
    public var cp: CapabilityIndex?
    public var cpl: CapabilityIndex?
    public var cpu: CapabilityIndex?
    public var cpk: CapabilityIndex
    public var pp: CapabilityIndex?
    public var ppl: CapabilityIndex?
    public var ppu: CapabilityIndex?
    public var ppk: CapabilityIndex
    public var cpm: CapabilityIndex?
    public var expectedWithin: PartsPerMillion
    public var expectedOverall: PartsPerMillion
    public var observed: PartsPerMillion
}

/// Capability by the ISO 22514-2 percentile method from a fitted distribution (`dist weibull|lognormal`):
/// Pp = (USL - LSL)/(X_0.99865 - X_0.00135), Ppu = (USL - X_0.5)/(X_0.99865 - X_0.5),
/// Ppl = (X_0.5 - LSL)/(X_0.5 - X_0.00135), Ppk = min(Ppl, Ppu); expected ppm from the fitted CDF.
public struct PercentileCapability: Sendable, Equatable {
    public var family: LifetimeFamily
    public var parameters: [Double]
    public var count: Int
    public var specification: Specification
    public var lowerPercentile: Double
    public var median: Double
    public var upperPercentile: Double
    public var pp: Double?
    public var ppl: Double?
    public var ppu: Double?
    public var ppk: Double
    public var expected: PartsPerMillion
    public var observed: PartsPerMillion
    public var andersonDarling: Double?
}

extension NormalCapability {
    /// - Complexity: O(n) plus two chi-square quantiles.
    public init(_ values: [Double], withinSigma: Double, specification: Specification,
                confidence: Double = 0.95) throws(SPCError) {
        try specification.validate()
        guard values.count >= 2 else { throw .insufficientData("capability needs at least 2 values") }
        guard withinSigma > 0, withinSigma.isFinite else { throw .degenerate("within sigma must be positive") }
        guard confidence > 0, confidence < 1 else { throw .invalidParameter("confidence must be in (0, 1)") }
        let n = Double(values.count)
        let mean = Statistics.mean(values)
        let overall = Statistics.standardDeviation(values)
        guard overall > 0 else { throw .degenerate("all values are equal: overall sigma is 0") }
        let alpha = 1 - confidence
        let lowChi = ChiSquared.quantile(alpha / 2, degreesOfFreedom: n - 1)
        let highChi = ChiSquared.quantile(1 - alpha / 2, degreesOfFreedom: n - 1)
        let z = StandardNormal.quantile(1 - alpha / 2)
        func spread(_ sigma: Double) -> CapabilityIndex? {
            guard let lsl = specification.lsl, let usl = specification.usl else { return nil }
            let c = (usl - lsl) / (6 * sigma)
            return CapabilityIndex(value: c, lower: c * (lowChi / (n - 1)).squareRoot(), upper: c * (highChi / (n - 1)).squareRoot())
        }
        // Bissell's approximation for an index C = distance to a limit / 3 sigma.
        func bissell(_ c: Double) -> CapabilityIndex {
            let half = z * (1 / (9 * n) + c * c / (2 * (n - 1))).squareRoot()
            return CapabilityIndex(value: c, lower: c - half, upper: c + half)
        }
        func sides(_ sigma: Double) -> (CapabilityIndex?, CapabilityIndex?, CapabilityIndex) {
            let lower = specification.lsl.map { bissell((mean - $0) / (3 * sigma)) }
            let upper = specification.usl.map { bissell(($0 - mean) / (3 * sigma)) }
            let k = min(lower?.value ?? .infinity, upper?.value ?? .infinity)
            return (lower, upper, bissell(k))
        }
        func expected(_ sigma: Double) -> PartsPerMillion {
            PartsPerMillion(belowLSL: specification.lsl.map { StandardNormal.cdf(($0 - mean) / sigma) * 1e6 } ?? 0,
                            aboveUSL: specification.usl.map { StandardNormal.survival(($0 - mean) / sigma) * 1e6 } ?? 0)
        }
        let (cpl, cpu, cpk) = sides(withinSigma)
        let (ppl, ppu, ppk) = sides(overall)
        var cpm: CapabilityIndex?
        if let lsl = specification.lsl, let usl = specification.usl, let t = specification.effectiveTarget {
            let value = (usl - lsl) / (6 * (withinSigma * withinSigma + (mean - t) * (mean - t)).squareRoot())
            let xi = (mean - t) / withinSigma
            let nu = n * (1 + xi * xi) * (1 + xi * xi) / (1 + 2 * xi * xi)
            cpm = CapabilityIndex(value: value,
                                  lower: value * (ChiSquared.quantile(alpha / 2, degreesOfFreedom: nu) / nu).squareRoot(),
                                  upper: value * (ChiSquared.quantile(1 - alpha / 2, degreesOfFreedom: nu) / nu).squareRoot())
        }
        self.init(count: values.count, mean: mean, withinSigma: withinSigma, overallSigma: overall,
                                specification: specification, confidence: confidence,
                                cp: spread(withinSigma), cpl: cpl, cpu: cpu, cpk: cpk,
                                pp: spread(overall), ppl: ppl, ppu: ppu, ppk: ppk, cpm: cpm,
                                expectedWithin: expected(withinSigma), expectedOverall: expected(overall),
                                observed: PartsPerMillion.observed(values, specification))
    }
}

extension PercentileCapability {
    /// Non-normal capability: fits `family` (`.weibull2p` or `.lognormal2p`) by maximum likelihood
    /// to the values (all must be positive) and applies the ISO percentile method.
    /// Throws `fitFailed` when the fit does not exist or does not converge.
    /// - Complexity: that of the maximum-likelihood fit, O(n) per Newton iteration.
    public init(_ values: [Double], family: LifetimeFamily, specification: Specification) throws(SPCError) {
        try specification.validate()
        guard values.count >= 2 else { throw .insufficientData("capability needs at least 2 values") }
        if let bad = values.first(where: { !($0 > 0 && $0.isFinite) }) {
            throw .invalidParameter("\(family.rawValue) capability needs positive finite values; found \(bad)")
        }
        var data = LifetimeData()
        for v in values {
            do { try data.addFailure(at: v) } catch { throw .invalidParameter(error.description) }
        }
        let fit: LifetimeFit
        do { fit = try MaximumLikelihood.fit(family, to: data) } catch { throw .fitFailed(error.description) }
        guard fit.diagnostics.converged else { throw .fitFailed("maximum likelihood did not converge") }
        let model = fit.model
        let low = model.quantile(0.00135), median = model.quantile(0.5), high = model.quantile(0.99865)
        let ppl = specification.lsl.map { (median - $0) / (median - low) }
        let ppu = specification.usl.map { ($0 - median) / (high - median) }
        var pp: Double?
        if let lsl = specification.lsl, let usl = specification.usl { pp = (usl - lsl) / (high - low) }
        self.init(
            family: family, parameters: fit.parameters, count: values.count, specification: specification,
            lowerPercentile: low, median: median, upperPercentile: high, pp: pp, ppl: ppl, ppu: ppu,
            ppk: min(ppl ?? .infinity, ppu ?? .infinity),
            expected: PartsPerMillion(belowLSL: specification.lsl.map { model.cdf($0) * 1e6 } ?? 0,
                                      aboveUSL: specification.usl.map { model.reliability($0) * 1e6 } ?? 0),
            observed: PartsPerMillion.observed(values, specification), andersonDarling: fit.andersonDarling)
    }
}

extension PartsPerMillion {
    static func observed(_ values: [Double], _ spec: Specification) -> PartsPerMillion {
        let n = Double(values.count)
        let below = spec.lsl.map { l in Double(values.filter { $0 < l }.count) } ?? 0
        let above = spec.usl.map { u in Double(values.filter { $0 > u }.count) } ?? 0
        return PartsPerMillion(belowLSL: below / n * 1e6, aboveUSL: above / n * 1e6)
    }
}
