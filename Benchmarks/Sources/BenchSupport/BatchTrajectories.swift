#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics
import SPC

/// Seeded batch trajectories for the multiway PCA benchmark: I batches x J variables x K time points,
/// the structure of bench/generate_data.py's `batches_53.csv` (a ramp plus a bump per variable whose
/// amplitude varies from batch to batch, plus AR(1) noise), drawn with Xoshiro256** instead of NumPy,
/// so the values differ but the work is the same.
public enum BenchBatches {
    public static func data(batches: Int = 53, variables: Int = 10, timePoints: Int = 100, seed: UInt64 = 53) -> BatchTrajectoryData {
        var generator = Xoshiro256StarStar(seed: seed)
        var values: [Double] = []
        values.reserveCapacity(batches * variables * timePoints)
        for _ in 0..<batches {
            let amplitude = (0..<variables).map { _ in 1 + 0.1 * RandomVariates.standardNormal(using: &generator) }
            var noise = [Double](repeating: 0, count: variables)
            for k in 0..<timePoints {
                let x = Double(k) / Double(timePoints - 1)
                for j in 0..<variables {
                    noise[j] = 0.7 * noise[j] + 0.05 * RandomVariates.standardNormal(using: &generator)
                    let bump = (x - 0.3 - 0.04 * Double(j)) / 0.1
                    values.append(0.5 * Double(j) + amplitude[j] * (x * Double(1 + j % 3) + exp(-bump * bump)) + noise[j])
                }
            }
        }
        return try! BatchTrajectoryData(batches: batches, variables: variables, timePoints: timePoints, values: values)
    }
}
