import Testing
import Foundation
import Lifetime
@testable import Qualification

/// Qualification errors are an enum a pipeline switches on: an impossible argument, or valid inputs
/// without an answer.
@Suite struct QualificationErrorTests {
    @Test func impossibleArgumentIsInvalidArgument() {
        do {
            _ = try FailureRate.chiSquare(failures: 0, confidence: 1.5)
            Issue.record("expected an error")
        } catch {
            guard case let .invalidArgument(message) = error else { Issue.record("got \(error)"); return }
            #expect(message == "confidence must be strictly between 0 and 1, got 1.5")
        }
    }

    /// A Weibull shape above 1 has a rising hazard: no burn-in lowers it.
    @Test func risingHazardHasNoSolution() {
        do {
            _ = try BurnInPlan(BurnInModel(life: .weibull(eta: 1000, beta: 2)), target: .hazardFIT(100), accelerationFactor: 10)
            Issue.record("expected an error")
        } catch {
            guard case let .noSolution(message) = error else { Issue.record("got \(error)"); return }
            #expect(message.contains("is not below 1"), "\(message)")
            #expect(error.description == message)
        }
    }
}

/// Burn-in targets deep in a Weibull tail, where S(t) underflows: found, not refused.
@Suite struct BurnInTailTests {
    /// h(t) = (β/η)(t/η)^(β−1) = x·1e−9 gives t = η (x·1e−9·η/β)^(1/(β−1)): η 5000, β 0.5 and 500 FIT
    /// put t at 2e8 use hours, where (t/η)^β = 200 and S = e^−200 (1 − F rounds to 0). Before the
    /// hazard was taken from the survival side, this target was "could not be solved".
    @Test func hazardTargetInTheFarTail() throws {
        let eta = 5000.0, beta = 0.5, fit = 500.0, af = 20.0
        let plan = try BurnInPlan(BurnInModel(life: .weibull(eta: eta, beta: beta)), target: .hazardFIT(fit), accelerationFactor: af)
        let expected = eta * pow(fit * 1e-9 * eta / beta, 1 / (beta - 1)) / af
        #expect(abs(plan.stressHours.value / expected - 1) < 1e-8, "\(plan.stressHours.value) vs \(expected)")
    }

    /// Early-life ppm over a year after an age where S has underflowed: 1 − exp(−((te+T)/η)^β + (te/η)^β).
    @Test func earlyLifeFractionInTheFarTail() {
        let life = LifetimeModel.weibull(eta: 5000, beta: 0.5)
        let te = 2e8, year = 8760.0
        let value = BurnIn.earlyLifeFraction(DefectiveSubpopulation(fraction: 1, defectLife: life), age: te, fieldHours: year)
        let expected = -expm1(-(pow((te + year) / 5000, 0.5) - pow(te / 5000, 0.5)))
        #expect(abs(value / expected - 1) < 1e-9, "\(value) vs \(expected)")
    }
}
