import Crypto

/// Where a baseline study's data came from: what an auditor needs to find the same rows again.
public struct BaselineProvenance: Sendable, Equatable {
    /// The file as named by the caller ("-" for standard input).
    public var file: String
    /// SHA-256 of the file's bytes (nil for standard input): `sha256sum FILE` checks it.
    public var sha256: String?
    /// Rows the data were built from, and rows in the file.
    public var rows: Int
    public var fileRows: Int
    /// Subgroups (or individual values) the study started from.
    public var subgroups: Int
    /// Which rows were selected ("all rows", "phase column 'phase' = I", "subgroups 1-30").
    public var selection: String
    /// The columns used: value, subgroup and size (nil when not used).
    public var value: String?
    public var subgroup: String?
    public var size: String?

    public init(file: String, sha256: String?, rows: Int, fileRows: Int, subgroups: Int, selection: String,
                value: String?, subgroup: String?, size: String?) {
        self.file = file
        self.sha256 = sha256
        self.rows = rows
        self.fileRows = fileRows
        self.subgroups = subgroups
        self.selection = selection
        self.value = value
        self.subgroup = subgroup
        self.size = size
    }

    /// SHA-256 (FIPS 180-4, by swift-crypto) of `bytes` as 64 lowercase hexadecimal digits, as
    /// `sha256sum` prints it.
    /// - Complexity: O(length).
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var out = ""
        out.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return out
    }
}
