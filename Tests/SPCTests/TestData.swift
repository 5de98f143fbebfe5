@testable import SPC

/// A small CSV reader for the datasets in datasets/spc (plain comma-separated, no quoting).
struct TestCSV {
    let header: [String]
    let rows: [[String]]

    init(_ name: String) {
        let path = TestCSV.packageRoot + "/datasets/spc/" + name
        var bytes: [UInt8] = []
        if let file = fopen(path, "r") {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let read = fread(&buffer, 1, buffer.count, file)
                if read <= 0 { break }
                bytes += buffer[0..<read]
            }
            fclose(file)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map {
            String($0).trimmingSuffix("\r")
        }
        precondition(!lines.isEmpty, "cannot read \(path)")
        header = lines.removeFirst().split(separator: ",").map(String.init)
        rows = lines.filter { !$0.isEmpty }.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    func strings(_ column: String) -> [String] {
        let index = header.firstIndex(of: column)!
        return rows.map { $0[index] }
    }

    func doubles(_ column: String) -> [Double] { strings(column).map { Double($0)! } }

    /// The package root (this file is Tests/SPCTests/TestData.swift).
    static let packageRoot: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// |a - b| <= tolerance (half a unit of the last printed digit of the reference).
func close(_ a: Double?, _ b: Double, _ tolerance: Double) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance
}

/// |a - b| <= relative · |b|.
func relativelyClose(_ a: Double, _ b: Double, _ relative: Double) -> Bool { abs(a - b) <= relative * abs(b) }

/// A point with center 0 and the given sigma and limits ±3 sigma, for rule tests.
func point(_ value: Double, sigma: Double = 1, stage: String? = nil) -> ChartPoint {
    ChartPoint(subgroup: "", value: value, center: 0, lcl: -3 * sigma, ucl: 3 * sigma, sigma: sigma, stage: stage)
}
