import Ingest
import Qualification
import RelmodelNumerics
import Testing

/// A seeded generator of malformed files (`CSVMutator`) run through the plan-file reader of
/// `relmodel fitrate --plan` and the plan's evaluation: every mutated file either reads or throws an
/// `IngestError` naming its line (and column where a field is at fault); evaluation throws only
/// `QualificationError`; none traps. See docs/FUZZING.md.
@Suite struct MalformedPlanTests {
    static let bases: [[UInt8]] = [
        """
        test,units,hours,stress_temp_c,mechanism,ea_ev,failures
        HTOL-125,77,1000,125,oxide,0.7,0
        HTOL-125,77,1000,125,em,0.9,1
        HTOL-150,45,500,150,oxide,0.7,1

        """,
        "test,units,hours,stress_temp_c,mechanism,ea_ev,failures,use_temp_c\r\nA,10,100,125,ox,0.7,0,55\r\nA,10,100,125,em,0.9,0,55\r\nB,5,50,150,ox,0.7,2,55\r\n",
        "\"test\",units,hours,stress_temp_c,mechanism,ea_ev,failures\n\"HTOL, 125\",231,1000,125,\"ox\"\"ide\",0.7,0\n",
    ].map { Array($0.utf8) }

    static func check(_ bytes: [UInt8]) -> String? {
        let parsed = CSVMutator.parse(bytes, name: "plan.csv")
        guard let table = parsed.table else { return parsed.breach }
        for use: Double? in [nil, 55] {
            do {
                let plan = try FailureRatePlanReader.read(table, useCelsius: use)
                _ = try? plan.evaluate(confidence: 0.6)
            } catch {
                if let breach = CSVMutator.breach(error, in: bytes) { return "use \(String(describing: use)): \(breach): \(error)" }
            }
        }
        return nil
    }

    @Test func basesRead() throws {
        for base in Self.bases {
            _ = try FailureRatePlanReader.read(CSVTable.parse(bytes: base, name: "plan.csv"), useCelsius: 55).evaluate(confidence: 0.6)
        }
    }

    /// 2,000 mutated plan files from seed 20261206; a failure message gives the index to reproduce it.
    @Test func mutatedPlansReadOrFailWithALocation() {
        let failures = CSVMutator.breaches(of: Self.bases, count: 2_000, check: Self.check)
        let breaches = failures.count
        #expect(breaches == 0, "\(failures.prefix(5).joined(separator: "\n"))")
    }
}
