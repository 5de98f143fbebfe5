/// A result whose JSON document is part of relmodel's contract (docs/CLI.md): the CLI prints
/// `json.serialized()` and adds nothing, so a pipeline that calls the library gets the same bytes.
///
/// `Encodable` comes with it: any encoder (Foundation's `JSONEncoder` among them) receives the same
/// members and values; `json.serialized()` is the text in the documented order.
public protocol JSONRepresentable: Encodable {
    /// The document, with members in the documented order.
    var json: JSONValue { get }
}

extension JSONRepresentable {
    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
}
