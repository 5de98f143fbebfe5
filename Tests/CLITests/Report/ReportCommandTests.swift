import Foundation
import Testing

/// `relmodel report`: one self-contained, inert HTML page per analysis, holding exactly what the
/// command prints, its plots, its inputs' digests and its conventions.
@Suite struct ReportCommandTests {
    static func report(_ arguments: [String]) throws -> (result: CLIRunner.Result, page: String, path: String) {
        let path = try CLIRunner.scratchDirectory("relmodel-report") + "/report.html"
        let r = try CLIRunner.run(["report", "--out", path] + arguments)
        let page = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return (r, page, path)
    }

    /// The page's text with the five escapes the template writes undone.
    static func unescaped(_ html: String) -> String {
        html.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func section(_ page: String) -> String? {
        guard let start = page.range(of: "<pre class=\"session\">"), let end = page.range(of: "</pre>", range: start.upperBound..<page.endIndex) else { return nil }
        return unescaped(String(page[start.upperBound..<end.lowerBound]))
    }

    /// SHA-256 by the system's sha256sum, independent of relmodel's.
    static func sha256sum(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }

    @Test func fitReportHoldsTheCommandsOutputPlotDigestAndConventions() throws {
        let file = "datasets/lifetime/shock_absorber.csv"
        let arguments = ["fit", file, "--dist", "weibull2p"]
        let (r, page, _) = try Self.report(arguments)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("report written to "))
        let plain = try CLIRunner.run(arguments)
        #expect(Self.section(page) == plain.stdout, "the page shows exactly what the command prints")
        #expect(plain.stdout.contains("eta=27718.72 beta=3.16047"))
        let digest = try Self.sha256sum(CLIRunner.packageRoot + "/" + file)
        #expect(digest.count == 64)
        #expect(page.contains("<td class=\"digest\">\(digest)</td>"))
        #expect(page.contains("<td>38</td>"), "38 data rows, as the command's own 'Input: 38 rows'")
        #expect(page.components(separatedBy: "<svg").count - 1 == 1)
        #expect(page.contains("Probability plot: Weibull, 2-parameter"))
        #expect(page.contains("<h2>Conventions</h2>") && page.contains("Fisher matrix, two-sided at 95 % confidence"))
        let version = try CLIRunner.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!version.isEmpty && page.contains("<footer>relmodel \(version)."))
        #expect(!page.lowercased().contains("<script"))
        #expect(!FileManager.default.fileExists(atPath: CLIRunner.packageRoot + "/relmodel-report-figure-1.svg"),
                "a plot the user did not name goes into the page only")
    }

    @Test func hostileColumnAndFileNamesAreInert() throws {
        let dir = try CLIRunner.scratchDirectory("relmodel-report-hostile")
        let file = dir + "/<img src=x onerror=alert(1)>.csv"
        try "time,event,<script>alert(1)</script>\n10,1,a\n20,1,b\n30,0,c\n45,1,d\n50,1,e\n".write(toFile: file, atomically: true, encoding: .utf8)
        let (r, page, _) = try Self.report(["fit", file, "--dist", "weibull2p"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!page.lowercased().contains("<script"))
        #expect(!page.lowercased().contains("<img"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the column name is shown, escaped")
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;.csv"), "the file name is shown, escaped")
    }

    /// One report of each kind: every one writes a page with its plots and conventions.
    @Test(arguments: [
        (["bathtub", "datasets/lifetime/doganaksoy_voltage_two_modes.csv", "--ignore-column", "mode", "--bounds", "fisher"], 2),
        (["fit", "datasets/lifetime/doganaksoy_voltage_two_modes.csv", "--mode", "mode"], 1),
        (["nonparametric", "datasets/lifetime/nist_8_4_1_3_weibull_example.csv"], 0),
        (["alt", "datasets/lifetime/nelson_insulating_fluid_voltage.csv", "--stress", "voltage_kV", "--relationship", "inverse-power"], 1),
        (["fitrate", "--units", "300", "--hours", "2000", "--failures", "0", "--stress-temp", "85", "--use-temp", "25", "--ea", "0.65"], 0),
        (["burnin", "datasets/lifetime/doganaksoy_voltage_two_modes.csv", "--model", "bathtub", "--until-useful-life", "--acceleration-factor", "20", "--ignore-column", "mode"], 0),
        (["spc", "xbar-r", "datasets/spc/piston_rings.csv", "--value", "diameter", "--subgroup", "sample", "--phase", "phase"], 1),
        (["spc", "p", "datasets/spc/orange_juice.csv", "--value", "nonconforming", "--size", "size", "--subgroup", "sample", "--phase", "phase"], 1),
        (["spc", "capability", "datasets/spc/piston_rings.csv", "--value", "diameter", "--subgroup", "sample", "--lsl", "73.95", "--usl", "74.05"], 1),
        (["spc", "baseline", "datasets/spc/orange_juice.csv", "--chart", "p", "--value", "nonconforming", "--size", "size", "--phase", "phase"], 1),
        (["spc", "components", "datasets/spc/pastes_nested.csv", "--value", "strength", "--levels", "batch,cask,rownum"], 1),
        (["spc", "nested", "datasets/spc/pastes_nested.csv", "--value", "strength", "--levels", "batch,cask,rownum", "--chart", "cask"], 1),
        (["spc", "between-within", "datasets/spc/hardbake_flow_width.csv", "--value", "flow_width", "--subgroup", "sample", "--lsl", "1", "--usl", "2"], 1),
        (["study", "load-size", "--arrival-rate", "1", "--service-mean", "2", "--capacity", "4"], 1),
        (["study", "subgroup-size", "--sizes", "2,3,4,5"], 0),
    ] as [([String], Int)])
    func everyKindWritesAPage(_ arguments: [String], figures: Int) throws {
        let (r, page, _) = try Self.report(arguments)
        #expect(r.status == 0, "\(arguments): \(r.stderr)")
        #expect(page.components(separatedBy: "<svg").count - 1 == figures, "\(arguments)")
        #expect(page.contains("<h2>Conventions</h2>"), "\(arguments)")
        let plain = try CLIRunner.run(arguments)
        #expect(Self.section(page) == plain.stdout, "\(arguments): the page shows what the command prints")
        if let file = arguments.first(where: { $0.hasSuffix(".csv") }) {
            #expect(page.contains(try Self.sha256sum(CLIRunner.packageRoot + "/" + file)), "\(arguments)")
        }
    }

    @Test func outBeforeTheCommandAndACommandsOwnOut() throws {
        let dir = try CLIRunner.scratchDirectory("relmodel-report-out")
        let page = dir + "/page.html", baseline = dir + "/limits.json"
        let trailing = try CLIRunner.run(["report", "spc", "baseline", "datasets/spc/orange_juice.csv", "--chart", "p", "--value", "nonconforming",
                                          "--size", "size", "--phase", "phase", "--out", baseline])
        #expect(trailing.status == 64 && trailing.stderr.contains("an --out of its own"), "a trailing --out is baseline's own")
        #expect(!FileManager.default.fileExists(atPath: baseline))
        let r = try CLIRunner.run(["report", "--out", page, "spc", "baseline", "datasets/spc/orange_juice.csv", "--chart", "p", "--value", "nonconforming",
                                   "--size", "size", "--phase", "phase", "--out", baseline])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: baseline), "baseline's own --out is its own")
        #expect(try String(contentsOfFile: page, encoding: .utf8).contains("baseline written to"))
        let before = dir + "/before.html"
        let r2 = try CLIRunner.run(["report", "--out", before, "--title", "Shock absorbers", "fit", "datasets/lifetime/shock_absorber.csv"])
        #expect(r2.status == 0, "\(r2.stderr)")
        #expect(try String(contentsOfFile: before, encoding: .utf8).contains("<h1>Shock absorbers</h1>"))
    }

    /// A prepended mark (U+0600) fused with `<` into one grapheme cluster is still escaped, through a
    /// column name, subgroup labels and the title.
    @Test func clusterFusedMarkupIsInert() throws {
        let hostile = "\u{0600}<img src=x onerror=alert(1) \u{0600}>"
        var rows = ["sample,\(hostile)"]
        for i in 1...20 { for j in 0..<4 { rows.append("\(hostile)\(i),\(10 + Double((i * 7 + j * 3) % 5) / 10)") } }
        let file = try CLIRunner.temporaryFile(rows.joined(separator: "\n") + "\n")
        let path = try CLIRunner.scratchDirectory("relmodel-report-cluster") + "/page.html"
        let r = try CLIRunner.run(["report", "--out", path, "--title", hostile, "spc", "xbar-r", file, "--value", hostile, "--subgroup", "sample"])
        #expect(r.status == 0, "\(r.stderr)")
        let page = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!page.contains("<img"))
        #expect(page.contains("\u{0600}&lt;img src=x onerror=alert(1) \u{0600}&gt;"))
    }

    /// Phase II against a baseline file: the file is an input with its digest, and the conventions say
    /// the frozen file's constants apply.
    @Test func phaseIIPagesNameTheBaseline() throws {
        let dir = try CLIRunner.scratchDirectory("relmodel-report-phase2")
        let baseline = dir + "/limits.json", page = dir + "/page.html"
        let b = try CLIRunner.run(["spc", "baseline", "datasets/spc/orange_juice.csv", "--chart", "p", "--value", "nonconforming",
                                   "--size", "size", "--phase", "phase", "--constants", "table", "--out", baseline])
        #expect(b.status == 0, "\(b.stderr)")
        let r = try CLIRunner.run(["report", "spc", "p", "datasets/spc/orange_juice.csv", "--value", "nonconforming", "--size", "size",
                                   "--subgroup", "sample", "--baseline", baseline, "--out", page])
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains(try Self.sha256sum(baseline)))
        #expect(html.contains("Limits frozen in") && !html.contains("Control-chart constants: exact"))
    }

    @Test func userNamedPlotsAreWrittenAndShown() throws {
        let dir = try CLIRunner.scratchDirectory("relmodel-report-plot")
        let plot = dir + "/plot.svg", page = dir + "/page.html"
        let r = try CLIRunner.run(["report", "fit", "datasets/lifetime/shock_absorber.csv", "--plot", plot, "--out", page])
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOfFile: plot, encoding: .utf8)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(svg.contains("Probability plot"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 1)
    }

    @Test func usageErrors() throws {
        let noOut = try CLIRunner.run(["report", "fit", "datasets/lifetime/shock_absorber.csv"])
        #expect(noOut.status == 64 && noOut.stderr.contains("--out"))
        let stdin = try CLIRunner.run(["report", "fit", "-", "--out", "/tmp/never.html"], stdin: "time\n1\n2\n")
        #expect(stdin.status == 64 && stdin.stderr.contains("standard input"))
        let pipe = try CLIRunner.run(["report", "fit", "/dev/stdin", "--out", "/tmp/never.html"], stdin: "time\n1\n2\n")
        #expect(pipe.status == 64 && pipe.stderr.contains("regular files"), "a pipe cannot be read again for its digest")
        let json = try CLIRunner.run(["report", "fit", "datasets/lifetime/shock_absorber.csv", "--json", "--out", "/tmp/never.html"])
        #expect(json.status == 64 && json.stderr.contains("--json"))
        let empty = try CLIRunner.run(["report", "fit", "datasets/lifetime/shock_absorber.csv", "--out="])
        #expect(empty.status == 64 && empty.stderr.contains("--out needs a file name"))
        let arl = try CLIRunner.run(["report", "spc", "arl", "--chart", "shewhart", "--shifts", "0,1", "--out", "/tmp/never.html"])
        #expect(arl.status == 64 && arl.stderr.contains("cannot report"))
        let inner = try CLIRunner.run(["report", "fit", "datasets/lifetime/shock_absorber.csv", "--dist", "nonsense", "--out", "/tmp/never.html"])
        #expect(inner.status == 64 && inner.stderr.contains("unknown distribution"))
        let nested = try CLIRunner.run(["report", "report", "fit", "x.csv", "--out", "/tmp/never.html"])
        #expect(nested.status == 64)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never.html"))
        let help = try CLIRunner.run(["report", "spc", "imr", "--help"])
        #expect(help.status == 0 && help.stdout.contains("Individuals and moving-range charts"), "the command's own help")
    }

    @Test func aFailingCommandWritesNoPageAndKeepsItsExitCode() throws {
        let file = try CLIRunner.temporaryFile("time,event\n10,0\n20,0\n30,0\n")
        let (r, _, path) = try Self.report(["fit", file, "--dist", "weibull2p"])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("no report was written"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
