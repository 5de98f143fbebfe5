import Ingest
import SPC

/// libFuzzer entry: the `relmodel spc batch-pca` input path on long-format CSV bytes
/// (`BatchTrajectoryReader.read`), the `--new` path (the same bytes read against the first read's
/// variables and times), and, for small inputs, the multiway PCA model, its limits and the projection
/// as the command computes them. Thrown `IngestError`s and `SPCError`s are expected.
func fuzzBatchPCA(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let table = try? CSVTable.parse(bytes: bytes, name: "fuzz.csv") else { return 0 }
    let reference: BatchTrajectoryData
    do {
        reference = try BatchTrajectoryReader.read(table)
    } catch {
        guard error.kind == .data else { fatalError("unexpected error: \(error)") }
        return 0
    }
    do {
        _ = try BatchTrajectoryReader.read(table, reference: (reference.variables, reference.times))
    } catch {
        fatalError("the same file read against its own variables and times failed: \(error)")
    }
    // The model is O(I^2 JK); keep the fuzzer fast on the reader, which is what it is for.
    guard reference.batchCount * reference.variableCount * reference.timeCount <= 4_000 else { return 0 }
    for components in [nil, 1, 2] as [Int?] {
        do {
            let model = try components.map { try MultiwayPCA(reference: reference, components: $0) }
                ?? MultiwayPCA(reference: reference, explainedVariance: MultiwayPCA.defaultExplainedVariance)
            let projected = try model.project(try BatchTrajectoryReader.read(table, reference: (model.variables, model.times)))
            for level in [0.95, 0.99] { _ = try model.limits(confidence: level) }
            _ = try model.assess(confidence: 0.99, newBatches: projected)
        } catch {
            continue
        }
    }
    return 0
}
