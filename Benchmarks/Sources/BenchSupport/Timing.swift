/// Repeated wall-clock timing with `ContinuousClock`: median and minimum of the repeats.
public struct TimingResult: Sendable {
    public var seconds: [Double]
    public var median: Double {
        let s = seconds.sorted()
        let n = s.count
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2])
    }
    public var minimum: Double { seconds.min() ?? .nan }
    public var repeats: Int { seconds.count }
}

public enum Timer {
    /// Runs `body` once untimed (warm-up), then repeats it until `budget` seconds have been spent
    /// and at least `minimumRepeats` samples exist, up to `maximumRepeats`.
    public static func measure<T>(budget: Double = 1.0, minimumRepeats: Int = 5, maximumRepeats: Int = 100_000,
                                  _ body: () -> T) -> TimingResult {
        let clock = ContinuousClock()
        func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
        let warmUpStart = clock.now
        keepAlive(body())
        // A call slower than the whole budget is measured once: the warm-up is the only sample.
        let warmUp = seconds(clock.now - warmUpStart)
        if warmUp > budget { return TimingResult(seconds: [warmUp]) }
        var samples: [Double] = []
        var spent = 0.0
        while samples.count < maximumRepeats && (spent < budget || samples.count < minimumRepeats) {
            let start = clock.now
            let value = body()
            let elapsed = clock.now - start
            keepAlive(value)
            let s = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            samples.append(s)
            spent += s
        }
        return TimingResult(seconds: samples)
    }
}

/// Keeps a value alive so the optimiser cannot drop the work that produced it.
@inline(never)
public func keepAlive<T>(_ value: T) { _ = value }
