import Foundation
import SPC
import Testing
@testable import RelmodelCLI

/// Inputs found by the FuzzBaseline fuzzer (docs/FUZZING.md) that trapped the baseline-file reader;
/// each must now be refused with a `BaselineDocumentError` (exit 65 at the CLI) instead.
@Suite struct BaselineFileFuzzRegressionTests {
    /// A baseline file for `chart` with `span` and `subgroups` as given (JSON text), otherwise valid.
    static func document(chart: String = "imr", span: String = "2", subgroups: String = "30") -> String {
        """
        {"format":"relmodel-baseline","format_version":1,"version":1,"chart":"\(chart)","constants":"exact",
         "sigma_multiplier":3,"span":\(span),"limits":{"subgroups":\(subgroups),"subgroup_size":1,
         "process":{"center":10,"sigma":1},"charts":[{"type":"i","center":10,"lcl":7,"ucl":13,"sigma":1},
         {"type":"mr","center":1.128,"lcl":0,"ucl":3.686,"sigma":0.853}]}}
        """
    }

    static func message(_ text: String, chart: BaselineChart = .imr) -> String? {
        do {
            _ = try BaselineDocument.limits(Array(text.utf8), chart: chart)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func validDocumentStillDecodes() throws {
        let (limits, version) = try BaselineDocument.limits(Array(Self.document().utf8), chart: .imr)
        #expect(version == 1)
        #expect(limits.span == 2)
        #expect(limits.subgroups == 30)
    }

    /// Fuzz/Corpus seed `edge-numbers.json`: `"span": 1e300` trapped in `Int(_:)` (BaselineFile.swift,
    /// "Double value cannot be converted to Int because the result would be greater than Int.max").
    @Test(arguments: ["1e300", "-1e300", "1e19", "2.5", "1", "0", "-3"])
    func spanMustBeASmallWholeNumber(span: String) {
        #expect(Self.message(Self.document(span: span)) == "baseline \"span\" must be a whole number of at least 2")
    }

    /// A span on a chart that has none is checked the same way rather than truncated.
    @Test func spanOnAnotherChartIsCheckedToo() {
        let text = Self.document(span: "1e300").replacingOccurrences(of: "\"imr\"", with: "\"c\"")
        #expect(Self.message(text, chart: .c) == "baseline \"span\" must be a whole number of at least 2")
    }

    /// `"subgroups": -1e300` (and any huge or fractional count) trapped the same way.
    @Test(arguments: ["-1e300", "1e300", "9.3e18", "0.5", "0", "-1"])
    func subgroupsMustBeAPositiveWholeNumber(subgroups: String) {
        #expect(Self.message(Self.document(subgroups: subgroups)) == "baseline \"limits\" \"subgroups\" must be a positive whole number")
    }

    /// End to end: the chart command refuses such a file with exit 65 naming it, not a crash.
    @Test func chartCommandRefusesTheFile() throws {
        let baseline = try CLIRunner.temporaryFile(Self.document(span: "1e300"), name: "baseline.json")
        let data = try CLIRunner.temporaryFile("v\n1\n2\n3\n")
        let r = try CLIRunner.run(["spc", "imr", data, "--value", "v", "--baseline", baseline])
        #expect(r.status == 65)
        #expect(r.stderr.contains("baseline.json: baseline \"span\" must be a whole number of at least 2"))
    }
}
