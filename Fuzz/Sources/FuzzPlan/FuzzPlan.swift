import Ingest
import Qualification

/// libFuzzer entry: the `relmodel fitrate --plan` input path (`FailureRatePlanReader.read`, with and
/// without a use temperature from the command line), then the plan's evaluation as the command does.
/// Thrown `IngestError`s and `QualificationError`s are expected.
func fuzzPlan(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let table = try? CSVTable.parse(bytes: bytes, name: "fuzz.csv") else { return 0 }
    for use: Double? in [nil, 25, 55] {
        let plan: FailureRatePlan
        do {
            plan = try FailureRatePlanReader.read(table, useCelsius: use)
        } catch {
            guard error.kind == .data, error.line != nil else { fatalError("unexpected error: \(error)") }
            continue
        }
        for confidence in [0.6, 0.9] {
            _ = try? plan.evaluate(confidence: confidence)
        }
    }
    return 0
}
