/// `JSONValue` through `Codable`, so a relmodel document can be written by any `Encoder` (Foundation's
/// `JSONEncoder`, a property-list or YAML encoder) and read by any `Decoder`.
///
/// Encoding hands the members over in the documented order; whether the text keeps it is the
/// encoder's business: relmodel's own `serialized()` and `pretty()` do, Foundation's `JSONEncoder`
/// does not (use `.sortedKeys` with it for a deterministic text). A non-finite number is encoded as
/// null, as in `serialized()`. Decoding cannot recover the order of an object's
/// members (Foundation's decoders do not report it), so decoded objects list their members sorted by
/// key: deterministic, but not the file's order. Code that must reproduce a document byte for byte
/// decodes it into a typed value instead (the baseline document does).
extension JSONValue: Codable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var c = encoder.singleValueContainer()
            try c.encodeNil()
        case let .bool(b):
            var c = encoder.singleValueContainer()
            try c.encode(b)
        case let .number(x):
            var c = encoder.singleValueContainer()
            if x.isFinite { try c.encode(x) } else { try c.encodeNil() }
        case let .string(s):
            var c = encoder.singleValueContainer()
            try c.encode(s)
        case let .array(items):
            var c = encoder.unkeyedContainer()
            for item in items { try c.encode(item) }
        case let .object(members):
            var c = encoder.container(keyedBy: Key.self)
            for (key, value) in members { try c.encode(value, forKey: Key(stringValue: key)) }
        }
    }

    public init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: Key.self) {
            let keys = keyed.allKeys.map(\.stringValue).sorted()
            self = .object(try keys.map { ($0, try keyed.decode(JSONValue.self, forKey: Key(stringValue: $0))) })
            return
        }
        if var unkeyed = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !unkeyed.isAtEnd { items.append(try unkeyed.decode(JSONValue.self)) }
            self = .array(items)
            return
        }
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let x = try? c.decode(Double.self) {
            self = .number(x)
        } else {
            self = .string(try c.decode(String.self))
        }
    }
}
