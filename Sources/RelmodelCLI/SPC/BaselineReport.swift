import RelmodelNumerics
import Report
import SPC

/// The readable report of a baseline study: rounds, exclusions with reasons, final limits, checks
/// and warnings (the same content as the baseline file).
enum BaselineReport {
    static func text(_ result: BaselineResult, source: BaselineProvenance, rulesName: String) -> String {
        let f = { (x: Double?) in NumberFormatting.significant(x, 7) }
        // One chart's limits on one row share one number of decimals ("stepped" when they vary).
        func row(_ values: [Double?]) -> [String] {
            let numbers = NumberFormatting.column(values.map { $0 ?? 0 }, digits: 7)
            return zip(values, numbers).map { $0 == nil ? "stepped" : $1 }
        }
        let limits = result.limits
        var lines: [String] = []
        lines.append("Baseline study: \(limits.chart.rawValue), \(NumberFormatting.counted(source.subgroups, "subgroup")) (\(NumberFormatting.counted(source.rows, "row")), \(source.selection)) from \(source.file)")
        lines.append("rules \(rulesName); constants \(limits.constants.rawValue); \(f(limits.sigmaMultiplier)) sigma; max rounds \(result.options.maxRounds); minimum \(NumberFormatting.counted(result.options.minimumSubgroups, "subgroup"))")
        lines.append("exclusion policy: \(BaselineDocument.exclusionPolicy(limits.chart))")
        lines.append("")
        lines.append("Rounds")
        var rounds = TextTable(headers: ["round", "subgroups", "chart", "LCL", "center", "UCL", "signals", "excluded"],
                               alignments: [.right, .right, .left, .right, .right, .right, .right, .left])
        for round in result.rounds {
            for (i, c) in round.limits.charts.enumerated() {
                let n = round.signals.filter { $0.chart == c.type }.count
                let limitCells = row([c.lcl, c.center, c.ucl])
                rounds.append([i == 0 ? String(round.number) : "", i == 0 ? String(round.subgroups) : "", c.type.rawValue,
                               limitCells[0], limitCells[1], limitCells[2], String(n),
                               i == 0 ? round.excluded.joined(separator: ", ") : ""])
            }
        }
        lines.append(rounds.rendered())
        lines.append("")
        let exclusions = result.exclusions
        let other = result.rounds.flatMap { r in r.signals.filter { $0.action != .excluded }.map { (r.number, $0) } }
        if exclusions.isEmpty && other.isEmpty {
            lines.append("No signals: no subgroup excluded.")
        } else {
            lines.append("Signals")
            var table = TextTable(headers: ["round", "subgroup", "chart", "reason", "action"],
                                  alignments: [.right, .left, .left, .left, .left])
            let all = result.rounds.flatMap { r in r.signals.map { (r.number, $0) } }
            for (round, s) in all {
                table.append([String(round), s.subgroup, s.chart.rawValue, s.reason, s.action.rawValue])
            }
            lines.append(table.rendered())
        }
        lines.append("")
        let stopText: String
        switch result.stop {
        case let .stable(round): stopText = "stable: round \(round) has no signal"
        case let .maxRounds(k): stopText = "NOT STABLE after \(k) round\(k == 1 ? "" : "s")"
        }
        lines.append("Frozen limits (\(NumberFormatting.counted(limits.subgroups, "subgroup")), \(stopText))")
        var final = TextTable(headers: ["chart", "LCL", "center", "UCL", "sigma"], alignments: [.left, .right, .right, .right, .right])
        for c in limits.charts {
            final.append([c.type.rawValue] + row([c.lcl, c.center, c.ucl, c.sigma]))
        }
        lines.append(final.rendered())
        var process = "process center \(f(limits.processCenter))"
        if let sigma = limits.processSigma { process += ", sigma \(f(sigma))" }
        process += ", subgroup size \(limits.subgroupSize.map { f($0) } ?? "varies")"
        lines.append(process)
        lines.append("")
        lines.append("Checks")
        let checks = result.checks
        if let ad = checks.normality {
            lines.append("normality (\(checks.normalityOf ?? "")): Anderson-Darling n = \(ad.count), A² = \(NumberFormatting.significant(ad.statistic, 5)), A*² = \(NumberFormatting.significant(ad.adjustedStatistic, 5)), p = \(NumberFormatting.significant(ad.pValue, 4))")
        } else {
            lines.append("normality: \(checks.normalityNote ?? "not computed")")
        }
        if let r = checks.autocorrelation {
            lines.append("autocorrelation (\(checks.autocorrelationOf)): lag-1 r1 = \(NumberFormatting.significant(r.r1, 4)), 95 % limit ±\(NumberFormatting.significant(r.limit, 4)) (n = \(r.count))")
        } else {
            lines.append("autocorrelation: \(checks.autocorrelationNote ?? "not computed")")
        }
        if !result.warnings.isEmpty {
            lines.append("")
            lines.append("Warnings")
            for w in result.warnings { lines.append("- " + w.description) }
        }
        return lines.joined(separator: "\n")
    }
}
