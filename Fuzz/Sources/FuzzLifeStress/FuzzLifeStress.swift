import Ingest
import Lifetime

/// libFuzzer entry: the `relmodel alt` input path (`LifeStressReader.read`) for every relationship.
/// The stress column is the first column that is not a lifetime column, the humidity (Peck) the next
/// one, so any CSV exercises the path. Thrown `IngestError`s are expected.
func fuzzLifeStress(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let table = try? CSVTable.parse(bytes: bytes, name: "fuzz.csv") else { return 0 }
    let lifetime: Set<String> = ["time", "event", "count", "start", "end"]
    let others = table.header.filter { !lifetime.contains($0.lowercased()) && !$0.isEmpty }
    let stress = others.first ?? "stress"
    let humidity = others.dropFirst().first ?? "humidity"
    for relationship in LifeStressRelationship.allCases {
        let columns = relationship == .peck ? [stress, humidity] : [stress]
        do {
            let (levels, rows) = try LifeStressReader.read(table, file: "fuzz.csv", stressColumns: columns,
                                                           relationship: relationship)
            guard rows == table.rowCount, !levels.isEmpty else { fatalError("rows or levels lost") }
            for level in levels where level.stress.contains(where: { !$0.isFinite }) { fatalError("non-finite stress") }
        } catch {
            guard error.kind == .data else { fatalError("unexpected error: \(error)") }
        }
    }
    return 0
}
