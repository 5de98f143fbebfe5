/// The context a set of control limits belongs to: any key=value pairs (product, recipe, tool,
/// chamber), order-free. Its canonical text sorts the keys, so `tool=F3,product=A` and
/// `product=A,tool=F3` are one context.
public struct LimitContext: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The pairs, sorted by key.
    public let pairs: [Pair]

    public struct Pair: Hashable, Sendable {
        public let key: String
        public let value: String
    }

    /// From pairs; keys must be distinct and non-empty, values non-empty, neither may hold ',' or '='.
    public init(_ pairs: [(key: String, value: String)]) throws(RegistryError) {
        var seen = Set<String>()
        for (key, value) in pairs {
            guard !key.isEmpty, !value.isEmpty else { throw .invalidContext("empty key or value in a context") }
            guard !key.contains(where: { $0 == "," || $0 == "=" }), !value.contains(where: { $0 == "," || $0 == "=" }) else {
                throw .invalidContext("a context key or value may not contain ',' or '=' ('\(key)=\(value)')")
            }
            guard seen.insert(key).inserted else { throw .invalidContext("the key '\(key)' appears twice in a context") }
        }
        guard !pairs.isEmpty else { throw .invalidContext("a context needs at least one key=value pair") }
        self.pairs = pairs.map { Pair(key: $0.key, value: $0.value) }.sorted { $0.key < $1.key }
    }

    /// Parses `key=value,key=value` (spaces around keys and values are trimmed).
    public init(parsing text: String) throws(RegistryError) {
        var pairs: [(key: String, value: String)] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw .invalidContext("'\(item)' is not key=value (a context is key=value,key=value)") }
            pairs.append((Self.trimmed(parts[0]), Self.trimmed(parts[1])))
        }
        try self.init(pairs)
    }

    private static func trimmed(_ s: Substring) -> String {
        var t = s
        while t.first == " " { t.removeFirst() }
        while t.last == " " { t.removeLast() }
        return String(t)
    }

    /// `key=value,key=value`, keys sorted: the form stored in the registry.
    public var canonical: String { pairs.map { "\($0.key)=\($0.value)" }.joined(separator: ",") }
    public var description: String { canonical }

    /// The value of `key`, if the context has it.
    public subscript(key: String) -> String? { pairs.first { $0.key == key }?.value }

    public static func < (a: LimitContext, b: LimitContext) -> Bool { a.canonical < b.canonical }
}
