import RelmodelNumerics
import RelmodelJSON
import ArgumentParser
import Report
import SPC

/// Renders control charts as the JSON contract or as text tables, and writes the SVG if asked.
enum ChartOutput {
    static func emit(_ charts: [ControlChart], command: String, options: ChartInputOptions) throws {
        if options.json {
            writeOutput(CommandDocument(command: command, file: options.file, result: ChartSet(charts)).json.serialized())
        } else {
            writeOutput(text(charts))
        }
        if let path = options.svg {
            let svg = ControlChartSVG.render(charts)
            try writeOutputFile(path, svg)
        }
    }

    static let titles: [ChartType: String] = [
        .xbar: "Xbar", .r: "R", .s: "S", .i: "Individuals", .mr: "Moving range", .p: "p", .np: "np", .c: "c", .u: "u",
        .laneyP: "Laney p'", .laneyU: "Laney u'", .g: "g", .ewma: "EWMA", .cusum: "CUSUM", .t2: "Hotelling T2",
    ]

    static func text(_ charts: [ControlChart]) -> String {
        var blocks: [String] = []
        for chart in charts {
            var lines: [String] = []
            var summary = "\(titles[chart.type] ?? chart.type.rawValue) chart: center \(NumberFormatting.significant(chart.center, 7))"
            summary += ", LCL \(chart.lcl.map { NumberFormatting.significant($0, 7) } ?? "stepped")"
            summary += ", UCL \(chart.ucl.map { NumberFormatting.significant($0, 7) } ?? "stepped")"
            if let sigma = chart.sigma { summary += ", sigma \(NumberFormatting.significant(sigma, 7))" }
            lines.append(summary)
            if !chart.parameters.isEmpty {
                lines.append(chart.parameters.map { "\($0.0) \(NumberFormatting.significant($0.1, 7))" }.joined(separator: ", "))
            }
            for note in chart.notes { lines.append("note: \(note)") }
            let hasLower = chart.points.contains { $0.lowerValue != nil }
            let hasStage = chart.points.contains { $0.stage != nil }
            var headers = ["subgroup", "value"]
            if hasLower { headers.append("lower") }
            headers += ["LCL", "center", "UCL", "phase"]
            if hasStage { headers.append("stage") }
            headers.append("signals")
            // Each numeric column is one quantity: one number of decimals for all its rows.
            var table = TextTable(headers: headers, alignments: headers.map { $0 == "subgroup" || $0 == "signals" || $0 == "stage" ? .left : .right },
                                  numberStyles: Array(repeating: .init(digits: 7), count: headers.count))
            for p in chart.points {
                var row: [TextTable.Cell] = [.text(p.subgroup), .number(p.value)]
                if hasLower { row.append(.number(p.lowerValue)) }
                row += [.number(p.lcl), .number(p.center), .number(p.ucl), .text(p.phase.rawValue)]
                if hasStage { row.append(.text(p.stage ?? "")) }
                row.append(.text(p.signals.map(String.init).joined(separator: ",")))
                table.append(cells: row)
            }
            lines.append(table.rendered())
            let flagged = chart.signalledIndices.count
            lines.append(NumberFormatting.counted(flagged, "point") + " with signals")
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n")
    }
}
