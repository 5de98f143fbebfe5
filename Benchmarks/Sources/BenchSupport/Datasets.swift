#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Lifetime

/// The benchmark population: Weibull lifetimes with eta = 1000 h and beta = 1.5, Type I censored
/// (the test stops at a fixed time) at the time by which 70 % have failed, so that about 30 % of the
/// units are suspensions. Times are rounded to 1/1000 h, as a test log would print them.
///
/// The Python generator of bench/compare (bench/generate_data.py) draws the same population with
/// NumPy's generator; the two do not share draws (the comparison reads the files Python wrote).
public enum BenchPopulation {
    public static let eta = 1000.0
    public static let beta = 1.5
    public static let censoredFraction = 0.3
    /// Censoring time: S(t) = 0.3, t = eta (-ln 0.3)^(1/beta).
    public static var censoringTime: Double { eta * pow(-log(censoredFraction), 1 / beta) }

    /// One unit: (time, failed). Inverse-CDF draw t = eta (-ln U)^(1/beta).
    @inline(__always)
    static func draw(_ g: inout SplitMix64) -> (time: Double, failed: Bool) {
        let t = eta * pow(-log(g.nextOpenUnit()), 1 / beta)
        let c = censoringTime
        let time = t < c ? t : c
        // Round to 1/1000 h; a failure that rounds to 0 would have no density on the log scale.
        let rounded = max((time * 1000).rounded() / 1000, 0.001)
        return (rounded, t < c)
    }

    /// `units` units, one observation each (count 1), seeded.
    public static func data(units: Int, seed: UInt64) -> LifetimeData {
        var g = SplitMix64(seed: seed)
        var data = LifetimeData()
        for _ in 0..<units {
            let (time, failed) = draw(&g)
            // Times drawn here are finite and >= 0, so the checks cannot fail.
            if failed { try! data.addFailure(at: time) } else { try! data.addSuspension(at: time) }
        }
        return data
    }

    /// The same population as a CSV file `time,event` (event 1 = failure, 0 = suspension), bytes.
    public static func csv(rows: Int, seed: UInt64) -> [UInt8] {
        var g = SplitMix64(seed: seed)
        var out: [UInt8] = []
        out.reserveCapacity(rows * 12 + 16)
        out.append(contentsOf: Array("time,event\n".utf8))
        var digits = [UInt8](repeating: 0, count: 24)
        for _ in 0..<rows {
            let (time, failed) = draw(&g)
            let milli = Int((time * 1000).rounded())
            // integer part, '.', three decimals
            var whole = milli / 1000, n = 0
            repeat { digits[n] = UInt8(48 + whole % 10); whole /= 10; n += 1 } while whole > 0
            while n > 0 { n -= 1; out.append(digits[n]) }
            let frac = milli % 1000
            out.append(46)
            out.append(UInt8(48 + frac / 100)); out.append(UInt8(48 + frac / 10 % 10)); out.append(UInt8(48 + frac % 10))
            out.append(44)
            out.append(failed ? 49 : 48)
            out.append(10)
        }
        return out
    }

    /// Writes `bytes` to `path` (replacing it). Returns false on any I/O error.
    public static func write(_ bytes: [UInt8], to path: String) -> Bool {
        guard let f = fopen(path, "wb") else { return false }
        defer { fclose(f) }
        return bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, f) } == bytes.count
    }
}
