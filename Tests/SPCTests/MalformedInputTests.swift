import Ingest
import RelmodelNumerics
import SPC
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A seeded generator of malformed files (`CSVMutator`) run through the SPC input paths: long-form
/// subgroup data (values and labels from the CSV table, grouped by label, then the x̄-R, I-MR and c
/// charts) and long-format batch trajectories (`BatchTrajectoryReader`, also against a reference).
/// Every mutated file either reads or throws a typed error (`IngestError` naming its line, and column
/// where a field is at fault; `SPCError` from the charts); none traps. See docs/FUZZING.md.
@Suite struct MalformedSPCInputTests {
    static let bases: [[UInt8]] = {
        let files = ["piston_rings.csv", "orange_juice.csv", "paint_viscosity.csv", "circuit_boards.csv"]
        return files.map { readBytes(TestCSV.packageRoot + "/datasets/spc/" + $0) } + [
            batchCSV(batches: 5),
            "batch,time,x\nB1,1,1\nB1,2,2\nB2,1,1.5\nB2,2,2.5\nB3,1,0.5\nB3,2,1.5\n",
        ].map { Array($0.utf8) }
    }()

    static func batchCSV(batches: Int) -> String {
        var lines = ["batch,time,temp,pressure"]
        for i in 0..<batches {
            for k in 1...4 { lines.append("B\(i + 1),\(k),\(20 + 2 * k + i % 3),\(1 + Double(k) / 10 - Double(i) / 20)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func readBytes(_ path: String) -> [UInt8] {
        guard let file = fopen(path, "rb") else { fatalError("cannot open \(path)") }
        defer { fclose(file) }
        var bytes: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return bytes
    }

    /// Runs `bytes` through the SPC input paths; returns the first contract breach, or nil.
    static func check(_ bytes: [UInt8]) -> String? {
        let parsed = CSVMutator.parse(bytes, name: "m.csv")
        guard let table = parsed.table else { return parsed.breach }
        do {
            let data = try BatchTrajectoryReader.read(table)
            _ = try BatchTrajectoryReader.read(table, reference: (data.variables, data.times))
        } catch {
            if let breach = CSVMutator.breach(error, in: bytes) { return "batch: \(breach): \(error)" }
        }
        // Subgroups: labels from the first column, values from the second (as `--subgroup`, `--value`).
        do {
            let values = try table.doubles(column: min(1, table.columnCount - 1))
            let options = ChartOptions(constants: .table)
            // One label per value by construction: the data cannot be refused.
            let data = try! SubgroupData(longForm: values, subgroups: table.strings(column: 0))
            if data.sizes.allSatisfy({ $0 <= 25 }) {
                _ = try? ChartPair.xbarR(data, options: options)
            }
            _ = try? ChartPair.individuals(values, labels: table.strings(column: 0), options: options)
            if values.allSatisfy({ $0 >= 0 }) { _ = try? ControlChart.c(try AttributeData(counts: values), options: options) }
        } catch {
            if let breach = CSVMutator.breach(error, in: bytes) { return "subgroups: \(breach): \(error)" }
        }
        return nil
    }

    /// 2,000 mutated files from seed 20261206; a failure message gives the index to reproduce it.
    @Test func mutatedFilesReadOrFailWithALocation() {
        let failures = CSVMutator.breaches(of: Self.bases, count: 2_000, check: Self.check)
        let breaches = failures.count
        #expect(breaches == 0, "\(failures.prefix(5).joined(separator: "\n"))")
    }
}
