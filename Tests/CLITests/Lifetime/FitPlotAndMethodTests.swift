import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite struct FitPlotAndMethodTests {
    /// RRX on the NIST data; reference values from Python's reliability 0.9.0
    /// (Fit_Weibull_2P(method='RRX')), agreeing with a least-squares computation in LifetimeTests.
    @Test func rankRegressionOnX() throws {
        let r = try CLIRunner.run(["fit", "datasets/lifetime/nist_8_4_1_3_weibull_example.csv", "--dist", "weibull2p", "--method", "rrx", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let model = try #require((try CLIRunner.json(r.stdout)["models"] as? [[String: Any]])?.first)
        #expect(model["method"] as? String == "rrx")
        let p = try #require(model["parameters"] as? [String: Double])
        #expect(abs(p["eta"]! - 601.959890300894) < 1e-6)
        #expect(abs(p["beta"]! - 1.6259627671670795) < 1e-9)
        #expect(model["covariance"] is NSNull)
    }

    @Test func rankRegressionRefusesOtherFamiliesWithAReason() throws {
        let r = try CLIRunner.run(["fit", "datasets/lifetime/nist_8_4_1_3_weibull_example.csv", "--dist", "gamma2p", "--method", "rry", "--json"])
        #expect(r.status == 65)
        let model = try #require((try CLIRunner.json(r.stdout)["models"] as? [[String: Any]])?.first)
        #expect((model["error"] as? String)?.contains("rank regression") == true)
    }

    /// The SVG is well-formed XML and holds one marker per failure (10 in the NIST data).
    @Test func probabilityPlotIsWellFormed() throws {
        let path = try CLIRunner.scratchDirectory("relmodel-plot") + "/nist.svg"
        let r = try CLIRunner.run(["fit", "datasets/lifetime/nist_8_4_1_3_weibull_example.csv", "--dist", "weibull2p", "--plot", path])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let counter = try #require(SVGElementCounter(data))
        #expect(counter.count("circle") >= 10)   // 10 data points (+ the legend's marker)
        let svg = String(decoding: data, as: UTF8.self)
        #expect(!svg.contains("nan") && !svg.contains("inf"))
    }

    /// Readout data are plotted at Turnbull's estimates (one marker per readout with failures), under
    /// the family's display name, with the time axis named by --time-unit.
    @Test func readoutDataHaveTurnbullPoints() throws {
        let csv = try CLIRunner.temporaryFile("start,end,count\n0,24,3\n24,48,5\n48,96,8\n96,168,6\n168,336,4\n336,,24\n")
        let path = try CLIRunner.scratchDirectory("relmodel-plot") + "/readout.svg"
        let r = try CLIRunner.run(["fit", csv, "--dist", "weibull2p", "--plot", path, "--time-unit", "hours"])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let counter = try #require(SVGElementCounter(data))
        #expect(counter.count("circle") >= 5)
        let svg = String(decoding: data, as: UTF8.self)
        #expect(svg.contains("Probability plot: Weibull, 2-parameter") && svg.contains("Turnbull estimates at the interval ends"))
        #expect(svg.contains(">Time (hours)<"))
        #expect(try CLIRunner.run(["fit", csv, "--time-unit", " "]).status == 64)
    }

    /// The mixture probability plot of the Doganaksoy data: the fitted mixture CDF, each component's own
    /// CDF as a dotted curve, and a legend line per component with the estimates of
    /// ../shared/oracles/README.md (p1 0.257395, eta1 69.660, beta1 0.823417, eta2 330.341,
    /// beta2 4.805199) at the printed digits.
    @Test func mixtureProbabilityPlotDrawsItsComponents() throws {
        let path = try CLIRunner.scratchDirectory("relmodel-plot") + "/mixture.svg"
        let r = try CLIRunner.run(["fit", "datasets/lifetime/doganaksoy_voltage_two_modes.csv", "--dist", "weibull-mixture2", "--plot", path])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let counter = try #require(SVGElementCounter(data))
        #expect(counter.count("polyline", class: "component") >= 2)
        #expect(counter.count("polyline", class: "fit") >= 1)
        let svg = String(decoding: data, as: UTF8.self)
        #expect(svg.contains("component 1 (p=0.2574): eta=69.66, beta=0.82342"), "\(svg)")
        #expect(svg.contains("component 2 (p=0.7426): eta=330.34, beta=4.8052"))
        #expect(!svg.contains("nan") && !svg.contains("inf"))
    }

    @Test func unwritablePlotExits73() throws {
        let r = try CLIRunner.run(["fit", "datasets/lifetime/nist_8_4_1_3_weibull_example.csv", "--plot", "/nonexistent/dir/x.svg"])
        #expect(r.status == 73)
    }
}

/// Counts the elements of a well-formed SVG document by name and class; nil when it is not well-formed.
final class SVGElementCounter: NSObject, XMLParserDelegate {
    private var counts: [String: Int] = [:]

    init?(_ data: Data) {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        guard parser.parse() else { return nil }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        counts[name, default: 0] += 1
        if let cls = attributes["class"] { counts[name + "." + cls, default: 0] += 1 }
    }

    func count(_ name: String, class cls: String? = nil) -> Int { counts[cls.map { name + "." + $0 } ?? name] ?? 0 }
}
