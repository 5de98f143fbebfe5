import Foundation
import Testing

/// `relmodel fit` on randomly censored and inspection data (issue 10, item 9): gamma2p, gamma3p and
/// `--all` succeed, or exit 65 with a reason, within a minute. The files are written by the test from
/// Weyl sequences (Weibull eta 1000, beta 1.5; exponential censoring or withdrawal, mean 2324 h;
/// inspections every 50-250 h), 3,000 units each, so that the debug build stays quick.
@Suite struct FitRandomCensoringTests {
    static func weyl(_ i: Int, _ alpha: Double) -> Double { (Double(i) * alpha).truncatingRemainder(dividingBy: 1) }

    static func write(_ text: String, name: String) throws -> String {
        let path = try CLIRunner.scratchDirectory("relmodel-random") + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func randomFile() throws -> String {
        var text = "time,event\n"
        for i in 1...3000 {
            let t = 1000 * pow(-log1p(-weyl(i, 0.6180339887498949)), 1 / 1.5)
            let c = -2324 * log1p(-weyl(i, 0.41421356237309515))
            text += t <= c ? "\(max(t, 0.001)),1\n" : "\(max(c, 0.001)),0\n"
        }
        return try write(text, name: "random.csv")
    }

    static func intervalFile() throws -> String {
        var text = "start,end\n"
        for i in 1...3000 {
            let t = 1000 * pow(-log1p(-weyl(i, 0.6180339887498949)), 1 / 1.5)
            let c = -2324 * log1p(-weyl(i, 0.41421356237309515))
            let every = 50 + 200 * weyl(i, 0.7548776662466927)
            if t > c { text += "\(c),\n"; continue }
            let j = (t / every).rounded(.down)
            text += "\(j * every),\(min((j + 1) * every, c))\n"
        }
        return try write(text, name: "interval.csv")
    }

    static func models(_ r: CLIRunner.Result) throws -> [[String: Any]] {
        try #require((try CLIRunner.json(r.stdout)["models"] as? [[String: Any]]))
    }

    @Test(arguments: ["gamma2p", "gamma3p"])
    func gammaOnRandomlyCensoredDataConverges(family: String) throws {
        let start = Date()
        let r = try CLIRunner.run(["fit", try Self.randomFile(), "--dist", family, "--json"])
        #expect(Date().timeIntervalSince(start) < 60)
        #expect(r.status == 0, "\(r.stderr)")
        let model = try #require(try Self.models(r).first)
        #expect(model["converged"] as? Bool == true, "\(model["diagnostics"] ?? "")")
    }

    @Test(arguments: ["random", "interval"])
    func fitAllFinishesWithEveryFamilyReported(kind: String) throws {
        let file = kind == "random" ? try Self.randomFile() : try Self.intervalFile()
        let start = Date()
        let r = try CLIRunner.run(["fit", file, "--all", "--json"])
        #expect(Date().timeIntervalSince(start) < 60)
        #expect(r.status == 0, "\(r.stderr)")
        let models = try Self.models(r)
        #expect(models.count == 12)
        for model in models {
            // Every family is either a fit with a convergence status or a reason it could not be fitted.
            #expect(model["converged"] is Bool || model["error"] is String, "\(model)")
        }
        let gamma = try #require(models.first { $0["distribution"] as? String == "gamma2p" })
        #expect(gamma["converged"] as? Bool == true, "\(gamma["diagnostics"] ?? "")")
    }
}
