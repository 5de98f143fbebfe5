#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics
@testable import Lifetime

/// The time of the smallest hazard of `family` at natural parameters p, found without the closed
/// form: ln h on a log-time grid (4,001 points from `from` to `to`), then Brent's minimiser in ln t
/// between the grid neighbours of the grid minimum; nil when the grid minimum is at an end (the hazard
/// is monotone there).
func numericalHazardMinimum(_ family: any ParametricFamily, _ p: [Double], from: Double = 1e-3, to: Double = 1e6) -> Double? {
    let logHazard = { (s: Double) -> Double in
        let t = exp(s)
        return family.logDensity(t, p) - family.logSurvival(t, p)
    }
    let n = 4000
    let grid = (0...n).map { log(from) + (log(to) - log(from)) * Double($0) / Double(n) }
    let values = grid.map(logHazard)
    guard let k = values.indices.min(by: { values[$0] < values[$1] }), k > 0, k < n else { return nil }
    let result = Minimization.brent(grid[k - 1], grid[k + 1], tolerance: 1e-13, logHazard)
    return result.converged ? exp(result.x) : nil
}

/// |a - b| <= 0.5 in the last printed digit of `printed` (given as `digits` decimals).
func matchesPrinted(_ value: Double, _ printed: Double, decimals: Int) -> Bool {
    abs(value - printed) <= 0.5 * pow(10, -Double(decimals)) * (1 + 1e-9)
}
