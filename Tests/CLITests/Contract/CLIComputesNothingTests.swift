import Foundation
import Lifetime
import Report
import Testing

/// The CLI only parses, calls and prints (docs/ARCHITECTURE.md): no file of the RelmodelCLI target
/// calls a numeric function. Comments and string literals (help texts such as "shift*sqrt(n)") are
/// skipped; what remains is code.
@Suite struct CLIComputesNothingTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/RelmodelCLI")

    /// libm and the Foundation/Glibc overloads a statistic would need.
    static let numeric = ["exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sqrt", "cbrt", "pow", "erf", "erfc",
                          "lgamma", "tgamma", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh",
                          "hypot", "fma", "floor", "ceil", "trunc", "round"]

    /// `text` with comments and string literals (single-line, multi-line and raw) replaced by spaces.
    static func code(_ text: String) -> String {
        var out = ""
        let s = Array(text.unicodeScalars)
        var i = 0
        func at(_ j: Int, _ literal: String) -> Bool {
            let l = Array(literal.unicodeScalars)
            return j + l.count <= s.count && Array(s[j..<j + l.count]) == l
        }
        while i < s.count {
            if at(i, "//") {
                while i < s.count, s[i] != "\n" { i += 1 }
            } else if at(i, "/*") {
                i += 2
                while i < s.count, !at(i, "*/") { i += 1 }
                i += 2
            } else if at(i, "#\"\"\"") || at(i, "\"\"\"") {
                let raw = s[i] == "#"
                i += raw ? 4 : 3
                while i < s.count, !at(i, raw ? "\"\"\"#" : "\"\"\"") { i += 1 }
                i += raw ? 4 : 3
                out += " \"\" "
            } else if at(i, "#\"") || s[i] == "\"" {
                let raw = s[i] == "#"
                i += raw ? 2 : 1
                while i < s.count {
                    if !raw, s[i] == "\\" { i += 2; continue }
                    if raw ? at(i, "\"#") : s[i] == "\"" { break }
                    i += 1
                }
                i += raw ? 2 : 1
                out += " \"\" "
            } else {
                out.unicodeScalars.append(s[i])
                i += 1
            }
        }
        return out
    }

    /// Calls of `numeric` functions in code: a name followed by "(", not preceded by "." or a name character.
    static func numericCalls(_ code: String) -> [String] {
        let pattern = "(?<![A-Za-z0-9_.])(" + numeric.joined(separator: "|") + ")\\s*\\("
        let regex = try! NSRegularExpression(pattern: pattern)
        let range = NSRange(code.startIndex..., in: code)
        return regex.matches(in: code, range: range).map { String(code[Range($0.range(at: 1), in: code)!]) }
    }

    @Test func theScannerSeesCallsAndSkipsTextAndComments() {
        #expect(Self.numericCalls(Self.code("let x = sqrt(2) + Foundation.log(3)")) == ["sqrt"])
        #expect(Self.numericCalls(Self.code("let y = pow (x, 2); z = a.log(1); w = mylog(2)")) == ["pow"])
        #expect(Self.numericCalls(Self.code(#"let h = "shift*sqrt(n)" // exp(1)"#)).isEmpty)
        #expect(Self.numericCalls(Self.code("let h = \"\"\"\n  L*sqrt(lambda)\n  \"\"\"\nlet k = exp(1)")) == ["exp"])
        #expect(Self.numericCalls(Self.code("/* log(2) */ let r = #\"a\\\"sqrt(2)\"#; let s = \"\\\"\"; t = log(s)")) == ["log"])
    }

    @Test func noNumericCallInTheCLITarget() throws {
        let files = FileManager.default.enumerator(atPath: Self.sources.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 40)
        var found: [String] = []
        for file in files.sorted() {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            found += Self.numericCalls(Self.code(text)).map { "\(file): \($0)(" }
        }
        #expect(found.isEmpty, "numeric calls in the CLI target: \(found.joined(separator: ", "))")
    }
}

/// Every paper a family can name is one Report draws.
@Suite struct ProbabilityPaperMappingTests {
    @Test func everyScaleHasAPaper() {
        for scale in ProbabilityScale.allCases { #expect(ProbabilityPaper(rawValue: scale.rawValue) != nil, "\(scale)") }
    }
}
