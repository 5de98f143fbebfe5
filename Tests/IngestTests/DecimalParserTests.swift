#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Ingest

/// SplitMix64: a small seeded generator so the random cases are the same on every run.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// glibc strtod on the whole string; nil unless it consumed every byte.
func referenceStrtod(_ text: String) -> Double? {
    text.withCString { s in
        var end: UnsafeMutablePointer<CChar>? = nil
        let value = strtod(s, &end)
        return end == UnsafeMutablePointer(mutating: s) + strlen(s) ? value : nil
    }
}

/// A random decimal literal: sign, 1 to 25 digits with a point somewhere (or none), exponent.
func randomDecimal(_ rng: inout SplitMix64) -> String {
    var s = ""
    switch rng.below(4) {
    case 0: s += "-"
    case 1: s += "+"
    default: break
    }
    let digits = 1 + rng.below(25)
    let point = rng.below(digits + 3) // digits+1 or more: no point
    for k in 0..<digits {
        if k == point { s += "." }
        // Bias toward zeros and nines, which sit near rounding boundaries.
        let d = rng.below(12)
        s += d >= 10 ? (d == 10 ? "0" : "9") : String(d)
    }
    if point == digits { s += "." }
    if rng.below(3) > 0 {
        s += rng.below(2) == 0 ? "e" : "E"
        switch rng.below(3) {
        case 0: s += "-"
        case 1: s += "+"
        default: break
        }
        let range = [5, 25, 330][rng.below(3)]
        s += String(rng.below(range))
    }
    return s
}

/// 17 significant digits, the precision that round-trips every double.
func random17Digits(_ rng: inout SplitMix64) -> String {
    var s = rng.below(2) == 0 ? "" : "-"
    s += String(1 + rng.below(9)) + "."
    for _ in 0..<16 { s += String(rng.below(10)) }
    s += "e" + String(rng.below(640) - 320)
    return s
}

@Suite("DecimalParser")
struct DecimalParserTests {
    func expectIdentical(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let ours = DecimalParser.parse(text)
        let reference = referenceStrtod(text)
        #expect(ours != nil, "rejected \(text)", sourceLocation: sourceLocation)
        #expect(reference != nil, "strtod rejected \(text)", sourceLocation: sourceLocation)
        guard let ours, let reference else { return }
        #expect(ours.bitPattern == reference.bitPattern,
                "\(text): \(ours) vs strtod \(reference)", sourceLocation: sourceLocation)
    }

    @Test func shortestRepresentationsOfRandomDoublesRoundTrip() {
        var rng = SplitMix64(state: 0x5EED_0001)
        var checked = 0
        while checked < 40_000 {
            let value = Double(bitPattern: rng.next())
            guard value.isFinite else { continue }
            let text = String(describing: value)
            expectIdentical(text)
            #expect(DecimalParser.parse(text)?.bitPattern == value.bitPattern)
            checked += 1
        }
    }

    @Test func randomDigitStringsMatchStrtod() {
        var rng = SplitMix64(state: 0x5EED_0002)
        for _ in 0..<40_000 {
            expectIdentical(randomDecimal(&rng))
        }
    }

    @Test func seventeenSignificantDigitsMatchStrtod() {
        var rng = SplitMix64(state: 0x5EED_0003)
        for _ in 0..<20_000 {
            expectIdentical(random17Digits(&rng))
        }
    }

    @Test func everydayValuesMatchStrtod() {
        // Typical data: up to 15 digits, exponents within ±22 (the fast path).
        var rng = SplitMix64(state: 0x5EED_0004)
        for _ in 0..<10_000 {
            let whole = rng.below(1_000_000)
            let fraction = rng.below(1_000_000_000)
            expectIdentical("\(whole).\(fraction)")
            expectIdentical("\(fraction)e-\(rng.below(23))")
        }
    }

    @Test(arguments: [
        "0", "-0", "+0", "0.0", "-0.0", "00012", "1e308", "1.7976931348623157e308", "1e-320",
        "4.9e-324", "2.4703282292062328e-324", "2.2250738585072014e-308", "2.2250738585072011e-308",
        ".5", "5.", "-.5", "+5.", "9007199254740993", "9007199254740992", "123456789012345678901234567890",
        "0.000000000000000000000000000001", "1e22", "1e23", "8.589973e9", "0.1", "0.3",
        "1E5", "1e+5", "1e-5", "1e0000000000000000000000000002", "0e999999999999",
    ])
    func edgeCasesMatchStrtod(_ text: String) {
        expectIdentical(text)
    }

    @Test func signedZeroKeepsItsSign() {
        #expect(DecimalParser.parse("-0")?.sign == .minus)
        #expect(DecimalParser.parse("0")?.sign == .plus)
    }

    @Test func subnormalsAndOverflow() {
        #expect(DecimalParser.parse("1e-320") == referenceStrtod("1e-320"))
        #expect(DecimalParser.parse("1e-320")!.isSubnormal)
        #expect(DecimalParser.parse("4.9e-324") == Double.leastNonzeroMagnitude)
        #expect(DecimalParser.parse("1e-400") == 0)
        #expect(DecimalParser.parse("1e400") == .infinity)
        #expect(DecimalParser.parse("-1e400") == -.infinity)
    }

    @Test(arguments: ["", ".", "-", "+", "1e", "1e+", "e5", "--1", "+-1", "1.2.3", " 1", "1 ", "1,5",
                      "0x10", "1f", "abc", "nanx", "in", "infinit", "1e5.5", "1..2", "-.", ".e1"])
    func malformedIsNil(_ text: String) {
        #expect(DecimalParser.parse(text) == nil)
    }

    @Test func specialValues() {
        for text in ["nan", "NaN", "NAN", "-nan", "+nan"] {
            #expect(DecimalParser.parse(text)?.isNaN == true, "\(text)")
        }
        for text in ["inf", "Inf", "INFINITY", "+infinity", "Infinity"] {
            #expect(DecimalParser.parse(text) == .infinity, "\(text)")
        }
        for text in ["-inf", "-Infinity"] {
            #expect(DecimalParser.parse(text) == -.infinity, "\(text)")
        }
    }

    @Test func neverReadsPastTheRange() {
        // A field "1e" followed by "5" in memory must not become 1e5.
        let bytes = Array("1e5".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(DecimalParser.parse(UnsafeBufferPointer(rebasing: buffer[0..<2])) == nil)
            #expect(DecimalParser.parse(UnsafeBufferPointer(rebasing: buffer[0..<1])) == 1)
        }
        // Slow-path fields (long, or many digits) followed by more digits in memory.
        let long = String(repeating: "1", count: 300)
        let joined = Array((long + "9e-290").utf8)
        joined.withUnsafeBufferPointer { buffer in
            let field = UnsafeBufferPointer(rebasing: buffer[0..<300])
            #expect(DecimalParser.parse(field)?.bitPattern == referenceStrtod(long)?.bitPattern)
        }
        let slow = Array("1.2345678901234567890123e-5\n99".utf8)
        slow.withUnsafeBufferPointer { buffer in
            let field = UnsafeBufferPointer(rebasing: buffer[0..<27])
            #expect(DecimalParser.parse(field)?.bitPattern
                    == referenceStrtod("1.2345678901234567890123e-5")?.bitPattern)
        }
    }
}
