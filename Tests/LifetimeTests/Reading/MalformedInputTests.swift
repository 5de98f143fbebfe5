import Ingest
import Lifetime
import RelmodelNumerics
import Testing

/// A seeded generator of malformed files (`CSVMutator`) run through the CSV reader, the lifetime reader
/// (time/event/count and start/end layouts, grouped) and the life-stress reader: every mutated file
/// either reads or throws an `IngestError` that names its line (and column where a field is at fault);
/// none traps. The fuzzers (docs/FUZZING.md) search much further; this keeps CI checking the paths.
@Suite struct MalformedInputTests {
    /// Valid inputs the mutations start from: the bundled lifetime datasets and small files for the
    /// layouts the datasets lack.
    static let bases: [[UInt8]] = {
        let files = ["nist_8_4_1_3_weibull_example.csv", "ic_lfp1370.csv", "shock_absorber.csv",
                     "nelson_insulating_fluid_voltage.csv", "doganaksoy_voltage_two_modes.csv"]
        return files.map { Array(readText(packageRoot + "/datasets/lifetime/" + $0).utf8) } + [
            "start,end,count\n,5,1\n0,5,2\n5,10,1\n10,,4\n7,7,1\n",
            "start,end,event,count\n1,2,1,1\n3,,0,2\n0,4,F,1\n",
            "time,event,count,temp_c,rh\n100,1,1,125,85\n150,1,2,125,85\n300,0,5,85,60\n400,S,1,85,60\n",
            "\"time\",\"event\"\r\n\"1.5\",\"F\"\r\n2,s\r\n",
        ].map { Array($0.utf8) }
    }()

    /// Reads `bytes` every way the CLI can; returns the first contract breach, or nil.
    static func check(_ bytes: [UInt8]) -> String? {
        let parsed = CSVMutator.parse(bytes, name: "m.csv")
        guard let table = parsed.table else { return parsed.breach }
        var reads: [(String, () throws(IngestError) -> Void)] = [
            ("read", { () throws(IngestError) in _ = try LifetimeReader.read(table) }),
            ("grouped", { () throws(IngestError) in _ = try LifetimeReader.readGrouped(table, by: table.header.last ?? "") }),
        ]
        for relationship in LifeStressRelationship.allCases {
            let stress = relationship == .peck ? ["temp_c", "rh"] : [relationship == .inversePower ? "voltage_kV" : "temp_c"]
            reads.append(("\(relationship)", { () throws(IngestError) in
                _ = try LifeStressReader.read(table, stressColumns: stress, relationship: relationship)
            }))
        }
        for (name, read) in reads {
            do { try read() } catch {
                if let breach = CSVMutator.breach(error, in: bytes) { return "\(name): \(breach): \(error)" }
            }
        }
        return nil
    }

    @Test func basesRead() throws {
        for base in Self.bases { _ = try LifetimeReader.read(CSVTable.parse(bytes: base, name: "base.csv")) }
    }

    /// 3,000 mutated files from seed 20261206; a failure message gives the index to reproduce it.
    @Test func mutatedFilesReadOrFailWithALocation() {
        var errors = 0
        let failures = CSVMutator.breaches(of: Self.bases, count: 3_000, check: Self.check) { bytes in
            if (try? LifetimeReader.read(CSVTable.parse(bytes: bytes, name: "m.csv"))) == nil { errors += 1 }
        }
        let breaches = failures.count
        #expect(breaches == 0, "\(failures.prefix(5).joined(separator: "\n"))")
        // The generator must actually break files most of the time, or it tests nothing.
        #expect(errors > 1_000, "only \(errors) of 3000 mutated files were rejected")
    }

    /// Every error the generator provokes in the numeric fields names the column (by name and number).
    @Test func oddValuesNameTheirColumn() {
        for value in CSVMutator.oddValues {
            let text = "time,event,count\n1,1,1\n\(value),1,1\n"
            let bytes = Array(text.utf8)
            do {
                _ = try LifetimeReader.read(CSVTable.parse(bytes: bytes, name: "m.csv"))
            } catch {
                #expect(CSVMutator.breach(error, in: bytes) == nil, "\(value.debugDescription): \(error)")
                if error.message.contains("found") && !error.message.contains("as in the header") {
                    #expect(error.column == "time" && error.columnIndex == 1, "\(value.debugDescription): \(error)")
                }
            }
        }
    }
}
