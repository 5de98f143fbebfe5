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
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("relmodel-plot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("nist.svg").path
        let r = try CLIRunner.run(["fit", "datasets/lifetime/nist_8_4_1_3_weibull_example.csv", "--dist", "weibull2p", "--plot", path])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        final class Counter: NSObject, XMLParserDelegate {
            var circles = 0
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == "circle" { circles += 1 }
            }
        }
        let parser = XMLParser(data: data)
        let counter = Counter()
        parser.delegate = counter
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        #expect(counter.circles >= 10)   // 10 data points (+ the legend's marker)
        let svg = String(decoding: data, as: UTF8.self)
        #expect(!svg.contains("nan") && !svg.contains("inf"))
    }

    /// The mixture probability plot of the Doganaksoy data: the fitted mixture CDF, each component's own
    /// CDF as a dotted curve, and a legend line per component with the estimates of
    /// ../shared/oracles/README.md (p1 0.257395, eta1 69.660, beta1 0.823417, eta2 330.341,
    /// beta2 4.805199) at the printed digits.
    @Test func mixtureProbabilityPlotDrawsItsComponents() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("relmodel-plot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("mixture.svg").path
        let r = try CLIRunner.run(["fit", "datasets/lifetime/doganaksoy_voltage_two_modes.csv", "--dist", "weibull-mixture2", "--plot", path])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        final class Counter: NSObject, XMLParserDelegate {
            var componentCurves = 0, fitCurves = 0
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == "polyline" && attributes["class"] == "component" { componentCurves += 1 }
                if name == "polyline" && attributes["class"] == "fit" { fitCurves += 1 }
            }
        }
        let parser = XMLParser(data: data)
        let counter = Counter()
        parser.delegate = counter
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        #expect(counter.componentCurves >= 2)
        #expect(counter.fitCurves >= 1)
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
