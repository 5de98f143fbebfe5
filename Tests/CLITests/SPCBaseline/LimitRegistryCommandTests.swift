import Foundation
import GRDB
import Testing

/// The limit registry end to end: `spc baseline --registry`, `relmodel limits`, and the chart commands
/// against registry limits for one context or for every context of the data (`--by`).
@Suite struct LimitRegistryCommandTests {
    /// The piston-ring data (Montgomery Table 6.3) as two tools' data: F3 as published, F4 shifted by
    /// +0.005 mm; `phase` I (samples 1-25) or II (26-40); with product and tool columns.
    static func toolData(_ dir: String) throws -> (f3: String, f4: String, phaseII: String, f3PhaseII: String, f4PhaseII: String) {
        let lines = try String(contentsOfFile: "datasets/spc/piston_rings.csv", encoding: .utf8).split(separator: "\n").map(String.init)
        let rows = lines.dropFirst().map { $0.split(separator: ",").map(String.init) }
        func file(_ name: String, shift: Double, phase: String, tool: String) -> [String] {
            rows.filter { $0[2] == phase }.map { "\($0[0]),\(String(format: "%.3f", Double($0[1])! + shift)),ring,\(tool)" }
        }
        let header = "sample,diameter,product,tool"
        func write(_ name: String, _ body: [String]) throws -> String {
            let path = dir + "/" + name
            try ([header] + body).joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let f3II = file("f3", shift: 0, phase: "II", tool: "F3"), f4II = file("f4", shift: 0.005, phase: "II", tool: "F4")
        return (try write("f3.csv", file("f3", shift: 0, phase: "I", tool: "F3")),
                try write("f4.csv", file("f4", shift: 0.005, phase: "I", tool: "F4")),
                try write("phase2.csv", f3II + f4II), try write("f3-phase2.csv", f3II), try write("f4-phase2.csv", f4II))
    }

    static func run(_ arguments: [String]) throws -> CLIRunner.Result {
        let r = try CLIRunner.run(arguments)
        #expect(r.status == 0, "\(arguments.joined(separator: " ")): \(r.stderr)")
        return r
    }

    /// The charts of a JSON document or line with their notes removed (the notes name the source).
    static func charts(_ json: [String: Any]) throws -> NSArray {
        let charts = try #require(json["charts"] as? [[String: Any]])
        return charts.map { chart -> [String: Any] in
            var c = chart
            c["notes"] = nil
            return c
        } as NSArray
    }

    /// Baselines of two tools into the registry (and into files); the F3 baseline re-run with other
    /// rules (history keeps both versions); then phase II of both tools from one file with `--by`, each
    /// context's charts equal to the same rows charted against its baseline file.
    @Test func roundTrip() throws {
        let dir = try BaselineCommandTests.temporaryDirectory()
        let data = try Self.toolData(dir)
        let registry = dir + "/limits.sqlite"
        func baseline(_ file: String, _ tool: String, out: String, rules: String = "1", note: String) throws {
            _ = try Self.run(["spc", "baseline", file, "--chart", "xbar-r", "--value", "diameter", "--subgroup", "sample",
                              "--rules", rules, "--out", out, "--registry", registry, "--context", "tool=\(tool),product=ring", "--note", note])
        }
        try baseline(data.f3, "F3", out: dir + "/f3.json", note: "qualification")
        try baseline(data.f4, "F4", out: dir + "/f4.json", note: "qualification")
        try baseline(data.f3, "F3", out: dir + "/f3.json", rules: "we", note: "after PM")
        let history = try CLIRunner.json("{\"h\": " + Self.run(["limits", "history", "--registry", registry, "--context", "product=ring,tool=F3", "--json"]).stdout + "}")
        let versions = try #require(history["h"] as? [[String: Any]])
        #expect(versions.map { $0["version"] as? Double } == [1, 2])
        #expect(versions.map { $0["note"] as? String } == ["qualification", "after PM"])
        let sha = versions[0]["dataDigest"] as? String
        #expect(sha?.count == 64)
        let current = try CLIRunner.json(Self.run(["limits", "get", "--registry", registry, "--context", "product=ring,tool=F3",
                                                    "--chart", "xbar-r", "--json"]).stdout)
        #expect(current["version"] as? Double == 2)
        #expect((current["baseline"] as? [String: Any])?["version"] as? Double == 2)
        let listed = try Self.run(["limits", "list", "--registry", registry]).stdout
        #expect(listed.contains("product=ring,tool=F3") && listed.contains("product=ring,tool=F4"))

        let lines = try Self.run(["spc", "xbar-r", data.phaseII, "--value", "diameter", "--subgroup", "sample",
                                  "--registry", registry, "--by", "product,tool"]).stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for (line, (tool, single, file)) in zip(lines, [("F3", data.f3PhaseII, dir + "/f3.json"), ("F4", data.f4PhaseII, dir + "/f4.json")]) {
            let json = try CLIRunner.json(String(line))
            #expect(json["context"] as? String == "product=ring,tool=\(tool)")
            let fromFile = try CLIRunner.json(Self.run(["spc", "xbar-r", single, "--value", "diameter", "--subgroup", "sample",
                                                        "--baseline", file, "--json"]).stdout)
            #expect(try Self.charts(json) == Self.charts(fromFile), "context \(tool)")
        }
        // One context given: the same as its --by line.
        let one = try CLIRunner.json(Self.run(["spc", "xbar-r", data.f4PhaseII, "--value", "diameter", "--subgroup", "sample",
                                               "--registry", registry, "--context", "product=ring,tool=F4", "--json"]).stdout)
        #expect(try Self.charts(one) == Self.charts(CLIRunner.json(String(lines[1]))))
    }

    /// A context of the data without limits: its line says so, the others are charted, exit 65.
    @Test func missingContextGoesOn() throws {
        let dir = try BaselineCommandTests.temporaryDirectory()
        let data = try Self.toolData(dir)
        let registry = dir + "/limits.sqlite"
        _ = try Self.run(["spc", "baseline", data.f3, "--chart", "xbar-r", "--value", "diameter", "--subgroup", "sample",
                          "--registry", registry, "--context", "product=ring,tool=F3"])
        let r = try CLIRunner.run(["spc", "xbar-r", data.phaseII, "--value", "diameter", "--subgroup", "sample", "--registry", registry, "--by", "product,tool"])
        #expect(r.status == 65)
        let lines = r.stdout.split(separator: "\n").map { try? CLIRunner.json(String($0)) }
        #expect(lines.count == 2)
        #expect(lines[0]?["charts"] != nil)
        #expect((lines[1]?["error"] as? String)?.contains("no xbar-r limits for context product=ring,tool=F4") == true)
    }

    /// Two processes putting limits at once: every entry kept, versions 1 to 2n.
    @Test func concurrentProcessesLoseNothing() throws {
        let dir = try BaselineCommandTests.temporaryDirectory()
        let data = try Self.toolData(dir)
        let registry = dir + "/limits.sqlite"
        _ = try Self.run(["spc", "baseline", data.f3, "--chart", "xbar-r", "--value", "diameter", "--subgroup", "sample", "--out", dir + "/b.json"])
        let each = 8
        let failures = NSLock()
        nonisolated(unsafe) var failed: [String] = []
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            for i in 0..<each {
                let r = try? CLIRunner.run(["limits", "put", "--registry", registry, "--context", "tool=F3", "--baseline", dir + "/b.json",
                                            "--note", "writer \(writer) put \(i)"])
                if r?.status != 0 { failures.withLock { failed.append(r?.stderr ?? "did not run") } }
            }
        }
        #expect(failed.isEmpty, "\(failed)")
        let history = try CLIRunner.json("{\"h\": " + Self.run(["limits", "history", "--registry", registry, "--context", "tool=F3", "--json"]).stdout + "}")
        let entries = try #require(history["h"] as? [[String: Any]])
        #expect(entries.map { Int($0["version"] as! Double) } == Array(1...(2 * each)))
        #expect(Set(entries.compactMap { $0["note"] as? String }).count == 2 * each)
    }

    /// A registry written by a newer relmodel is refused with what to do, and left as it was; a file
    /// that is not a registry is refused too.
    @Test func refusedRegistries() throws {
        let dir = try BaselineCommandTests.temporaryDirectory()
        let data = try Self.toolData(dir)
        let registry = dir + "/limits.sqlite"
        _ = try Self.run(["spc", "baseline", data.f3, "--chart", "xbar-r", "--value", "diameter", "--subgroup", "sample",
                          "--registry", registry, "--context", "tool=F3"])
        try DatabaseQueue(path: registry).write { try $0.execute(sql: "UPDATE meta SET value = '2' WHERE key = 'schemaVersion'") }
        let before = try Data(contentsOf: URL(fileURLWithPath: registry))
        let r = try CLIRunner.run(["limits", "list", "--registry", registry])
        #expect(r.status == 65)
        #expect(r.stderr.contains("schema version 2") && r.stderr.contains("upgrade relmodel"), "\(r.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: registry)) == before)
        let csv = try CLIRunner.run(["limits", "list", "--registry", data.f3])
        #expect(csv.status == 65)
        #expect(csv.stderr.contains("not a usable limit registry"), "\(csv.stderr)")
    }
}

/// Borrowing strength: a new tool with 6 subgroups pools its within sigma with the other tools of its
/// product and keeps its own center; the entry and the document say so.
@Suite struct BorrowedLimitsCommandTests {
    @Test func newToolBorrowsFromItsProduct() throws {
        let dir = try BaselineCommandTests.temporaryDirectory()
        let data = try LimitRegistryCommandTests.toolData(dir)
        let registry = dir + "/limits.sqlite"
        let common = ["--chart", "xbar-r", "--value", "diameter", "--subgroup", "sample", "--registry", registry]
        for (file, tool) in [(data.f3, "F3"), (data.f4, "F4")] {
            _ = try LimitRegistryCommandTests.run(["spc", "baseline", file] + common + ["--context", "product=ring,tool=\(tool)"])
        }
        // Tool F5: the first 6 subgroups of F3's data, shifted by +0.01 mm.
        let lines = try String(contentsOfFile: data.f3, encoding: .utf8).split(separator: "\n")
        let f5Rows = lines.dropFirst().filter { Int($0.split(separator: ",")[0])! <= 6 }.map { line -> String in
            let f = line.split(separator: ",").map(String.init)
            return "\(f[0]),\(String(format: "%.3f", Double(f[1])! + 0.01)),ring,F5"
        }
        let f5 = dir + "/f5.csv"
        try ([String(lines[0])] + f5Rows).joined(separator: "\n").appending("\n").write(toFile: f5, atomically: true, encoding: .utf8)
        let alone = try CLIRunner.run(["spc", "baseline", f5] + common + ["--context", "product=ring,tool=F5"])
        #expect(alone.status == 65, "6 subgroups are fewer than the default minimum of 10")
        _ = try LimitRegistryCommandTests.run(["spc", "baseline", f5] + common + ["--context", "product=ring,tool=F5", "--borrow", "product"])
        let entry = try CLIRunner.json(LimitRegistryCommandTests.run(["limits", "get", "--registry", registry, "--context", "product=ring,tool=F5",
                                                                      "--chart", "xbar-r", "--json"]).stdout)
        let borrowed = try #require(entry["borrowed"] as? String)
        #expect(borrowed.contains("product=ring") && borrowed.contains("tool=F3") && borrowed.contains("tool=F4"), "\(borrowed)")
        // The pooled sigma from the three baselines' own sigmas, weighted by subgroups x (n - 1).
        func sigma(_ tool: String) throws -> (sigma: Double, subgroups: Double) {
            let doc = try CLIRunner.json(LimitRegistryCommandTests.run(["limits", "get", "--registry", registry, "--context", "product=ring,tool=\(tool)",
                                                                        "--chart", "xbar-r", "--json"]).stdout)
            let limits = try #require((doc["baseline"] as? [String: Any])?["limits"] as? [String: Any])
            return ((limits["process"] as! [String: Any])["sigma"] as! Double, limits["subgroups"] as! Double)
        }
        let f3 = try sigma("F3"), f4 = try sigma("F4")
        let document = try #require(entry["baseline"] as? [String: Any])
        let record = try #require(document["borrowed"] as? [String: Any])
        let own = record["ownSigma"] as! Double
        #expect(record["ownSubgroups"] as? Double == 6)
        let expected = ((f3.subgroups * 4 * f3.sigma * f3.sigma + f4.subgroups * 4 * f4.sigma * f4.sigma + 6 * 4 * own * own)
                        / (f3.subgroups * 4 + f4.subgroups * 4 + 24)).squareRoot()
        #expect(abs((record["pooledSigma"] as! Double) - expected) < 1e-12 * expected)
        let limits = try #require(document["limits"] as? [String: Any])
        #expect(abs(((limits["process"] as! [String: Any])["sigma"] as! Double) - expected) < 1e-12 * expected)
        let xbar = try #require((limits["charts"] as? [[String: Any]])?.first { $0["type"] as? String == "xbar" })
        let center = (limits["process"] as! [String: Any])["center"] as! Double
        let ownMean = f5Rows.map { Double($0.split(separator: ",")[1])! }.reduce(0, +) / 30
        #expect(abs(center - ownMean) < 1e-12 * ownMean)
        #expect(abs((xbar["ucl"] as! Double) - (center + 3 * expected / 5.0.squareRoot())) < 1e-12 * center)
    }
}
