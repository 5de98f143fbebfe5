/// The line of a group that could not be analysed in a run over many groups: `{KEY: VALUE, "error":
/// MESSAGE}`. The run goes on with the other groups.
public struct GroupFailure: JSONRepresentable, Sendable {
    /// The member naming the group ("group", "context") and its value.
    public var key: String
    public var value: String
    public var message: String

    public init(key: String = "group", value: String, message: String) {
        self.key = key
        self.value = value
        self.message = message
    }

    public var json: JSONValue { .object([(key, .string(value)), ("error", .string(message))]) }
}
