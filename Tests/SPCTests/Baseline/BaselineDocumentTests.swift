import Foundation
import RelmodelJSON
@testable import SPC
import Testing

/// The baseline document in the library: written by `BaselineDocument`, read back with Foundation's
/// JSON decoding, versioned on disk by `BaselineFileStore`, errors typed.
@Suite struct BaselineDocumentTests {
    static func provenance() -> BaselineProvenance {
        BaselineProvenance(file: "rings.csv", sha256: nil, rows: 125, fileRows: 125, subgroups: 25, selection: "all rows",
                           value: "diameter", subgroup: "sample", size: nil)
    }

    static func document(version: Int = 1) throws -> BaselineDocument {
        let result = try BaselineResult(.subgroups(BaselineStudyTests.pistonRingsPhaseI()), options: BaselineOptions(chart: .xbarR))
        return BaselineDocument(result, provenance: provenance(), version: version, rulesName: "nelson")
    }

    /// FIPS 180-2 appendix B.1: SHA-256("abc").
    @Test func digestIsSHA256() {
        #expect(BaselineProvenance.sha256Hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(BaselineProvenance.sha256Hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    /// What is written is read back: the limits equal the study's, to the last bit.
    @Test func writtenLimitsReadBack() throws {
        let result = try BaselineResult(.subgroups(BaselineStudyTests.pistonRingsPhaseI()), options: BaselineOptions(chart: .xbarR))
        let text = BaselineDocument(result, provenance: Self.provenance(), version: 3, rulesName: "nelson").json.pretty()
        let (limits, version) = try BaselineDocument.limits(Array(text.utf8), chart: .xbarR)
        #expect(version == 3)
        #expect(limits == result.limits)
        let header = try BaselineDocument.header(Array(text.utf8))
        #expect(header.document["created_from"]?["columns"]?["subgroup"]?.stringValue == "sample")
        #expect(BaselineDocument.methodSummary(of: header.document).hasPrefix("baseline study: sigma "))
    }

    /// The document's first members are in the documented order, and Foundation's encoder gets the same members.
    @Test func documentOrderAndEncodable() throws {
        let doc = try Self.document()
        guard case let .object(members) = doc.json else { Issue.record("not an object"); return }
        #expect(members.prefix(5).map(\.0) == ["format", "format_version", "version", "chart", "created_from"])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let viaFoundation = try JSONDecoder().decode(JSONValue.self, from: try encoder.encode(doc))
        let viaRelmodel = try JSONDecoder().decode(JSONValue.self, from: Data(doc.json.serialized().utf8))
        #expect(viaFoundation == viaRelmodel)
    }

    @Test func errorsAreTyped() throws {
        func error(_ text: String, chart: BaselineChart = .xbarR) -> BaselineDocumentError? {
            do { _ = try BaselineDocument.limits(Array(text.utf8), chart: chart); return nil } catch { return error }
        }
        if case .notJSON = error("{") {} else { Issue.record("expected notJSON") }
        #expect(error(#"{"format": "other"}"#) == .notABaseline)
        #expect(error(#"{"format": "relmodel-baseline", "format_version": 2}"#) == .unsupportedFormatVersion("2"))
        let text = try Self.document().json.pretty()
        #expect(error(text, chart: .imr) == .otherChart(found: "xbar-r", expected: "imr"))
        #expect(error(text.replacingOccurrences(of: "\"version\": 1,", with: "\"version\": 0.5,"))
                == .invalid("\"version\" must be a positive whole number"))
        #expect(error(#"{"format": "relmodel-baseline", "format_version": 2}"#)?.description
                == "baseline format_version 2 is not supported (this relmodel reads 1)")
    }

    /// created, unchanged, rebaselined with the old version archived, and a refusal to lose an archive.
    @Test func versionedWriting() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("relmodel-store-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/b.json"
        let first = try Self.document()
        let render = { (v: Int) in BaselineDocument(try! BaselineResult(.subgroups(BaselineStudyTests.pistonRingsPhaseI()),
            options: BaselineOptions(chart: .xbarR)), provenance: Self.provenance(), version: v, rulesName: "nelson").json.pretty() }
        #expect(try BaselineFileStore.writeVersioned(path, chart: .xbarR, render: render) == .created(version: 1))
        #expect(try BaselineFileStore.writeVersioned(path, chart: .xbarR, render: render) == .unchanged(version: 1))
        let changed = { (v: Int) in render(v).replacingOccurrences(of: "\"nelson\"", with: "\"all\"") }
        #expect(try BaselineFileStore.writeVersioned(path, chart: .xbarR, render: changed)
                == .rebaselined(version: 2, archive: dir + "/b.v1.json"))
        #expect(try String(contentsOfFile: dir + "/b.v1.json", encoding: .utf8) == first.json.pretty())
        #expect(try BaselineFileStore.load(path, chart: .xbarR).version == 2)
        // Version 2 would be archived as b.v2.json; a different file there is never overwritten.
        try "other".write(toFile: dir + "/b.v2.json", atomically: true, encoding: .utf8)
        #expect(throws: BaselineFileStore.StoreError.archiveExists(archive: dir + "/b.v2.json", version: 2, path: path)) {
            try BaselineFileStore.writeVersioned(path, chart: .xbarR, render: render)
        }
        #expect(throws: BaselineFileStore.StoreError.otherChart(path: path, found: "xbar-r", expected: "imr")) {
            try BaselineFileStore.writeVersioned(path, chart: .imr, render: render)
        }
        if case .cannotOpen = Result(catching: { () throws(BaselineFileStore.StoreError) in try BaselineFileStore.read(dir + "/absent") }).failure {} else {
            Issue.record("expected cannotOpen")
        }
    }
}

private extension Result {
    var failure: Failure? { if case let .failure(e) = self { e } else { nil } }
}
