import RelmodelNumerics

/// The work one likelihood-ratio profile (the bounds on one quantity) may do before it stops and reports
/// its ends as not computed: log-likelihood evaluations and wall-clock seconds, whichever runs out first.
///
/// The default, 400,000 evaluations or 10 seconds, is some 20 times what a well-posed profile of a
/// threshold or gamma fit needs on 1,000 units; it exists for the ill-posed ones (a likelihood that is
/// flat towards a boundary, an incomplete gamma function at an enormous shape) that used to run for hours.
public struct ProfileBudget: Sendable, Equatable {
    public var evaluations: Int
    public var seconds: Double?

    public init(evaluations: Int = 400_000, seconds: Double? = 10) {
        self.evaluations = evaluations
        self.seconds = seconds
    }

    /// 400,000 evaluations or 10 seconds per quantity.
    public static let standard = ProfileBudget()

    /// A fresh budget for one profile.
    func make() -> ComputationBudget { ComputationBudget(evaluations: evaluations, seconds: seconds) }
}
