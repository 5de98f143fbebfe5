import Foundation
import Testing

/// Issue 10 item 5: `spc capability` writes its histogram with --svg and does not accept chart-only
/// options (--rules, --sigma-multiplier, --stage) that would do nothing.
@Suite("spc capability --svg and options (end to end)")
struct CapabilityOptionsTests {
    static func data() throws -> String {
        var csv = "value\n"
        for i in 0..<50 { csv += "\(10 + Double((i * 37) % 23 - 11) * 0.05)\n" }
        return try CLIRunner.temporaryFile(csv)
    }

    @Test("--svg writes a capability histogram with the LSL, USL and target lines and the fitted density")
    func svgHistogram() throws {
        let path = try Self.data()
        let svg = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("cap.svg").path
        let r = try CLIRunner.run(["spc", "capability", path, "--value", "value", "--lsl", "9", "--usl", "11.2",
                                   "--target", "10", "--svg", svg])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(text.hasPrefix("<svg") || text.hasPrefix("<?xml"))
        #expect(text.contains("LSL = 9") && text.contains("USL = 11.2") && text.contains("Target = 10"))
        #expect(text.contains("normal, within sigma") && text.contains("histogram"))
        #expect(!text.contains("nan") && !text.contains("inf"))

        let weibull = try CLIRunner.run(["spc", "capability", path, "--value", "value", "--usl", "11.2", "--dist", "weibull", "--svg", svg])
        #expect(weibull.status == 0, "\(weibull.stderr)")
        let w = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(w.contains("USL = 11.2") && w.contains("fitted weibull2p") && !w.contains("LSL"))
    }

    @Test("an unwritable --svg path exits 73")
    func svgNotWritable() throws {
        let r = try CLIRunner.run(["spc", "capability", try Self.data(), "--value", "value", "--lsl", "9", "--usl", "11",
                                   "--svg", "/nonexistent-dir/cap.svg"])
        #expect(r.status == 73)
    }

    @Test("chart-only options are not options of capability")
    func chartOptionsRefused() throws {
        let path = try Self.data()
        for extra in [["--rules", "we"], ["--sigma-multiplier", "2"], ["--stage", "value"]] {
            let r = try CLIRunner.run(["spc", "capability", path, "--value", "value", "--lsl", "9", "--usl", "11"] + extra)
            #expect(r.status == 64, "\(extra[0]) should be refused")
            #expect(r.stderr.contains("Unknown option"), "\(r.stderr)")
        }
        let help = try CLIRunner.run(["spc", "capability", "--help"])
        #expect(!help.stdout.contains("--rules") && !help.stdout.contains("--sigma-multiplier") && help.stdout.contains("--svg"))
    }
}
