/// One group's document in a `--by` run: `{"group": KEY, ...the result's members}`, one line each.
public struct GroupedDocument<Result: JSONRepresentable>: JSONRepresentable {
    public var group: String
    public var result: Result

    public init(group: String, result: Result) {
        self.group = group
        self.result = result
    }

    /// The group key first, then the result's members (a result that is not an object is nested as "result").
    public var json: JSONValue {
        switch result.json {
        case let .object(members): .object([("group", .string(group))] + members)
        case let other: .object([("group", .string(group)), ("result", other)])
        }
    }
}
