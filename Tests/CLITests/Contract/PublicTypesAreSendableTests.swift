import Foundation
import Lifetime
import RelmodelNumerics
import Testing

/// Every public type of the library can cross a concurrency boundary: a pipeline fits groups in
/// parallel and hands results between tasks. Swift infers `Sendable` only for non-public types, so
/// each public struct, class and enum with values must say it, directly or through a protocol that
/// refines `Sendable` (checked below by the compiler). Caseless enums are namespaces and hold no values.
@Suite struct PublicTypesAreSendableTests {
    /// Protocols that refine `Sendable`: conforming to one of them is conforming to `Sendable`.
    static let sendableProtocols = ["Sendable", "Error", "ParametricFamily", "HazardFamily", "MixtureComponent",
                                    "MixtureComposition", "BathtubHazard", "HazardComponents", "ComponentPosteriors",
                                    "StandardDistribution", "LikelihoodScalar", "ModelFit"]

    /// The compiler's side of `sendableProtocols`: each line compiles only if the protocol refines Sendable.
    static func refinesSendable() {
        func check<T: Sendable>(_: T.Type) {}
        func families<F: HazardFamily & MixtureComponent & BathtubHazard & HazardComponents & ComponentPosteriors & MixtureComposition>(_: F.Type) { check(F.self) }
        func others<S: StandardDistribution, L: LikelihoodScalar, M: ModelFit, E: Error>(_: S.Type, _: L.Type, _: M.Type, _: E.Type) {
            check(S.self); check(L.self); check(M.self); check(E.self)
        }
    }

    struct Declaration: CustomStringConvertible {
        let file: String, line: Int, kind: String, name: String, conformances: String
        var description: String { "\(file):\(line): public \(kind) \(name)" }
    }

    /// Public type declarations in the library's sources (not the CLI's), with their conformance lists.
    static func declarations() throws -> [(Declaration, body: [String])] {
        let root = LibraryCLIAgreementTests.root + "/Sources"
        let pattern = try NSRegularExpression(pattern: #"^(\s*)public (?:final )?(struct|class|enum|actor) (\w+)(<[^>{]*>)?\s*(?::\s*([^{]*))?\{"#)
        var found: [(Declaration, [String])] = []
        let files = FileManager.default.enumerator(atPath: root)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix("RelmodelCLI/") && !$0.hasPrefix("relmodel/") }
        for file in files.sorted() {
            let lines = try String(contentsOfFile: root + "/" + file, encoding: .utf8).components(separatedBy: "\n")
            for (index, line) in lines.enumerated() {
                let range = NSRange(line.startIndex..., in: line)
                guard let m = pattern.firstMatch(in: line, range: range) else { continue }
                func group(_ i: Int) -> String { Range(m.range(at: i), in: line).map { String(line[$0]) } ?? "" }
                let indent = group(1)
                // The body: up to the closing brace at the declaration's indentation.
                var body: [String] = []
                for next in lines[(index + 1)...] where !line.hasSuffix("{}") {
                    if next.hasPrefix(indent + "}") { break }
                    body.append(next)
                }
                found.append((Declaration(file: file, line: index + 1, kind: group(2), name: group(3),
                                          conformances: group(5)), body.filter { $0.hasPrefix(indent + "    case ") }))
            }
        }
        return found
    }

    @Test func everyPublicValueTypeIsSendable() throws {
        let all = try Self.declarations()
        #expect(all.count > 150, "the scan found \(all.count) declarations")
        var missing: [String] = []
        for (declaration, cases) in all {
            if declaration.kind == "enum" && cases.isEmpty { continue }      // a namespace
            let listed = declaration.conformances.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if listed.contains(where: { Self.sendableProtocols.contains($0) }) { continue }
            // A generic wrapper may be Sendable where its parameter is, in an extension of its file.
            let conditional = try String(contentsOfFile: LibraryCLIAgreementTests.root + "/Sources/" + declaration.file, encoding: .utf8)
                .contains("extension \(declaration.name): Sendable where")
            if !conditional { missing.append(declaration.description) }
        }
        #expect(missing.isEmpty, "not Sendable:\n\(missing.joined(separator: "\n"))")
    }
}
