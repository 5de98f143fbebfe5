/// One group's document in a `--by` run: `{"group": KEY, ...the result's members}`, one line each.
public struct GroupedDocument<Result: JSONRepresentable>: JSONRepresentable {
    public var group: String
    public var result: Result

    public init(group: String, result: Result) {
        self.group = group
        self.result = result
    }

    /// The group key first, then the result's members (a result that is not an object is nested as "result").
    public var json: JSONValue { result.json.prefixed(by: [("group", .string(group))]) }
}

extension JSONValue {
    /// This object with `head` in front of its members; any other value nested as "result" after `head`.
    func prefixed(by head: [(String, JSONValue)]) -> JSONValue {
        if case let .object(members) = self { return .object(head + members) }
        return .object(head + [("result", self)])
    }
}

extension GroupedDocument: Sendable where Result: Sendable {}
