/// A result as a command prints it: `{"command": NAME, "file": FILE, ...the result's members}`.
///
/// The command and the file are part of the contract (docs/CLI.md) so that a stored line says where
/// it came from; a pipeline that calls the library directly can build the same document.
public struct CommandDocument<Result: JSONRepresentable>: JSONRepresentable {
    public var command: String
    public var file: String
    public var result: Result

    public init(command: String, file: String, result: Result) {
        self.command = command
        self.file = file
        self.result = result
    }

    public var json: JSONValue { result.json.prefixed(by: [("command", .string(command)), ("file", .string(file))]) }
}

extension CommandDocument: Sendable where Result: Sendable {}
