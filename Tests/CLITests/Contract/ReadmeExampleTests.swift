import Foundation
import Testing

/// README's "Using the library" shows the example pipeline verbatim: the copy in the README is the
/// file CI compiles and runs (scripts/test.sh), so the README's example always compiles.
@Suite struct ReadmeExampleTests {
    @Test func readmeShowsTheCompiledExample() throws {
        let root = LibraryCLIAgreementTests.root
        let readme = try String(contentsOfFile: root + "/README.md", encoding: .utf8)
        let path = "Examples/QualificationPipeline/Sources/QualificationPipeline/main.swift"
        let source = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- example: \(path) -->\n```swift\n"))
        let end = try #require(readme.range(of: "```\n<!-- /example -->", range: start.upperBound..<readme.endIndex))
        #expect(String(readme[start.upperBound..<end.lowerBound]) == source)
    }

    /// README's quick start, run as written on a copy of a bundled file: a plotted fit and a report.
    @Test func quickStartGivesAPlottedFitAndAReport() throws {
        let root = LibraryCLIAgreementTests.root
        let readme = try String(contentsOfFile: root + "/README.md", encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- quick start -->\n```sh\n"))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let commands = readme[start.upperBound..<end.lowerBound].split(separator: "\n")
            .map { $0.split(separator: "#")[0].trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("relmodel ") }
        #expect(commands.count == 2)
        let dir = try CLIRunner.scratchDirectory("relmodel-quickstart")
        try FileManager.default.copyItem(atPath: root + "/datasets/lifetime/shock_absorber.csv", toPath: dir + "/my_failures.csv")
        for command in commands {
            let arguments = command.split(separator: " ").dropFirst().map { word in
                word.hasPrefix("my_failures.") ? dir + "/" + word : String(word)
            }
            let r = try CLIRunner.run(arguments)
            #expect(r.status == 0, "\(command): \(r.stderr)")
        }
        #expect(try String(contentsOfFile: dir + "/my_failures.svg", encoding: .utf8).contains("Probability plot"))
        let page = try String(contentsOfFile: dir + "/my_failures.html", encoding: .utf8)
        #expect(page.contains("<svg") && page.contains("eta=27718.72"))
    }
}
