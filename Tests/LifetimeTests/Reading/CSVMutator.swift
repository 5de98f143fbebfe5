import Ingest
import RelmodelNumerics

/// Seeded mutations that turn a valid CSV file into a malformed (or still valid, but odd) one, for the
/// malformed-input tests of the readers (docs/FUZZING.md). The same generator state gives the same
/// mutations, so a failure is reproduced by its seed and index.
///
/// One file, linked into each test target that uses it (LifetimeTests, SPCTests, QualificationTests).
enum CSVMutator {
    /// Odd field values: not finite, out of range, not numbers at all, or numbers in unusual forms.
    static let oddValues: [String] = [
        "nan", "NaN", "-inf", "inf", "Infinity", "1e400", "-1e400", "1e-400", "1e308", "-1e308", "-1", "-0", "0",
        "9007199254740993", "1e300", "0x10", "1,5", " ", "\"\"", "\"1\"\"2\"", "--1", "1e", ".", "5.", ".5", "+3",
        "1.5e+2", "\u{00A0}1", "１", "F", "S", "failure", "x", "\"", "\"\n\"", "-", "1e-320", "2.5",
        "123456789012345678901234567890",
    ]

    /// Mutates `bases` in turn `count` times from `seed` and describes each file that `check` flags
    /// ("#index: breach in <first 200 bytes>"), so that a failure is reproduced from its index.
    static func breaches(of bases: [[UInt8]], count: Int, seed: UInt64 = 20_261_206,
                         check: ([UInt8]) -> String?, each: ([UInt8]) -> Void = { _ in }) -> [String] {
        var rng = Xoshiro256StarStar(seed: seed)
        var failures: [String] = []
        for index in 0..<count {
            let bytes = mutate(bases[index % bases.count], using: &rng)
            if let failure = check(bytes) {
                failures.append("#\(index): \(failure) in \(String(decoding: bytes.prefix(200), as: UTF8.self).debugDescription)")
            }
            each(bytes)
        }
        return failures
    }

    /// The table in `bytes`, or the contract breach its parse error makes (nil table, nil breach: the
    /// file was refused as it should be).
    static func parse(_ bytes: [UInt8], name: String) -> (table: CSVTable?, breach: String?) {
        do {
            return (try CSVTable.parse(bytes: bytes, name: name), nil)
        } catch {
            return (nil, breach(error, in: bytes).map { "parse: \($0): \(error)" })
        }
    }

    /// `input` after one to three random edits.
    static func mutate(_ input: [UInt8], using rng: inout some RandomNumberGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...3, using: &rng) { bytes = edit(bytes, using: &rng) }
        return bytes
    }

    /// One random edit.
    static func edit(_ input: [UInt8], using rng: inout some RandomNumberGenerator) -> [UInt8] {
        var b = input
        let at = b.isEmpty ? 0 : Int.random(in: 0..<b.count, using: &rng)
        switch Int.random(in: 0..<15, using: &rng) {
        case 0:  // flip one bit
            if !b.isEmpty { b[at] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &rng) }
        case 1:  // insert a random byte
            b.insert(UInt8.random(in: 0...255, using: &rng), at: at)
        case 2:  // delete a short run of bytes
            if !b.isEmpty { b.removeSubrange(at..<min(b.count, at + Int.random(in: 1...8, using: &rng))) }
        case 3:  // truncate
            b.removeSubrange(at..<b.count)
        case 4:  // duplicate a header cell
            let end = b.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) ?? b.count
            let cell = b[..<end].split(separator: 0x2C, omittingEmptySubsequences: false).randomElement(using: &rng) ?? []
            b.insert(contentsOf: [0x2C] + Array(cell), at: end)
        case 5:  // drop a header cell
            let end = b.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) ?? b.count
            if let comma = b[..<end].firstIndex(of: 0x2C) {
                let start = b[..<comma].lastIndex(of: 0x2C).map { $0 + 1 } ?? 0
                b.removeSubrange(start...comma)
            } else {
                b.removeSubrange(0..<end)
            }
        case 6:  // a quote somewhere
            b.insert(0x22, at: at)
        case 7, 8:  // an odd value in place of the field around `at`
            let (start, end) = field(around: at, in: b)
            b.replaceSubrange(start..<end, with: Array(oddValues.randomElement(using: &rng)!.utf8))
        case 9:  // empty lines
            b.insert(contentsOf: [UInt8](repeating: 0x0A, count: Int.random(in: 1...3, using: &rng)), at: at)
        case 10:  // mix line ends: every LF becomes CR, CRLF or stays
            var out: [UInt8] = []
            for byte in b {
                if byte == 0x0A {
                    switch Int.random(in: 0..<3, using: &rng) {
                    case 0: out.append(0x0D)
                    case 1: out += [0x0D, 0x0A]
                    default: out.append(0x0A)
                    }
                } else {
                    out.append(byte)
                }
            }
            b = out
        case 11:  // a byte order mark, at the start or (as content) elsewhere
            b.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: Bool.random(using: &rng) ? 0 : at)
        case 12:  // a very long field
            let (start, end) = field(around: at, in: b)
            let digit = Bool.random(using: &rng)
            b.replaceSubrange(start..<end, with: [UInt8](repeating: digit ? 0x37 : 0x61, count: Int.random(in: 200...5_000, using: &rng)))
        case 13:  // bytes that are not UTF-8
            b.insert(contentsOf: [[0xFF], [0xC3], [0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x00]].randomElement(using: &rng)!, at: at)
        default:  // repeat a line (or the header) elsewhere
            let lines = b.split(separator: 0x0A, omittingEmptySubsequences: false)
            if let line = lines.randomElement(using: &rng) { b.insert(contentsOf: Array(line) + [0x0A], at: lineStart(at, in: b)) }
        }
        return b
    }

    /// The bounds of the unquoted field containing byte `at` (between commas and line ends).
    static func field(around at: Int, in b: [UInt8]) -> (Int, Int) {
        guard !b.isEmpty else { return (0, 0) }
        let separators: Set<UInt8> = [0x2C, 0x0A, 0x0D]
        var start = min(at, b.count - 1), end = start
        if separators.contains(b[start]) { return (start, start) }
        while start > 0 && !separators.contains(b[start - 1]) { start -= 1 }
        while end < b.count && !separators.contains(b[end]) { end += 1 }
        return (start, end)
    }

    static func lineStart(_ at: Int, in b: [UInt8]) -> Int {
        guard at > 0 else { return 0 }
        return b[..<at].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
    }

    /// Checks the contract every reader error keeps: kind `.data`, a line (except for an empty input),
    /// the line inside the input, and a column (name or number) whenever the message is about a field's
    /// value (`found ...`), except for a row's field count. Returns a description of the breach, or nil.
    static func breach(_ error: IngestError, in bytes: [UInt8]) -> String? {
        guard error.kind == .data else { return "kind \(error.kind)" }
        if error.message.hasPrefix("empty file") { return nil }
        guard let line = error.line else { return "no line" }
        let lines = 1 + bytes.reduce(0) { $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0) }
        guard line >= 1 && line <= lines else { return "line \(line) outside 1...\(lines)" }
        if error.message.contains("found"), !error.message.contains("as in the header"),
           error.columnIndex == nil && error.column == nil {
            return "no column"
        }
        return nil
    }
}
