extension JSONValue {
    /// The member `key` of an object (nil for a missing key or a non-object; the first when repeated).
    /// - Complexity: O(number of members).
    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    public var doubleValue: Double? { if case let .number(x) = self { x } else { nil } }
    public var stringValue: String? { if case let .string(s) = self { s } else { nil } }
    public var arrayValue: [JSONValue]? { if case let .array(a) = self { a } else { nil } }
    public var boolValue: Bool? { if case let .bool(b) = self { b } else { nil } }
    public var isNull: Bool { if case .null = self { true } else { false } }

    /// This object with the member `key` set to `value` (in place when present, else appended);
    /// any other value is returned unchanged.
    public func replacing(_ key: String, with value: JSONValue) -> JSONValue {
        guard case var .object(members) = self else { return self }
        if let i = members.firstIndex(where: { $0.0 == key }) { members[i].1 = value } else { members.append((key, value)) }
        return .object(members)
    }
}
