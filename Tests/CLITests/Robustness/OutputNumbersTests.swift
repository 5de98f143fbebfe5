import Foundation
import Testing

/// "Output numbers": text tables tell models apart at a million units, one number of decimals per
/// column, plural forms right.
@Suite("Output numbers (end to end)")
struct OutputNumbersTests {
    /// 40 rows of 25,000 units each: 1,000,000 units, log-likelihoods about -5.5e6.
    static func millionUnits() throws -> String {
        var csv = "time,event,count\n"
        for i in 1...40 {
            let p = (Double(i) - 0.5) / 40
            csv += "\(1000 * pow(-log(1 - p), 1 / 1.5)),\(i % 3 == 0 ? 0 : 1),25000\n"
        }
        return try CLIRunner.temporaryFile(csv)
    }

    /// The ranking table's rows (after the header and its rule).
    static func rankingRows(_ text: String) -> [[String]] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let header = lines.firstIndex(where: { $0.hasPrefix("rank") }) else { return [] }
        return lines[(header + 2)...].prefix { !$0.isEmpty }.map { $0.split(separator: " ").map(String.init) }
    }

    @Test("fit at a million units: logLik, AICc and BIC with two decimals, matching the JSON values")
    func likelihoodColumnsAtAMillionUnits() throws {
        let path = try Self.millionUnits()
        let text = try CLIRunner.run(["fit", path])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("1000000 units"))
        let rows = Self.rankingRows(text.stdout)
        #expect(rows.count == 3)
        let json = try CLIRunner.run(["fit", path, "--json"])
        let models = try #require(try CLIRunner.json(json.stdout)["models"] as? [[String: Any]])
        for (row, model) in zip(rows, models) {
            // rank, distribution, parameters (one or two), logLik, AICc, BIC, AD, status "ok"
            #expect(row.last == "ok")
            let cells = Array(row[(row.count - 5)...(row.count - 3)])
            for cell in cells {
                let decimals = cell.split(separator: ".").last!.count
                #expect(cell.contains(".") && decimals == 2, "\(cell)")
            }
            let expected = [model["logLikelihood"], model["aicc"], model["bic"]].map { ($0 as? Double) ?? .nan }
            for (cell, value) in zip(cells, expected) {
                #expect(abs(Double(cell)! - value) <= 0.005 + 1e-9 * abs(value), "\(cell) vs \(value)")
            }
        }
    }

    @Test("a numeric column has one number of decimals in every row")
    func oneDecimalsPerColumn() throws {
        let r = try CLIRunner.run(["nonparametric", "datasets/lifetime/nist_8_4_1_3_weibull_example.csv"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let rows = lines.drop { !$0.hasPrefix("----") }.dropFirst().map { $0.split(separator: " ").map(String.init) }
        #expect(rows.count >= 5)
        for column in 0..<7 {
            let decimals = Set(rows.map { $0[column].split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0 })
            #expect(decimals.count == 1, "column \(column): \(rows.map { $0[column] })")
        }
        #expect(rows[0][3] == "0.95" && rows[1][3] == "0.90")   // survival: 0.90, not 0.9
    }

    @Test("plural forms: 1 suspension, 2 suspensions")
    func plurals() throws {
        let one = try CLIRunner.temporaryFile("time,event\n10,1\n20,1\n30,0\n")
        let r = try CLIRunner.run(["fit", one, "--dist", "exponential1p"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("3 rows, 3 units, 2 failures, 1 suspension\n"))
        let two = try CLIRunner.temporaryFile("time,event\n10,1\n30,0\n40,0\n")
        let s = try CLIRunner.run(["fit", two, "--dist", "exponential1p"])
        #expect(s.stdout.contains("3 rows, 3 units, 1 failure, 2 suspensions\n"), "\(s.stdout)")
        let km = try CLIRunner.run(["nonparametric", one])
        #expect(km.stdout.contains("survival, 3 units,"))
        let chart = try CLIRunner.temporaryFile("value\n1\n2\n1\n2\n1\n2\n9\n")
        let c = try CLIRunner.run(["spc", "imr", chart, "--value", "value"])
        #expect(c.stdout.contains("1 point with signals") || c.stdout.contains("2 points with signals"), "\(c.stdout)")
        #expect(!c.stdout.contains("1 points"))
    }
}
