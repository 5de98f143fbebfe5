import Lifetime

/// A burn-in that lasts until infant mortality ends: the end of infant mortality found by the bathtub
/// regions (`BathtubRegionFinder`, on lifetimes at use conditions) divided by the burn-in's
/// acceleration factor, with its bounds mapped the same way.
///
/// This is the burn-in that removes the decreasing-hazard part of the population and no more: after it
/// the units enter useful life, where more burn-in buys nothing and wear-out has not begun. When the
/// data show no infant mortality (no bathtub, or a hazard that does not fall), there is no such
/// duration and the initializer says why.
public struct RegionBurnIn: Sendable {
    /// End of infant mortality at use conditions, with its bounds.
    public let infantMortalityEnd: BoundedEstimate
    public let accelerationFactor: Double
    /// Burn-in duration at the burn-in stress: infantMortalityEnd / accelerationFactor.
    public let stressHours: BoundedEstimate
    /// Start of wear-out at use conditions, when the data show it (the burn-in must stay well short of it).
    public let wearOutStart: BoundedEstimate?

    public init(regions: BathtubRegions, accelerationFactor: Double) throws(QualificationError) {
        try QualificationError.checkPositive(accelerationFactor, "acceleration factor")
        try QualificationError.checkFinite(accelerationFactor, "acceleration factor")
        guard regions.bathtub else {
            throw QualificationError.noSolution("the fitted hazard has no bathtub on the data's range: no end of infant mortality to burn in to (\(regions.notes.joined(separator: "; ")))")
        }
        guard let end = regions.infantMortalityEnd else {
            throw QualificationError.noSolution("the data show no infant mortality under the \(regions.definition.name) definition: nothing for a burn-in to remove")
        }
        infantMortalityEnd = end
        self.accelerationFactor = accelerationFactor
        stressHours = BoundedEstimate(value: end.value / accelerationFactor,
                                      bounds: ConfidenceInterval(lower: end.bounds.lower.map { $0 / accelerationFactor },
                                                                 upper: end.bounds.upper.map { $0 / accelerationFactor },
                                                                 notes: end.bounds.notes))
        wearOutStart = regions.wearOutStart
    }
}
