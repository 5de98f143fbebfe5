import RelmodelJSON

extension LimitEntry: JSONRepresentable {
    /// The entry as `relmodel limits ... --json` prints it, without its baseline document.
    public var json: JSONValue { json(document: nil) }

    /// The entry with `document` (the decoded baseline) appended as "baseline" when given.
    public func json(document: JSONValue?) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("context", .string(context.canonical)),
            ("contextKeys", .object(context.pairs.map { ($0.key, .string($0.value)) })),
            ("chart", .string(chart)), ("version", .number(Double(version))),
            ("createdAt", .string(createdAt)), ("relmodelVersion", .string(relmodelVersion)),
            ("dataDigest", .string(dataDigest)), ("method", .string(method)), ("constants", .string(constants)),
            ("note", .string(note)), ("borrowed", borrowed.map(JSONValue.string) ?? .null),
        ]
        if let document { fields.append(("baseline", document)) }
        return .object(fields)
    }
}
