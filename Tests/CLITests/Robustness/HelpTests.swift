import Foundation
import RelmodelCLI
import Testing

/// Issue 10 item 7 and "Help and exit codes": `--version`; every `--help` lists the exit codes (one
/// shared text); no default is printed twice; every option the documentation names exists.
@Suite("Help, version and documented options (end to end)")
struct HelpTests {
    /// Every command path: the root, then every subcommand listed under SUBCOMMANDS, recursively.
    static func allHelps() throws -> [(path: [String], text: String)] {
        var result: [(path: [String], text: String)] = []
        var queue: [[String]] = [[]]
        while !queue.isEmpty {
            let path = queue.removeFirst()
            let r = try CLIRunner.run(path + ["--help"])
            #expect(r.status == 0, "relmodel \(path.joined(separator: " ")) --help: \(r.stderr)")
            result.append((path, r.stdout))
            if let range = r.stdout.range(of: "SUBCOMMANDS:") {
                for line in r.stdout[range.upperBound...].split(separator: "\n") {
                    // "  name    abstract": two spaces, then a lower-case command name.
                    guard line.hasPrefix("  "), !line.hasPrefix("   "),
                          let name = line.dropFirst(2).split(separator: " ").first,
                          name.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) else { continue }
                    queue.append(path + [String(name)])
                }
            }
        }
        return result
    }

    static func flat(_ text: some StringProtocol) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The help of each option: from a line starting "  -" up to the next such line.
    static func optionBlocks(_ help: String) -> [String] {
        guard let range = help.range(of: "OPTIONS:") else { return [] }
        var blocks: [String] = []
        for line in help[range.upperBound...].split(separator: "\n") {
            if line.hasPrefix("  -") { blocks.append(String(line)) } else if !blocks.isEmpty { blocks[blocks.count - 1] += " " + line }
        }
        return blocks.map { flat($0) }
    }

    @Test("relmodel --version prints the version defined once")
    func version() throws {
        let r = try CLIRunner.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == RelmodelHelp.version)
        #expect(RelmodelHelp.version.split(separator: ".").count == 3)
    }

    @Test("every command's --help lists the exit codes 0, 64, 65, 66, 70 and 73 (the shared text)")
    func exitCodesInEveryHelp() throws {
        let helps = try Self.allHelps()
        #expect(helps.count >= 28)   // root, 8 commands, 18 spc and 1 study subcommands
        let shared = Self.flat(RelmodelHelp.exitCodes)
        for (path, text) in helps {
            let listed = Self.flat(text).contains(shared)
            #expect(listed, "relmodel \(path.joined(separator: " ")) --help lacks the exit codes")
        }
    }

    @Test("no option's help prints its default twice")
    func defaultsOnce() throws {
        for (path, text) in try Self.allHelps() {
            for block in Self.optionBlocks(text) {
                let count = block.lowercased().components(separatedBy: "default").count - 1
                #expect(count <= 1, "relmodel \(path.joined(separator: " ")): \(block)")
            }
        }
    }

    @Test("every option named in README.md and docs/CLI.md exists in some --help")
    func documentedOptionsExist() throws {
        var known: Set<String> = []
        for (_, text) in try Self.allHelps() { known.formUnion(Self.options(in: text)) }
        // Options of other tools quoted in the README (swift package ... benchmark, swift run --package-path).
        let otherTools: Set<String> = ["--disable-sandbox", "--package-path"]
        for file in ["README.md", "docs/CLI.md"] {
            var text = try String(contentsOfFile: CLIRunner.packageRoot + "/" + file, encoding: .utf8)
            // A clearly marked planned section names what does not exist yet.
            if let planned = text.range(of: "## Planned") { text = String(text[..<planned.lowerBound]) }
            let missing = Self.options(in: text).subtracting(known).subtracting(otherTools)
            #expect(missing.isEmpty, "\(file) names options no command has: \(missing.sorted())")
        }
    }

    static func options(in text: String) -> Set<String> {
        var result: Set<String> = []
        var rest = Substring(text)
        while let range = rest.range(of: "--") {
            let name = rest[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" }
            if let first = name.first, first.isLetter || first.isNumber { result.insert("--" + name) }
            rest = rest[range.upperBound...]
        }
        return result
    }
}
