import Lifetime
/// One stress test in a qualification plan: N units for H hours at a stress temperature.
public struct StressTest: Sendable, Equatable {
    public var name: String
    public var units: Double
    public var hours: Double
    public var stressCelsius: Double

    public init(name: String, units: Double, hours: Double, stressCelsius: Double) {
        self.name = name
        self.units = units
        self.hours = hours
        self.stressCelsius = stressCelsius
    }

    /// Device-hours at stress, N * H.
    public var deviceHours: Double { units * hours }
}

/// A failure mechanism with its own thermal activation energy.
public struct FailureMechanism: Sendable, Equatable {
    public var name: String
    /// Activation energy in eV.
    public var activationEnergy: Double

    public init(name: String, activationEnergy: Double) {
        self.name = name
        self.activationEnergy = activationEnergy
    }
}

/// A multi-condition, multi-mechanism failure-rate calculation (JESD85 sum-of-mechanisms form).
///
/// Every stress test runs every unit against every mechanism, so each test's device-hours count
/// for each mechanism, accelerated by that mechanism's own Arrhenius factor:
/// D_m = sum over tests c of N_c H_c AF_{m,c}. A mechanism's failures are summed over the tests, and
/// its rate bound is chi2(C; 2 r_m + 2) / (2 D_m); the product's rate bound is the sum of the
/// mechanisms' bounds (conservative: each mechanism's bound holds at confidence C), the point
/// estimate the sum of r_m / D_m.
public struct FailureRatePlan: Sendable, Equatable {
    public var tests: [StressTest]
    public var mechanisms: [FailureMechanism]
    /// failures[c][m]: failures of mechanism m in test c.
    public var failures: [[Int]]
    /// Use (field) temperature, Celsius.
    public var useCelsius: Double
    public var constants: ThermalConstants

    public init(tests: [StressTest], mechanisms: [FailureMechanism], failures: [[Int]],
                useCelsius: Double, constants: ThermalConstants = .codata) {
        self.tests = tests
        self.mechanisms = mechanisms
        self.failures = failures
        self.useCelsius = useCelsius
        self.constants = constants
    }

    /// The one-test, one-mechanism plan of `relmodel fitrate --units ... --ea ...`.
    public static func single(units: Double, hours: Double, failures: Int, stressCelsius: Double,
                              useCelsius: Double, activationEnergy: Double,
                              constants: ThermalConstants = .codata) -> FailureRatePlan {
        FailureRatePlan(tests: [StressTest(name: "test", units: units, hours: hours, stressCelsius: stressCelsius)],
                        mechanisms: [FailureMechanism(name: "mechanism", activationEnergy: activationEnergy)],
                        failures: [[failures]], useCelsius: useCelsius, constants: constants)
    }

    /// Checks the plan and computes every rate. Throws for impossible input: no tests or
    /// mechanisms, units or hours not positive, negative failures, more failures in a test than it
    /// had units, a use temperature above a stress temperature (the test would decelerate), a
    /// negative activation energy, confidence outside (0, 1).
    /// - Complexity: O(tests x mechanisms) plus one chi-square quantile per mechanism.
    public func evaluate(confidence: Double = 0.6) throws(QualificationError) -> FailureRateResult {
        try QualificationError.checkConfidence(confidence)
        guard !tests.isEmpty else { throw QualificationError.invalidArgument("the plan has no stress tests") }
        guard !mechanisms.isEmpty else { throw QualificationError.invalidArgument("the plan has no failure mechanisms") }
        guard failures.count == tests.count, failures.allSatisfy({ $0.count == mechanisms.count }) else {
            throw QualificationError.invalidArgument("failures must have one row per test and one column per mechanism")
        }
        try constants.checkTemperature(useCelsius, "use temperature")
        for (c, test) in tests.enumerated() {
            try QualificationError.checkPositive(test.units, "units of test '\(test.name)'")
            try QualificationError.checkPositive(test.hours, "hours of test '\(test.name)'")
            try constants.checkTemperature(test.stressCelsius, "stress temperature of test '\(test.name)'")
            guard test.stressCelsius >= useCelsius else {
                throw QualificationError.invalidArgument("use temperature \(useCelsius) C is above the stress temperature \(test.stressCelsius) C of test '\(test.name)': the test would not accelerate")
            }
            for r in failures[c] where r < 0 {
                throw QualificationError.invalidArgument("failures must be >= 0 in test '\(test.name)', got \(r)")
            }
            let total = failures[c].reduce(0, +)
            guard Double(total) <= test.units else {
                throw QualificationError.invalidArgument("test '\(test.name)' has \(total) failures but only \(test.units) units")
            }
        }
        var rates: [MechanismRate] = []
        for (m, mechanism) in mechanisms.enumerated() {
            let model = Arrhenius(activationEnergy: mechanism.activationEnergy, constants: constants)
            var factors: [Double] = []
            var equivalent = 0.0
            var r = 0
            for (c, test) in tests.enumerated() {
                let af = try model.accelerationFactor(useCelsius: useCelsius, stressCelsius: test.stressCelsius)
                factors.append(af)
                equivalent += test.deviceHours * af
                r += failures[c][m]
            }
            let chi = try FailureRate.chiSquare(failures: r, confidence: confidence)
            rates.append(MechanismRate(
                mechanism: mechanism, failures: r, accelerationFactors: factors,
                equivalentDeviceHours: equivalent, chiSquare: chi,
                fit: FailureRate.fit(chiSquare: chi, equivalentDeviceHours: equivalent),
                fitPoint: FailureRate.pointEstimate(failures: r, equivalentDeviceHours: equivalent)))
        }
        return FailureRateResult(confidence: confidence, useCelsius: useCelsius,
                                 deviceHours: tests.reduce(0) { $0 + $1.deviceHours }, mechanisms: rates,
                                 tests: tests, constants: constants)
    }
}

/// The rate of one mechanism in a plan.
public struct MechanismRate: Sendable, Equatable {
    public let mechanism: FailureMechanism
    /// Failures of this mechanism over all tests.
    public let failures: Int
    /// Arrhenius AF of each test, in the plan's test order.
    public let accelerationFactors: [Double]
    /// sum over tests of N H AF.
    public let equivalentDeviceHours: Double
    /// chi2(C; 2r + 2).
    public let chiSquare: Double
    /// Upper confidence bound at use, FIT.
    public let fit: Double
    /// Point estimate at use, FIT.
    public let fitPoint: Double
}

/// The rates of a plan: per mechanism and summed.
public struct FailureRateResult: Sendable, Equatable {
    public let confidence: Double
    public let useCelsius: Double
    /// Device-hours at stress, sum of N H over tests.
    public let deviceHours: Double
    public let mechanisms: [MechanismRate]
    /// The plan's tests and the thermal constants the acceleration factors used (for the record).
    public let tests: [StressTest]
    public let constants: ThermalConstants

    /// Upper confidence bound at use, FIT: the sum of the mechanisms' bounds.
    public var fit: Double { mechanisms.reduce(0) { $0 + $1.fit } }
    /// Point estimate at use, FIT: the sum of the mechanisms' point estimates.
    public var fitPoint: Double { mechanisms.reduce(0) { $0 + $1.fitPoint } }
    /// Lower confidence bound on the MTTF (hours), 1e9 / `fit`; equal to the MTBF of a repairable
    /// item with this constant rate.
    public var mttfHours: Double { FailureRate.meanTimeToFailure(fit: fit) }
    /// Point MTTF (hours), 1e9 / `fitPoint`: +infinity with no failures.
    public var mttfPointHours: Double { FailureRate.meanTimeToFailure(fit: fitPoint) }
}
