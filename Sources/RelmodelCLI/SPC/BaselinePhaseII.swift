import ArgumentParser
import SPC

/// `--baseline FILE` on the chart commands that have a baseline study (xbar-r, xbar-s, imr, p, np,
/// c, u): the limits come from the file and every point is phase II.
struct BaselineOption: ParsableArguments {
    @Option(help: "Chart every point (phase II) against the limits frozen in this baseline file (written by `relmodel spc baseline`).")
    var baseline: String?
}

enum BaselinePhaseII {
    /// The charts of the command's data against the baseline's frozen limits, or nil without
    /// `--baseline`. --phase, --phase1 and --stage contradict frozen limits (usage error); the
    /// file's constants, sigma multiplier, sigma method and span are used; --rules applies.
    static func charts(_ options: ChartInputOptions, _ baseline: BaselineOption, chart: BaselineChart,
                       size: String? = nil) throws -> [ControlChart]? {
        guard let path = baseline.baseline else { return nil }
        if options.phase != nil || options.phase1 != nil || options.stage != nil {
            throw ValidationError("--baseline freezes the limits: every point is phase II, so --phase, --phase1 and --stage do not apply")
        }
        let (limits, version) = try BaselineFile.load(path, chart: chart)
        let input = try BaselineInput.read(file: options.file, chart: chart, value: options.value, subgroup: options.subgroup,
                                           size: chart == .c ? nil : size)
        let types = chart.chartTypes
        let rules = try ChartInputOptions.parseRules(options.rules, for: types[0])
        let dispersionRules = types.count > 1 ? try ChartInputOptions.parseRules(options.rules, for: types[1]) : nil
        var charts = try SPCInput.dataErrors {
            try PhaseIICharts.charts(input.data, limits: limits, rules: rules, dispersionRules: dispersionRules)
        }
        for i in charts.indices { charts[i].notes.append("baseline: \(path) (version \(version))") }
        return charts
    }
}
