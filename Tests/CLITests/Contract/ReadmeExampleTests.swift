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
}
