import Crypto

/// SHA-256 (FIPS 180-4, by swift-crypto) of the input file, recorded in a baseline and in the limit
/// registry so an auditor can check which bytes the limits came from (`sha256sum FILE`).
/// - Complexity: O(length).
enum BaselineDigest {
    static func sha256Hex(_ message: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var out = ""
        for byte in SHA256.hash(data: message) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return out
    }
}
