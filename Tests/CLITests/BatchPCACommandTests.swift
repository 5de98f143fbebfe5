import Foundation
import Ingest
import SPC
import Testing

/// `relmodel spc batch-pca` end to end: text and JSON against the library on the same file, phase II
/// projection, and bad input with exit codes and file:line:column messages.
@Suite struct BatchPCACommandTests {
    /// Long CSV batch,time,temp,pressure: `batches` batches × 6 time points from a fixed formula (a
    /// batch factor and a deterministic jitter); `offset` is added to temp at times 4-6 of batch `shifted`.
    static func csv(batches: Int, prefix: String = "B", shifted: Int? = nil, offset: Double = 0) -> String {
        var lines = ["batch,time,temp,pressure"]
        for i in 0..<batches {
            let factor = sin(Double(7 * i + 3)) * 1.5
            for k in 1...6 {
                let jitter1 = sin(Double(31 * i + 17 * k)) * 0.3, jitter2 = cos(Double(13 * i + 29 * k)) * 0.05
                var temp = 20 + 2 * Double(k) + factor * Double(k) / 3 + jitter1
                if i == shifted, k >= 4 { temp += offset }
                let pressure = 1 + 0.1 * Double(k) - 0.2 * factor + jitter2
                lines.append("\(prefix)\(i + 1),\(k),\(temp),\(pressure)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func model(_ path: String, components: Int) throws -> MultiwayPCA {
        try MultiwayPCA(reference: BatchTrajectoryReader.read(CSVTable.read(path: path)), components: components)
    }

    static func close(_ a: Any?, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
        guard let a = a as? Double else { return false }
        return abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test func textOutput() throws {
        let path = try CLIRunner.temporaryFile(Self.csv(batches: 10), name: "ref.csv")
        let r = try CLIRunner.run(["spc", "batch-pca", path, "--components", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("10 reference batches, 2 variables (temp, pressure) x 6 time points = 12 unfolded columns"))
        #expect(r.stdout.contains("2 components (as given)"))
        for header in ["component", "explained", "cumulative", "batch", "phase", "T2", "SPE", "flags", "T2 phase I", "T2 phase II"] {
            #expect(r.stdout.contains(header), "missing \(header)")
        }
        for i in 1...10 { #expect(r.stdout.contains("\nB\(i) "), "missing batch B\(i)") }
        let model = try Self.model(path, components: 2)
        let l99 = try model.limits(confidence: 0.99)
        #expect(r.stdout.contains(String(l99.t2PhaseI).prefix(5)))
        #expect(r.stdout.contains("flags against the 0.99 limits"))
    }

    @Test func jsonMatchesLibrary() throws {
        let path = try CLIRunner.temporaryFile(Self.csv(batches: 10), name: "ref.csv")
        let r = try CLIRunner.run(["spc", "batch-pca", path, "--components", "2", "--confidence", "0.9", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try CLIRunner.json(r.stdout)
        for key in ["command", "file", "input", "components", "selection", "rank", "explainedVariance",
                    "cumulativeExplainedVariance", "scoreVariances", "constantColumns", "confidence", "limits", "batches"] {
            #expect(doc[key] != nil, "missing \(key)")
        }
        #expect(doc["command"] as? String == "batch-pca")
        #expect(doc["components"] as? Int == 2)
        let input = try #require(doc["input"] as? [String: Any])
        #expect(input["variables"] as? [String] == ["temp", "pressure"] && input["timePoints"] as? Int == 6)
        let model = try Self.model(path, components: 2)
        let explained = try #require(doc["explainedVariance"] as? [Double])
        #expect(explained.count == 2 && Self.close(explained[0], model.explainedVariance[0]) && Self.close(explained[1], model.explainedVariance[1]))
        let limits = try #require(doc["limits"] as? [[String: Any]])
        #expect(limits.compactMap { $0["confidence"] as? Double } == [0.9, 0.95, 0.99])
        for entry in limits {
            let l = try model.limits(confidence: entry["confidence"] as! Double)
            #expect(Self.close(entry["t2PhaseI"], l.t2PhaseI) && Self.close(entry["t2PhaseII"], l.t2PhaseII) && Self.close(entry["spe"], l.spe))
        }
        let batches = try #require(doc["batches"] as? [[String: Any]])
        #expect(batches.count == 10)
        let l90 = try model.limits(confidence: 0.9)
        var sum = 0.0
        for (b, s) in zip(batches, model.reference) {
            #expect(b["batch"] as? String == s.label && b["phase"] as? String == "I")
            #expect(Self.close(b["t2"], s.t2) && Self.close(b["spe"], s.spe))
            #expect(Self.close(b["t2Limit"], l90.t2PhaseI) && Self.close(b["speLimit"], l90.spe))
            #expect(b["t2AboveLimit"] as? Bool == (s.t2 > l90.t2PhaseI) && b["speAboveLimit"] as? Bool == (s.spe > l90.spe))
            #expect((b["scores"] as? [Double])?.count == 2)
            sum += b["t2"] as? Double ?? 0
        }
        #expect(abs(sum - 2 * 9) < 1e-9)   // Σ T² = A (I - 1)
    }

    @Test func varianceSelectionAndNewBatches() throws {
        let ref = try CLIRunner.temporaryFile(Self.csv(batches: 12), name: "ref.csv")
        let new = try CLIRunner.temporaryFile(Self.csv(batches: 3, prefix: "N", shifted: 1, offset: 3), name: "new.csv")
        let r = try CLIRunner.run(["spc", "batch-pca", ref, "--variance", "0.9", "--new", new, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try CLIRunner.json(r.stdout)
        let chosen = try MultiwayPCA(reference: BatchTrajectoryReader.read(CSVTable.read(path: ref)), explainedVariance: 0.9)
        #expect(doc["components"] as? Int == chosen.componentCount)
        let selection = try #require(doc["selection"] as? [String: Any])
        #expect(selection["method"] as? String == "explainedVariance" && selection["fraction"] as? Double == 0.9)
        #expect(doc["newFile"] as? String == new)
        let batches = try #require(doc["batches"] as? [[String: Any]])
        let phaseII = batches.filter { $0["phase"] as? String == "II" }
        #expect(phaseII.map { $0["batch"] as? String } == ["N1", "N2", "N3"])
        let l99 = try chosen.limits(confidence: 0.99)
        #expect(phaseII.allSatisfy { Self.close($0["t2Limit"], l99.t2PhaseII) })
        let projected = try chosen.project(BatchTrajectoryReader.read(CSVTable.read(path: new)))
        for (b, s) in zip(phaseII, projected) { #expect(Self.close(b["t2"], s.t2) && Self.close(b["spe"], s.spe)) }
        // N2 (temp + 3 at times 4-6) is flagged, N1 and N3 (batches 1 and 3 of the reference formula) are not.
        #expect(phaseII[1]["speAboveLimit"] as? Bool == true || phaseII[1]["t2AboveLimit"] as? Bool == true)
        #expect(phaseII[0]["speAboveLimit"] as? Bool == false && phaseII[2]["speAboveLimit"] as? Bool == false)
        let text = try CLIRunner.run(["spc", "batch-pca", ref, "--variance", "0.9", "--new", new])
        #expect(text.status == 0 && text.stdout.contains("new batches"))
        #expect(text.stdout.contains("N2     II"))
    }

    @Test func badInput() throws {
        // Ragged: batch B2 lacks time 3, so line 10 holds its time 4 where time 3 belongs.
        var lines = Self.csv(batches: 4).split(separator: "\n").map(String.init)
        lines.remove(at: 9)
        let ragged = try CLIRunner.temporaryFile(lines.joined(separator: "\n") + "\n", name: "ragged.csv")
        let r1 = try CLIRunner.run(["spc", "batch-pca", ragged])
        #expect(r1.status == 65)
        #expect(r1.stderr.contains("ragged.csv:10: column 'time' (2): batch 'B2' has time 4 at its time point 3 where batch 'B1' has 3"), "\(r1.stderr)")
        // Non-numeric cell: line 4 (batch B1, time 3), column pressure.
        var bad = Self.csv(batches: 4).split(separator: "\n").map(String.init)
        bad[3] = "B1,3,25.1,high"
        let text = try CLIRunner.temporaryFile(bad.joined(separator: "\n") + "\n", name: "text.csv")
        let r2 = try CLIRunner.run(["spc", "batch-pca", text])
        #expect(r2.status == 65)
        #expect(r2.stderr.contains("text.csv:4: column 'pressure' (4): expected a number, found \"high\""), "\(r2.stderr)")
        // Too many components for 4 batches: a data error.
        let ok = try CLIRunner.temporaryFile(Self.csv(batches: 4), name: "four.csv")
        let r3 = try CLIRunner.run(["spc", "batch-pca", ok, "--components", "3"])
        #expect(r3.status == 65 && r3.stderr.contains("at most I - 2 = 2"), "\(r3.stderr)")
        // Fewer than 3 batches.
        let two = try CLIRunner.temporaryFile(Self.csv(batches: 2), name: "two.csv")
        #expect(try CLIRunner.run(["spc", "batch-pca", two]).status == 65)
        // Usage errors.
        #expect(try CLIRunner.run(["spc", "batch-pca", ok, "--components", "0"]).status == 64)
        #expect(try CLIRunner.run(["spc", "batch-pca", ok, "--components", "1", "--variance", "0.8"]).status == 64)
        #expect(try CLIRunner.run(["spc", "batch-pca", ok, "--variance", "1.5"]).status == 64)
        #expect(try CLIRunner.run(["spc", "batch-pca", ok, "--confidence", "1"]).status == 64)
        // Unreadable file; new batches with other variables.
        #expect(try CLIRunner.run(["spc", "batch-pca", ok + ".missing"]).status == 66)
        let other = try CLIRunner.temporaryFile("batch,time,temp,flow\nN1,1,20,1\n", name: "other.csv")
        let r4 = try CLIRunner.run(["spc", "batch-pca", ok, "--components", "1", "--new", other])
        #expect(r4.status == 65 && r4.stderr.contains("other.csv:1:"), "\(r4.stderr)")
    }
}
