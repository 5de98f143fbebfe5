#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// How the end of infant mortality and the start of wear-out are defined. Both are documented in
/// docs/BATHTUB.md; engineers choose.
public enum RegionDefinition: Sendable, Equatable {
    /// Useful life is where the hazard is within `tolerance` (0.10: 10 %) of its minimum on the data's
    /// range: infant mortality ends where the falling hazard reaches (1 + tolerance) h_min, wear-out
    /// starts where the rising hazard passes it again. Works for every family with an interior minimum.
    case threshold(tolerance: Double)
    /// Infant mortality ends where the decreasing component's hazard falls below the constant one;
    /// wear-out starts where the increasing component's hazard rises above it. Needs a family with
    /// those components (`HazardComponents`: weibull-exponential-weibull).
    case components

    /// The contract's name ("threshold", "components").
    public var name: String {
        switch self {
        case .threshold: "threshold"
        case .components: "components"
        }
    }
}

/// A family whose hazard is a sum of a decreasing, a constant and an increasing part (competing
/// risks), which the `components` region definition reads.
public protocol HazardComponents: ParametricFamily {
    /// ln of the decreasing, constant and increasing parts of the hazard at t (nil: no such part).
    func componentLogHazards<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> (decreasing: T?, constant: T?, increasing: T?)
}

/// The hazard minimum of a fit, with bounds.
public struct HazardMinimum: Sendable {
    public var time: BoundedEstimate
    public var hazard: BoundedEstimate
}

/// The useful-life region and its failure rate: the average hazard (H(end) - H(start)) / (end - start).
public struct UsefulLife: Sendable {
    public var start: Double
    /// nil when the data end before wear-out: useful life lasts at least to the longest time observed.
    public var end: Double?
    /// Average hazard over [start, end] (or to the longest time observed), with bounds.
    public var hazard: BoundedEstimate

    /// The hazard in FIT, failures per 10^9 device-hours, when times are hours.
    public var failuresInTime: BoundedEstimate {
        BoundedEstimate(value: hazard.value * 1e9, bounds: hazard.bounds.mappedIncreasing { $0 * 1e9 })
    }
}

/// Where infant mortality ends and wear-out begins for one fitted model.
public struct BathtubRegions: Sendable {
    /// True when the fitted hazard has an interior minimum on the data's range; false when it is
    /// monotone there (then every region below is nil).
    public var bathtub: Bool
    public var definition: RegionDefinition
    /// The range of times the regions are looked for in: the earliest failure location to the longest time.
    public var range: (low: Double, high: Double)
    public var hazardMinimum: HazardMinimum?
    /// End of infant mortality (infant mortality starts at 0); nil when the data do not show it.
    public var infantMortalityEnd: BoundedEstimate?
    public var usefulLife: UsefulLife?
    /// Start of wear-out; nil when the data do not show it.
    public var wearOutStart: BoundedEstimate?
    /// The bound method and confidence.
    public var bounds: BoundsMethod
    public var confidence: Double
    public var notes: [String]
}

/// Finds the regions of a fitted model (`BathtubRegions`) with bounds on every boundary.
///
/// Bounds on a boundary b (a time or a hazard, always on ln b) come from its exact gradient in the
/// unconstrained parameters u, by the implicit function theorem on the equation that defines it:
/// - hazard minimum t_m (d ln h / d ln t = 0): d ln t_m/du = -(d2 ln h/d ln t du) / (d2 ln h/d (ln t)^2);
///   the minimum hazard by the envelope theorem, d ln h_min/du = d ln h/du at t_m;
/// - a crossing G(t, u) = 0 (ln h(t) = ln h_min + ln(1 + tolerance), or ln h_decreasing = ln h_constant):
///   d ln t/du = -(dG/du) / (dG/d ln t).
/// `.fisher` bounds are Wald intervals on ln b; `.lr` bounds profile the likelihood with b held at
/// each value (`ParametricProfileBounds`, constrained Newton), the method the issue and Meeker & Escobar
/// prefer for small samples.
public enum BathtubRegionFinder {
    public static func regions(_ fit: ParametricFit, definition: RegionDefinition = .threshold(tolerance: 0.10),
                               bounds: BoundsMethod = .lr, confidence: Double = 0.95,
                               budget: ProfileBudget = .standard) -> BathtubRegions {
        let curve = HazardCurve(family: fit.family)
        let low = fit.sample.failureLocations.first { $0.time > 0 }?.time ?? 0
        let high = fit.sample.longestTime
        var result = BathtubRegions(bathtub: false, definition: definition, range: (low, high), hazardMinimum: nil,
                                    infantMortalityEnd: nil, usefulLife: nil, wearOutStart: nil,
                                    bounds: bounds, confidence: confidence, notes: [])
        guard !fit.diagnostics.degenerate else {
            result.notes.append("the fit is degenerate: no regions")
            return result
        }
        guard low > 0, high > low else {
            result.notes.append("the data span no range of times")
            return result
        }
        let u0 = fit.unconstrained
        guard let minimum = curve.minimum(u0, low: low, high: high), minimum.interior else {
            result.notes.append("the fitted hazard is monotone on the data's range (\(NoteNumbers.significant(low)) to \(NoteNumbers.significant(high))): no bathtub")
            return result
        }
        result.bathtub = true
        let quantities = RegionQuantities(curve: curve, low: low, high: high, definition: definition)
        func bounded(_ q: @escaping ParametricProfileBounds.Quantity) -> BoundedEstimate? {
            guard let center = q(u0), center.value.isFinite else { return nil }
            let interval: ConfidenceInterval
            switch bounds {
            case .lr: interval = ParametricProfileBounds.interval(fit, quantity: q, confidence: confidence, budget: budget)
            default: interval = fit.waldInterval(center.value, center.gradient, confidence: confidence)
            }
            return BoundedEstimate(value: exp(center.value), bounds: interval.mappedIncreasing(exp))
        }
        if let time = bounded(quantities.logMinimumTime), let hazard = bounded(quantities.logMinimumHazard) {
            result.hazardMinimum = HazardMinimum(time: time, hazard: hazard)
        }
        if case .components = definition, !(fit.family is any HazardComponents) {
            result.notes.append("the components definition needs a family with decreasing, constant and increasing hazard components (weibull-exponential-weibull); \(fit.name) has none")
            return result
        }
        result.infantMortalityEnd = bounded(quantities.logInfantEnd)
        result.wearOutStart = bounded(quantities.logWearOutStart)
        if result.infantMortalityEnd == nil { result.notes.append("infant mortality: the data do not show it on this definition") }
        if result.wearOutStart == nil { result.notes.append("wear-out: the data do not show it on this definition (it starts, if at all, after the longest time observed)") }
        if let hazard = bounded(quantities.logUsefulLifeHazard) {
            result.usefulLife = UsefulLife(start: result.infantMortalityEnd?.value ?? 0, end: result.wearOutStart?.value, hazard: hazard)
        }
        return result
    }
}

/// The region boundaries as functions of the unconstrained parameters, each with its exact gradient.
struct RegionQuantities: Sendable {
    let curve: HazardCurve
    let low: Double
    let high: Double
    let definition: RegionDefinition

    func minimum(_ u: [Double]) -> (time: Double, logHazard: Double)? {
        guard let m = curve.minimum(u, low: low, high: high), m.interior else { return nil }
        return (m.time, m.logHazard)
    }

    var logMinimumTime: ParametricProfileBounds.Quantity {
        { u in
            guard let m = minimum(u) else { return nil }
            let curvature = curve.slopeAndCurvature(at: m.time, u).curvature
            guard curvature > 0 else { return nil }
            return (log(m.time), curve.mixedDerivative(at: m.time, u).map { -$0 / curvature })
        }
    }

    var logMinimumHazard: ParametricProfileBounds.Quantity {
        { u in
            guard let m = minimum(u) else { return nil }
            return (m.logHazard, curve.parameterGradient(at: m.time, u))
        }
    }

    var logInfantEnd: ParametricProfileBounds.Quantity { { u in boundary(u, side: .infant) } }
    var logWearOutStart: ParametricProfileBounds.Quantity { { u in boundary(u, side: .wearOut) } }

    enum Side { case infant, wearOut }

    /// ln of a region boundary and its gradient.
    func boundary(_ u: [Double], side: Side) -> (value: Double, gradient: [Double])? {
        switch definition {
        case .threshold(let tolerance):
            guard let m = minimum(u) else { return nil }
            let level = m.logHazard + log1p(tolerance)
            let (a, b) = side == .infant ? (low, m.time) : (m.time, high)
            guard (curve.logHazard(at: side == .infant ? a : b, u) - level) > 0,
                  let t = curve.crossing(u, level: level, from: a, to: b) else { return nil }
            // G = ln h(t) - ln h(t_m) - ln(1 + tol); dG/du by the envelope theorem at t_m.
            let dGdu = zip(curve.parameterGradient(at: t, u), curve.parameterGradient(at: m.time, u)).map { $0 - $1 }
            let dGdlogt = curve.slopeAndCurvature(at: t, u).slope
            guard dGdlogt != 0 else { return nil }
            return (log(t), dGdu.map { -$0 / dGdlogt })
        case .components:
            guard let family = curve.family as? any HazardComponents else { return nil }
            return componentCrossing(family, u, side: side)
        }
    }

    /// Where the decreasing (or increasing) component's hazard crosses the constant one.
    func componentCrossing(_ family: some HazardComponents, _ u: [Double], side: Side) -> (value: Double, gradient: [Double])? {
        func g<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T? {
            let c = family.componentLogHazards(t, p)
            guard let constant = c.constant, let part = side == .infant ? c.decreasing : c.increasing else { return nil }
            return part - constant
        }
        let p = curve.natural(u)
        guard let gLow = g(low, p), let gHigh = g(high, p) else { return nil }
        // The infant part must start above the constant rate and fall below it within the range; the
        // wear-out part must start below and rise above it.
        guard side == .infant ? (gLow > 0 && gHigh < 0) : (gLow < 0 && gHigh > 0) else { return nil }
        guard let logT = RootFinding.brent(log(low), log(high), absoluteTolerance: 1e-13, { g(exp($0), p) ?? .nan }) else { return nil }
        let t = exp(logT)
        let dlogt = HyperDual(logT, e1: 1, e2: 0)
        guard let slope = g(HyperDual.exp(dlogt), p.map { HyperDual($0) })?.e1, slope != 0 else { return nil }
        let gradient = u.indices.map { i in g(HyperDual(t), curve.seeded(u, i, nil))?.e1 ?? .nan }
        return (logT, gradient.map { -$0 / slope })
    }

    /// ln of the average hazard over the useful life, (H(b) - H(a)) / (b - a), with a the infant
    /// end (or the range start) and b the wear-out start (or the longest time).
    var logUsefulLifeHazard: ParametricProfileBounds.Quantity {
        { u in
            let k = u.count
            let start = boundary(u, side: .infant), end = boundary(u, side: .wearOut)
            let a = start.map { exp($0.value) } ?? low, b = end.map { exp($0.value) } ?? high
            guard b > a else { return nil }
            let da = start.map { s in s.gradient.map { $0 * a } } ?? [Double](repeating: 0, count: k)
            let db = end.map { s in s.gradient.map { $0 * b } } ?? [Double](repeating: 0, count: k)
            let family = curve.family
            func cumulative(_ t: Double) -> (value: Double, gradient: [Double]) {
                var value = 0.0
                let g = u.indices.map { i in
                    let r = -family.logSurvival(HyperDual(t), curve.seeded(u, i, nil))
                    value = r.value
                    return r.e1
                }
                return (value, g)
            }
            let ha = exp(curve.logHazard(at: a, u)), hb = exp(curve.logHazard(at: b, u))
            let ca = cumulative(a), cb = cumulative(b)
            let width = b - a, rise = cb.value - ca.value
            guard rise > 0 else { return nil }
            let gradient = (0..<k).map { i in
                let dRise = hb * db[i] - ha * da[i] + cb.gradient[i] - ca.gradient[i]
                let dWidth = db[i] - da[i]
                return dRise / rise - dWidth / width      // d ln(rise / width)
            }
            return (log(rise / width), gradient)
        }
    }
}
