import Lifetime
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The package root, found from this file's path (Tests/LifetimeTests/TestData.swift).
let packageRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

/// Reads a whole text file (test support only).
func readText(_ path: String) -> String {
    guard let f = fopen(path, "r") else { fatalError("cannot open \(path)") }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buffer, 1, buffer.count, f)
        if n <= 0 { break }
        bytes += buffer[0..<n]
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// Loads a `time,event,count[,...]` file from datasets/lifetime with a deliberately simple parser,
/// independent of the Ingest module, so that these tests check the statistics alone.
func lifetimeDataset(_ name: String) -> LifetimeData {
    var data = LifetimeData()
    let lines = readText(packageRoot + "/datasets/lifetime/" + name).split(whereSeparator: \.isNewline).dropFirst()
    for line in lines {
        let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let t = Double(fields[0])!, event = fields[1], count = Double(fields[2])!
        if event == "1" { try! data.addFailure(at: t, count: count) } else { try! data.addSuspension(at: t, count: count) }
    }
    return data
}

/// |a - b| <= tolerance.
func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool { abs(a - b) <= tolerance }

/// |a - b| <= relative * |b|.
func relativelyClose(_ a: Double, _ b: Double, _ relative: Double) -> Bool { abs(a - b) <= relative * abs(b) }
