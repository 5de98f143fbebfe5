import Ingest
import Qualification
import Testing

/// Plan files that hung the plan reader during the fuzzing campaign (docs/FUZZING.md). Found by
/// review while fuzzing: FuzzPlan's inputs are capped at 8 KB, too few rows to reach them; both were
/// confirmed with the FuzzPlan binary (libFuzzer `-timeout=10`).
@Suite struct PlanReaderFuzzRegressionTests {
    static func plan(_ rows: some Sequence<String>) throws(IngestError) -> CSVTable {
        let text = (["test,units,hours,stress_temp_c,mechanism,ea_ev,failures,use_temp_c"] + rows).joined(separator: "\n")
        return try CSVTable.parse(bytes: Array(text.utf8), name: "plan.csv")
    }

    /// One test with 20,000 mechanisms: the reader summed the test's failures over all its mechanisms
    /// on every row, O(rows²) (100,000 mechanisms, 3.2 MB, timed out after 10 s in
    /// `cells[c].values.reduce` in FailureRatePlanReader.swift). Now a running total.
    @Test func manyMechanismsInOneTestRead() throws {
        let table = try Self.plan((0..<20_000).map { "T,1000000,1000,125,m\($0),0.7,\($0 % 3 == 0 ? 1 : 0),55" })
        let plan = try FailureRatePlanReader.read(table, useCelsius: nil)
        #expect(plan.mechanisms.count == 20_000)
        #expect(plan.failures[0].reduce(0, +) == 6_667)
    }

    /// The running total still catches more failures than units, at the row that exceeds them.
    @Test func failuresBeyondUnitsStillThrow() throws {
        let table = try Self.plan(["T,2,1000,125,a,0.7,1,55", "T,2,1000,125,b,0.7,0,55", "T,2,1000,125,c,0.7,2,55"])
        #expect(throws: IngestError(file: "plan.csv", line: 4, column: "failures", columnIndex: 7,
                                    message: "test 'T' now has 3 failures but only 2 units")) {
            try FailureRatePlanReader.read(table, useCelsius: nil)
        }
    }

    /// A new test and a new mechanism on every row: the dense tests x mechanisms failure table of
    /// 20,000 rows (678 KB) asked for 400 million cells and timed out building it. Now at most
    /// `maximumCells` pairs, refused at the row that exceeds them.
    @Test func tooManyTestMechanismPairsThrow() throws {
        let table = try Self.plan((0..<1_001).map { "t\($0),10,1000,125,m\($0),0.7,0,55" })
        #expect(throws: IngestError(file: "plan.csv", line: 1_002, column: "test", columnIndex: 1,
                                    message: "the plan now has 1001 tests and 1000 failure mechanisms; at most 1000000 (test, mechanism) pairs are supported")) {
            try FailureRatePlanReader.read(table, useCelsius: nil)
        }
    }

    /// Just below the limit (1,000 x 1,000 pairs) the plan reads.
    @Test func thousandByThousandPlanReads() throws {
        let table = try Self.plan((0..<1_000).map { "t\($0),10,1000,125,m\($0),0.7,\($0 == 7 ? 1 : 0),55" })
        let plan = try FailureRatePlanReader.read(table, useCelsius: nil)
        #expect(plan.tests.count == 1_000 && plan.mechanisms.count == 1_000)
        #expect(plan.failures[7][7] == 1 && plan.failures[7][8] == 0)
    }
}
