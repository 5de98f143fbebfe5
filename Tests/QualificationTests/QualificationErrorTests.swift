import Testing
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
