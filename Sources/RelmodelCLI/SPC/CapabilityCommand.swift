import RelmodelNumerics
import RelmodelJSON
import ArgumentParser
import Lifetime
import Report
import SPC

/// `relmodel spc capability FILE --value COL [--subgroup COL] --lsl X --usl Y`.
struct CapabilityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capability",
        abstract: "Process capability: Cp, Cpk, Pp, Ppk, Cpm with intervals, or the ISO percentile method for Weibull/lognormal.",
        discussion: RelmodelHelp.discussion("""
        Within sigma: from subgroups (--sigma-method, default rbar as qcc) with --subgroup, else MR-bar/d2. \
        Only phase I rows are used when --phase or --phase1 is given. Intervals: chi-square for Cp and Pp, \
        Bissell's approximation for Cpk and Ppk (as qcc). --svg writes the capability histogram: the \
        values as a density histogram with the LSL, USL and target lines and the fitted density (normal: \
        within and overall sigma; weibull, lognormal: the fitted model).
        """)
    )
    @OptionGroup var options: SPCDataOptions
    @Option(help: "Lower specification limit.") var lsl: Double?
    @Option(help: "Upper specification limit.") var usl: Double?
    @Option(help: "Target (for Cpm). Default: midpoint of the limits.") var target: Double?
    @Option(help: "Distribution: normal, weibull, lognormal.") var dist: String = "normal"
    @Option(help: "Two-sided confidence level for the intervals.") var confidence: Double = 0.95
    @Option(name: .customLong("sigma-method"), help: "Within sigma for subgroups: rbar, sbar, pooled, mvlue-r, mvlue-s.")
    var sigmaMethod: SigmaMethod = .rBar

    func validate() throws {
        guard lsl != nil || usl != nil else { throw ValidationError("give --lsl, --usl or both") }
        if let lsl, let usl, !(lsl < usl) { throw ValidationError("--lsl must be below --usl") }
        guard ["normal", "weibull", "lognormal"].contains(dist) else { throw ValidationError("--dist must be normal, weibull or lognormal") }
        guard confidence > 0, confidence < 1 else { throw ValidationError("--confidence must be in (0, 1)") }
    }

    func run() throws {
        guard let valueColumn = options.value else { throw ValidationError("--value COLUMN is required") }
        let input = try SPCInput(options.file)
        let phaseGroups = try input.phaseISubgroups(valueColumn, options)
        let phaseValues = phaseGroups.flatMap { $0 }
        let spec = Specification(lsl: lsl, usl: usl, target: target)
        let document: JSONValue
        let text: String
        let svg: String
        if dist == "normal" {
            let cap = try SPCInput.dataErrors {
                try NormalCapability(subgroups: phaseGroups, individuals: options.subgroup == nil, method: sigmaMethod,
                                             constants: options.constants, specification: spec, confidence: confidence)
            }
            document = cap.json
            text = Self.text(cap)
            svg = options.svg == nil ? "" : CapabilitySVG.render(cap, values: phaseValues)
        } else {
            let family: LifetimeFamily = dist == "weibull" ? .weibull2p : .lognormal2p
            let cap = try SPCInput.dataErrors { try PercentileCapability(phaseValues, family: family, specification: spec) }
            document = cap.json
            text = Self.text(cap)
            svg = options.svg == nil ? "" : CapabilitySVG.render(cap, values: phaseValues)
        }
        if let path = options.svg { try writeOutputFile(path, svg) }
        writeOutput(options.json ? document.serialized() : text)
    }

    static func text(_ c: NormalCapability) -> String {
        let f = { (x: Double?) in NumberFormatting.significant(x, 5) }
        var table = TextTable(headers: ["index", "value", "lower", "upper"], alignments: [.left, .right, .right, .right],
                              numberStyles: Array(repeating: .init(digits: 5), count: 4))
        for (name, i) in [("Cp", c.cp), ("Cpk", c.cpk), ("Cpl", c.cpl), ("Cpu", c.cpu), ("Pp", c.pp), ("Ppk", c.ppk),
                          ("Ppl", c.ppl), ("Ppu", c.ppu), ("Cpm", c.cpm)] as [(String, CapabilityIndex?)] {
            table.append(cells: [.text(name), .number(i?.value), .number(i?.lower), .number(i?.upper)])
        }
        return """
        Normal capability: n \(c.count), mean \(NumberFormatting.significant(c.mean, 8)), sigma within \(NumberFormatting.significant(c.withinSigma, 7)), overall \(NumberFormatting.significant(c.overallSigma, 7))
        \(Int(c.confidence * 100))% intervals: chi-square (Cp, Pp), Bissell (Cpk, Cpl, Cpu, Ppk, Ppl, Ppu), Boyles (Cpm)
        \(table.rendered())
        expected ppm within \(f(c.expectedWithin.total)), overall \(f(c.expectedOverall.total)); observed ppm \(f(c.observed.total))
        """
    }

    static func text(_ c: PercentileCapability) -> String {
        let f = { (x: Double?) in NumberFormatting.significant(x, 5) }
        return """
        \(c.family.rawValue) capability (ISO percentile method): n \(c.count), parameters \(zip(c.family.parameterNames, c.parameters).map { "\($0) \(f($1))" }.joined(separator: ", "))
        X0.00135 \(f(c.lowerPercentile)), median \(f(c.median)), X0.99865 \(f(c.upperPercentile))
        Pp \(f(c.pp)), Ppl \(f(c.ppl)), Ppu \(f(c.ppu)), Ppk \(f(c.ppk))
        expected ppm \(f(c.expected.total)); observed ppm \(f(c.observed.total))
        """
    }
}
