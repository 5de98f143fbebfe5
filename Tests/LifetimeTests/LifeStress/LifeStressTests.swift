import Lifetime
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Reads `time,event,count,<stress>` rows grouped by the stress value (test-only parser).
func stressLevels(_ name: String, stressColumn: Int = 3) throws -> [StressLevel] {
    var order: [Double] = []
    var byStress: [Double: LifetimeData] = [:]
    let text = readText(packageRoot + "/datasets/lifetime/" + name).replacingCRLF()
    for line in text.split(separator: "\n").dropFirst() {
        let f = line.split(separator: ",").map(String.init)
        let t = Double(f[0])!, count = Double(f[2])!, stress = Double(f[stressColumn])!
        if byStress[stress] == nil { order.append(stress); byStress[stress] = LifetimeData() }
        if f[1] == "1" { try byStress[stress]!.addFailure(at: t, count: count) } else { try byStress[stress]!.addSuspension(at: t, count: count) }
    }
    return order.map { StressLevel(stress: [$0], data: byStress[$0]!) }
}

extension String {
    /// Drops carriage returns ("\r\n" is a single Character, so filter the scalars).
    func replacingCRLF() -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: unicodeScalars.filter { $0 != "\r" })
        return String(scalars)
    }
}

@Suite struct LifeStressTests {
    /// Nelson (1990) insulating fluid, Weibull life with inverse-power voltage dependence.
    /// QUOTED: shape 0.777, voltage exponent -17.7; R survreg log-likelihood -300.817640677522.
    /// REF: beta 0.776554, exponent -17.72960, ln-intercept 64.847259.
    @Test func nelsonInsulatingFluid() throws {
        let fit = try LifeStressRegression.fit(.weibull2p, .inversePower, to: stressLevels("nelson_insulating_fluid_voltage.csv"))
        #expect(fit.diagnostics.converged)
        #expect(fit.diagnostics.hessianNegativeDefinite)
        #expect(fit.diagnostics.gradientNorm < 1e-6)
        #expect(matchesPrinted(fit.shape, 0.777, unit: 0.001))
        #expect(matchesPrinted(fit.coefficients[1], -17.7, unit: 0.1))
        #expect(abs(fit.shape / 0.776554 - 1) < 1e-6)
        #expect(abs(fit.coefficients[1] / -17.72960 - 1) < 1e-6)
        #expect(abs(fit.coefficients[0] / 64.847259 - 1) < 1e-6)
        #expect(abs(fit.logLikelihood - -300.817640677522) < 1e-8)
        #expect(matchesPrinted(fit.logLikelihood, -300.8176, unit: 0.0001))
    }

    /// The Fisher and likelihood-ratio bounds bracket the estimate, and at an LR end the profile
    /// log-likelihood is chi2(0.95; 1)/2 = 1.920729 below the maximum (checked by refitting with the
    /// exponent fixed: an inverse-power model with exponent b is a plain Weibull fit of t * V^-b).
    @Test func nelsonBounds() throws {
        let levels = try stressLevels("nelson_insulating_fluid_voltage.csv")
        let fit = try LifeStressRegression.fit(.weibull2p, .inversePower, to: levels)
        let fisher = fit.coefficientBounds(.fisher, confidence: 0.95)[1]
        let lr = fit.coefficientBounds(.lr, confidence: 0.95)[1]
        let b = fit.coefficients[1]
        #expect(fisher.lower! < b && b < fisher.upper!)
        #expect(lr.lower! < b && b < lr.upper!)
        for end in [lr.lower!, lr.upper!] {
            var pooled = LifetimeData()
            var jacobian = 0.0
            for level in levels {
                let scale = pow(level.stress[0], -end)
                for i in level.data.failureTimes.indices {
                    try pooled.addFailure(at: level.data.failureTimes[i] * scale, count: level.data.failureCounts[i])
                    jacobian += level.data.failureCounts[i] * log(scale)
                }
            }
            let profile = try MaximumLikelihood.fit(.weibull2p, to: pooled).logLikelihood + jacobian
            #expect(abs(fit.logLikelihood - profile - 1.9207294) < 1e-5)
        }
        let sigma = fit.sigmaBounds(.lr, confidence: 0.95)
        #expect(sigma.lower! < fit.sigma && fit.sigma < sigma.upper!)
    }

    /// Quantities at use conditions follow from the fitted model at that stress.
    @Test func extrapolationToUse() throws {
        let fit = try LifeStressRegression.fit(.weibull2p, .inversePower, to: stressLevels("nelson_insulating_fluid_voltage.csv"))
        let use = [20.0]
        let model = fit.model(at: use)!
        #expect(abs(model.mu - (fit.coefficients[0] + fit.coefficients[1] * log(20))) < 1e-12)
        let b10 = fit.bLife(10, at: use, confidence: 0.9)!
        #expect(abs(b10.value - exp(model.mu + fit.sigma * log(-log(0.9)))) < 1e-9 * b10.value)
        #expect(b10.bounds.lower! < b10.value && b10.value < b10.bounds.upper!)
        let afr = fit.averageFailureRateFIT(over: 1000, at: use, confidence: 0.9)!
        #expect(abs(afr.value - pow(1000 / exp(model.mu), 1 / fit.sigma) / 1000 * 1e9) < 1e-9 * afr.value)
        #expect(abs(fit.accelerationFactor(use: [20], stress: [38])! - pow(38.0 / 20, 17.72960)) < 1e-4 * pow(38.0 / 20, 17.72960))
    }

    /// Arrhenius on the same data read as temperatures is the same linear model in 1/(kT): check the
    /// activation-energy slope against a fit of the exponential relationship on x = 1/(kT) itself.
    @Test func arrheniusSlopeIsActivationEnergy() throws {
        let levels = try stressLevels("nelson_insulating_fluid_voltage.csv").map { StressLevel(stress: [$0.stress[0] * 3], data: $0.data) }
        let constants = ThermalConstants.codata
        let arrhenius = try LifeStressRegression.fit(.lognormal2p, .arrhenius, to: levels, constants: constants)
        let linear = try LifeStressRegression.fit(.lognormal2p, .exponential,
                                                  to: levels.map { StressLevel(stress: [constants.inverseThermalEnergy(celsius: $0.stress[0])], data: $0.data) })
        #expect(arrhenius.diagnostics.converged && linear.diagnostics.converged)
        #expect(abs(arrhenius.coefficients[1] - linear.coefficients[1]) < 1e-6 * abs(linear.coefficients[1]))
        #expect(abs(arrhenius.logLikelihood - linear.logLikelihood) < 1e-8)
    }

    /// Device-A (Hooper and Amster 1990; Meeker and Escobar 1998, Table C.10, Example 19.5): 165 units at
    /// 10, 40, 60 and 80 C, 33 failures by 5000 h; Arrhenius-lognormal. REF: an independent SciPy maximum
    /// likelihood (BFGS, analytic gradient, centred covariate; x = 1/(kT), k = 8.617333262e-5 eV/K, T = C +
    /// 273.15): b0 -13.46865, Ea 0.6278790 eV, sigma 0.9778233, LL -321.7027780 (time-scale density);
    /// standard errors 2.887, 0.0828, 0.133. With k = 8.617e-5 only Ea moves (by k'/k).
    @Test func deviceAArrheniusLognormal() throws {
        let levels = try stressLevels("device_a_hooper_amster.csv")
        #expect(levels.map { $0.stress[0] } == [10, 40, 60, 80])
        #expect(levels.map(\.data.failureCount) == [0, 10, 9, 14] && levels.map(\.data.unitCount) == [30, 100, 20, 15])
        let fit = try LifeStressRegression.fit(.lognormal2p, .arrhenius, to: levels, constants: .codata)
        #expect(fit.diagnostics.converged && fit.diagnostics.hessianNegativeDefinite)
        #expect(matchesPrinted(fit.coefficients[0], -13.46865, unit: 0.00001))
        #expect(matchesPrinted(fit.coefficients[1], 0.6278790, unit: 0.0000001))
        #expect(matchesPrinted(fit.sigma, 0.9778233, unit: 0.0000001))
        #expect(matchesPrinted(fit.logLikelihood, -321.7027780, unit: 0.0000001))
        let se = try #require(fit.covariance).diagonal.map { $0.squareRoot() }
        #expect(matchesPrinted(se[0], 2.887, unit: 0.001) && matchesPrinted(se[1], 0.0828, unit: 0.0001) && matchesPrinted(se[2], 0.133, unit: 0.001))
        let rounded = try LifeStressRegression.fit(.lognormal2p, .arrhenius, to: levels,
                                                   constants: ThermalConstants(boltzmann: 8.617e-5, kelvinOffset: 273.15))
        // x scales by k'/k: Ea by the same factor, the rest unchanged.
        #expect(abs(rounded.coefficients[1] / (fit.coefficients[1] * 8.617e-5 / 8.617333262e-5) - 1) < 1e-8)
        #expect(abs(rounded.logLikelihood - fit.logLikelihood) < 1e-9)
    }

    @Test func impossibleData() throws {
        var one = LifetimeData()
        try one.addFailure(at: 10); try one.addFailure(at: 20)
        #expect(throws: LifeStressError.tooFewStressLevels(found: 1, required: 2)) {
            try LifeStressRegression.fit(.weibull2p, .arrhenius, to: [StressLevel(stress: [100], data: one)])
        }
        #expect(throws: LifeStressError.self) {
            try LifeStressRegression.fit(.weibull2p, .inversePower, to: [StressLevel(stress: [-1], data: one), StressLevel(stress: [2], data: one)])
        }
    }
}

func matchesPrinted(_ x: Double, _ printed: Double, unit: Double) -> Bool { abs(x - printed) <= unit / 2 }
