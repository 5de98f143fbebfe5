#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Confidence bounds on a fitted model's parameters and on the quantities engineers read off it.
extension LifetimeFit {
    /// Two-sided bounds on each parameter, in the order of `family.parameterNames`.
    /// - Complexity: Fisher O(1); likelihood-ratio O(n) per profile evaluation, some 100-300 of them.
    /// Likelihood-ratio profiles of threshold and gamma fits stop when `budget` is spent; each interval's
    /// `notes` says why an end is missing.
    public func parameterBounds(_ method: BoundsMethod, confidence: Double, budget: ProfileBudget = .standard) -> [ConfidenceInterval] {
        let none = ConfidenceInterval(lower: nil, upper: nil)
        var bounds: [ConfidenceInterval]
        switch method {
        case .fisher:
            bounds = FisherBounds.parameters(self, confidence: confidence)
        case .bootstrap:
            bounds = Array(repeating: none, count: family.parameterCount)
        case .lr:
            if let general = GeneralProfileBounds.parameters(self, confidence: confidence, budget: budget) {
                bounds = general
            } else if LikelihoodRatioBounds.isAvailable(self) {
                let mu = LikelihoodRatioBounds.interval(self, .location, confidence: confidence)
                let s = !isScaleFixed ? LikelihoodRatioBounds.interval(self, .logScale, confidence: confidence) : none
                bounds = FisherBounds.map(family, mu: mu, s: s) + (family.hasThreshold ? [none] : [])
            } else {
                bounds = Array(repeating: none, count: family.parameterCount)
            }
        }
        // A fixed parameter is known, not estimated: it has no bounds.
        let fixedNames = fixed.names(for: family)
        for (i, name) in family.parameterNames.enumerated() where fixedNames.contains(name) { bounds[i] = none }
        return bounds
    }

    /// The B-life: the time by which `percent` % of units have failed, with two-sided bounds.
    public func bLife(_ percent: Double, bounds method: BoundsMethod, confidence: Double,
                      budget: ProfileBudget = .standard) -> BoundedEstimate {
        let p = percent / 100
        let value = model.quantile(p)
        switch method {
        case .fisher:
            return BoundedEstimate(value: value, bounds: FisherBounds.quantile(self, probability: p, confidence: confidence))
        case .bootstrap:
            return BoundedEstimate(value: value, bounds: ConfidenceInterval(lower: nil, upper: nil))
        case .lr:
            if let general = GeneralProfileBounds.quantile(self, probability: p, confidence: confidence, budget: budget) {
                return BoundedEstimate(value: value, bounds: general)
            }
            let zp = family.standard.quantile(p)
            let y = LikelihoodRatioBounds.interval(self, .logQuantile(zp), confidence: confidence)
            let m = model
            return BoundedEstimate(value: value, bounds: y.mappedIncreasing { m.time(fromTransformed: $0) })
        }
    }

    /// Reliability R(t) with two-sided bounds (bounded through the standardized time u, which R
    /// decreases in).
    public func reliability(at t: Double, bounds method: BoundsMethod, confidence: Double,
                            budget: ProfileBudget = .standard) -> BoundedEstimate {
        let value = model.reliability(t)
        if family.isLogLocationScale && t <= model.threshold {
            return BoundedEstimate(value: 1, bounds: ConfidenceInterval(lower: 1, upper: 1))
        }
        switch method {
        case .fisher:
            return BoundedEstimate(value: value, bounds: FisherBounds.reliability(self, at: t, confidence: confidence))
        case .bootstrap:
            return BoundedEstimate(value: value, bounds: ConfidenceInterval(lower: nil, upper: nil))
        case .lr:
            if let general = GeneralProfileBounds.reliability(self, at: t, confidence: confidence, budget: budget) {
                return BoundedEstimate(value: value, bounds: general)
            }
            let u = LikelihoodRatioBounds.interval(self, .standardizedTime(model.transformed(t)), confidence: confidence)
            let standard = family.standard
            return BoundedEstimate(value: value, bounds: u.mappedDecreasing { standard.survival($0) })
        }
    }

    /// Hazard rate h(t) with Fisher bounds on ln h (delta method; likelihood-ratio bounds are not
    /// computed for the hazard).
    public func hazard(at t: Double, confidence: Double) -> BoundedEstimate {
        BoundedEstimate(value: model.hazard(t),
                        bounds: DeltaMethod.interval(self, confidence: confidence, transform: .log) { $0.hazard(t) })
    }

    /// Reliability over the next `duration` for a unit that survived to `age`, R(age + d) / R(age),
    /// with Fisher bounds on its logit (delta method).
    public func conditionalReliability(_ duration: Double, age: Double, confidence: Double) -> BoundedEstimate {
        BoundedEstimate(value: model.conditionalReliability(duration, age: age),
                        bounds: DeltaMethod.interval(self, confidence: confidence, transform: .logit) {
                            $0.conditionalReliability(duration, age: age)
                        })
    }

    /// Mean residual life at `age` with Fisher bounds on its logarithm (delta method).
    public func meanResidualLife(age: Double, confidence: Double) -> BoundedEstimate {
        BoundedEstimate(value: model.meanResidualLife(age: age),
                        bounds: DeltaMethod.interval(self, confidence: confidence, transform: .log) { $0.meanResidualLife(age: age) })
    }

    /// Mean time to failure with Fisher bounds (log scale).
    public func meanTimeToFailure(confidence: Double) -> BoundedEstimate {
        BoundedEstimate(value: model.mean, bounds: FisherBounds.mean(self, confidence: confidence))
    }
}
