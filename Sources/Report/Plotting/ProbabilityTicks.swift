import RelmodelNumerics
/// The conventional unreliability ticks of probability paper (Weibull++, Minitab), in percent.
///
/// Labelled ticks: the decades 10^-k % and 100 - 10^-k % (0.001, 0.01, 0.1, 1, 10, 50, 90, 99, 99.9,
/// ...), then 2, 5, 20, 30, 70, 95 at lower priority; on Weibull paper also 63.2 % (F at t = eta,
/// 1 - 1/e), and on exponential paper 0 %. Unlabelled grid lines fill in 2..9 times each decade below
/// 1 %, 3, 4, 6..9, 40, 60, 80 and their mirrors above 99 %. Only the ticks inside the axis range are
/// returned; a renderer drops lower-priority labels that would collide.
enum ProbabilityTicks {
    /// (probability, label, priority); priority 0 labels win over priority 1 when crowded.
    static func labelled(for scale: AxisScale) -> [(Double, String, Int)] {
        var list: [(Double, String, Int)] = []
        for k in 3...8 {   // 0.1 %, 0.01 %, ... 1e-6 % and their mirrors 99.9 %, ...
            let p = 1 / NumberFormatting.power10(k)
            list.append((p, NumberFormatting.significant(p * 100, 6), 0))
            list.append((1 - p, "99." + String(repeating: "9", count: k - 2), 0))
        }
        list += [(0.01, "1", 0), (0.1, "10", 0), (0.5, "50", 0), (0.9, "90", 0), (0.99, "99", 0)]
        list += [(0.02, "2", 1), (0.05, "5", 1), (0.2, "20", 1), (0.3, "30", 1), (0.7, "70", 1), (0.95, "95", 1)]
        if scale == .weibullProbability { list.append((0.6321205588285577, "63.2", 0)) }
        if scale == .exponentialProbability { list.append((0, "0", 0)) }
        return list
    }

    static func minor() -> [Double] {
        var list: [Double] = []
        for k in 3...8 {
            let decade = 1 / NumberFormatting.power10(k)
            for m in 2...9 { list.append(Double(m) * decade) }
            for m in [2.0, 5.0] { list.append(1 - m * decade) }
        }
        list += [0.03, 0.04, 0.06, 0.07, 0.08, 0.09, 0.4, 0.6, 0.8, 0.98]
        return list
    }

    static func ticks(for axis: Axis) -> [AxisTick] {
        // On exponential paper (linear in -ln(1 - F)) values below 1 % of the top of the axis would
        // pile up on the zero line.
        let floor = axis.scale == .exponentialProbability ? axis.upper / 100 : 0
        func inside(_ p: Double) -> Bool {
            guard p == 0 || p >= floor else { return false }
            let f = axis.fraction(p)
            return f >= -1e-9 && f <= 1 + 1e-9
        }
        var ticks: [AxisTick] = []
        for (p, label, priority) in labelled(for: axis.scale) where inside(p) {
            ticks.append(AxisTick(value: p, label: label, isMajor: true, priority: priority))
        }
        let labelledValues = Set(ticks.map(\.value))
        for p in minor() where inside(p) && !labelledValues.contains(p) {
            ticks.append(AxisTick(value: p, label: nil, isMajor: false))
        }
        return ticks.sorted { $0.value < $1.value }
    }
}
