extension JSONValue {
    /// Indented serialization (two spaces; arrays of scalars and objects of at most eight scalars on
    /// one line), ending with a newline: the layout of files relmodel writes (baselines).
    ///
    /// Scalars are written as by `serialized()`, so numbers keep their shortest round-trip form.
    /// Deterministic: the same value gives the same bytes.
    /// - Complexity: O(size of the document).
    public func pretty() -> String {
        var out = ""
        Self.write(self, indent: 0, to: &out)
        return out + "\n"
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// Leaf containers (only scalars inside) stay on one line.
    private var isFlat: Bool {
        switch self {
        case let .array(items): items.allSatisfy(\.isScalar)
        case let .object(members): members.allSatisfy { $0.1.isScalar } && members.count <= 8
        default: true
        }
    }

    private static func write(_ value: JSONValue, indent: Int, to out: inout String) {
        if value.isFlat { out += value.serialized(); return }
        let pad = String(repeating: "  ", count: indent + 1)
        let close = String(repeating: "  ", count: indent)
        switch value {
        case let .array(items):
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                write(item, indent: indent + 1, to: &out)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += close + "]"
        case let .object(members):
            out += "{\n"
            for (i, (key, item)) in members.enumerated() {
                out += pad + JSONValue.string(key).serialized() + ": "
                write(item, indent: indent + 1, to: &out)
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            out += close + "}"
        default:
            out += value.serialized()
        }
    }
}
