import RelmodelNumerics
import RelmodelJSON
import Lifetime
import Report

/// JSON, text and SVG of `relmodel bathtub` (contract: ../shared/design/CLI.md, "Bathtub regions").
enum BathtubOutput {
    static let keys = LifetimeKeys(bLives: [], times: [], conditional: [], residualLifeAges: [])

    static func report(_ a: BathtubAnalysis, input: LifetimeInput, definition: RegionDefinition, hours: Bool) -> String {
        var lines = [
            "Input: \(NumberFormatting.counted(input.rows, "row")), \(NumberFormatting.counted(input.data.unitCount, "unit")), "
                + "\(NumberFormatting.counted(input.data.failureCount, "failure")), \(NumberFormatting.counted(input.data.suspensionCount, "suspension"))",
            LifetimeText.columnsLine(input), "",
            "Candidate models ranked by AICc (maximum likelihood):",
        ]
        var table = TextTable(headers: ["rank", "distribution", "logLik", "AICc", "status"], alignments: [.right, .left, .right, .right, .left])
        for (i, model) in a.comparison.ranked.enumerated() {
            switch model {
            case let .general(.fitted(s)):
                let d = s.fit.diagnostics
                let status = d.degenerate ? "degenerate: no interior maximum" : LifetimeText.status(d)
                let numbers = NumberFormatting.column([s.fit.logLikelihood, s.fit.aicc], digits: 7, minimumDecimals: 2)
                table.append(["\(i + 1)", s.fit.name, numbers[0], numbers[1], status])
            case let .general(.failed(name, failure)):
                table.append(["-", name, "-", "-", "not fitted: \(failure)"])
            case .standard: continue
            }
        }
        lines.append(table.rendered())
        lines.append("")
        guard let model = a.model, let r = a.regions else {
            lines += a.notes.map { "note: \($0)" }
            return lines.joined(separator: "\n")
        }
        lines += ComparisonOutput.generalDetail(model, options: a.options, keys: keys)
        lines.append("")
        let method = r.bounds == .fisher ? "Fisher bounds" : "likelihood-ratio bounds"
        let percent = NumberFormatting.significant(r.confidence * 100, 6) + "%"
        let name: String = switch definition {
        case let .threshold(tolerance): "threshold (useful life within \(NumberFormatting.significant(tolerance * 100, 6))% of the minimum hazard)"
        case .components: "components (decreasing and increasing hazards against the constant one)"
        }
        lines.append("Regions of \(model.fit.name), definition \(name), \(method) \(percent) two-sided:")
        guard r.bathtub else {
            lines.append("  bathtub: no. " + r.notes.joined(separator: "; "))
            return lines.joined(separator: "\n")
        }
        var regions = TextTable(headers: ["quantity", "estimate", "lower", "upper"], alignments: [.left, .right, .right, .right])
        func add(_ label: String, _ e: BoundedEstimate?) {
            guard let e else { regions.append([label, "not shown by the data", "", ""]); return }
            let numbers = NumberFormatting.column([e.value, e.bounds.lower, e.bounds.upper], digits: 5)
            regions.append([label, numbers[0], numbers[1], numbers[2]])
        }
        add("hazard minimum at", r.hazardMinimum?.time)
        add("minimum hazard", r.hazardMinimum?.hazard)
        add("infant mortality ends", r.infantMortalityEnd)
        add("wear-out starts", r.wearOutStart)
        add("useful-life hazard", r.usefulLife?.hazard)
        if hours, let u = r.usefulLife { add("useful-life FIT", u.failuresInTime) }
        lines.append("  bathtub: yes")
        lines.append(regions.rendered())
        for note in r.notes + a.notes + (r.hazardMinimum.map { m in (m.time.bounds.notes + m.hazard.bounds.notes) } ?? []) {
            lines.append("  note: \(note)")
        }
        for (label, e) in [("infant mortality end", r.infantMortalityEnd), ("wear-out start", r.wearOutStart), ("useful-life hazard", r.usefulLife?.hazard)] {
            for note in e?.bounds.notes ?? [] { lines.append("  note: \(label): \(note)") }
        }
        return lines.joined(separator: "\n")
    }

    /// The fitted hazard (solid) with the regions shaded and the smoothed Nelson-Aalen hazard (dashed) on
    /// log-log axes.
    static func hazardPlot(_ a: BathtubAnalysis, timeLabel: String = "Time") -> String {
        var series: [LinePlot.Series] = []
        var bands: [LinePlot.Band] = []
        var notes: [String] = []
        if let s = a.smoothedHazard {
            series.append(LinePlot.Series(label: "smoothed Nelson-Aalen hazard", points: s.points.filter { $0.hazard > 0 }.map { ($0.time, $0.hazard) },
                                          color: "#616161", dashed: true))
        }
        if let model = a.model, let r = a.regions {
            series.insert(fittedHazard(model.fit, low: r.range.low, high: r.range.high), at: 0)
            if r.bathtub {
                bands = regionBands(infantEnd: r.infantMortalityEnd?.value, wearOutStart: r.wearOutStart?.value, low: r.range.low, high: r.range.high)
            } else {
                notes.append("no bathtub: the hazard is monotone on the data's range")
            }
        }
        var plot = LinePlot(title: "Hazard and bathtub regions", xLabel: timeLabel, yLabel: "Hazard", series: series)
        plot.xScale = .log10
        plot.yScale = .log10
        plot.bands = bands
        plot.notes = notes
        return plot.rendered()
    }

    /// The fitted hazard at 201 log-spaced times over [low, high].
    static func fittedHazard(_ fit: ParametricFit, low: Double, high: Double) -> LinePlot.Series {
        LinePlot.Series(label: "\(fit.name) hazard", points: fit.hazardCurve(from: low, to: high).map { ($0.time, $0.hazard) })
    }

    /// Shaded infant-mortality, useful-life and wear-out bands (a region not shown is not drawn).
    /// A separate function from `hazardPlot`: written inline there, Swift 6.3.1's release optimiser
    /// crashed (an ownership verifier error in CopyPropagation).
    static func regionBands(infantEnd: Double?, wearOutStart: Double?, low: Double, high: Double) -> [LinePlot.Band] {
        var bands: [LinePlot.Band] = []
        if let infantEnd { bands.append(LinePlot.Band(low / 10, infantEnd, label: "infant mortality", color: "#ef6c00")) }
        bands.append(LinePlot.Band(infantEnd ?? low / 10, wearOutStart ?? high * 10, label: "useful life", color: "#2e7d32"))
        if let wearOutStart { bands.append(LinePlot.Band(wearOutStart, high * 10, label: "wear-out", color: "#c62828")) }
        return bands
    }

    static func tttPlot(_ t: TotalTimeOnTest) -> String {
        var plot = LinePlot(title: "Scaled total time on test", xLabel: "fraction failed (Kaplan-Meier)", yLabel: "scaled total time on test",
                            series: [LinePlot.Series(label: "TTT", points: [(0, 0)] + t.points.map { ($0.fraction, $0.scaledTime) }, style: .lineAndMarkers),
                                     LinePlot.Series(label: "constant hazard", points: [(0, 0), (1, 1)], color: "#9e9e9e", dashed: true)])
        plot.xRange = 0...1
        plot.yRange = 0...1
        plot.notes = ["concave: increasing hazard; convex: decreasing;", "convex then concave: bathtub"]
        return plot.rendered()
    }
}
