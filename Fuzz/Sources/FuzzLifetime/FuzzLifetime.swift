import Ingest
import Lifetime

/// libFuzzer entry: the lifetime input path of `relmodel fit` / `nonparametric` (CSV bytes, then
/// `LifetimeReader.read`; the header picks time/event/count or start/end interval layout), and the
/// grouped path of `fit --by` on the last column. Thrown `IngestError`s are expected.
func fuzzLifetime(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let table = try? CSVTable.parse(bytes: bytes, name: "fuzz.csv") else { return 0 }
    do {
        let input = try LifetimeReader.read(table, file: "fuzz.csv")
        guard input.rows == table.rowCount else { fatalError("rows \(input.rows) != \(table.rowCount)") }
    } catch {
        check(error)
    }
    if let last = table.header.last {
        do {
            let groups = try LifetimeReader.readGrouped(table, file: "fuzz.csv", by: last)
            guard groups.reduce(0, { $0 + $1.input.rows }) == table.rowCount else { fatalError("grouped rows lost") }
        } catch {
            check(error)
        }
    }
    // Renamed columns, as `--time-column` style options give them.
    let renamed = LifetimeColumns(time: "t", start: "a", end: "b", event: "status", count: "n")
    do { _ = try LifetimeReader.read(table, file: "fuzz.csv", columns: renamed) } catch { check(error) }
    return 0
}

/// A reader error is of kind `.data` and names a line (the header's for header errors).
func check(_ error: IngestError) {
    guard error.kind == .data, error.line != nil else {
        fatalError("unexpected error: \(error)")
    }
}
