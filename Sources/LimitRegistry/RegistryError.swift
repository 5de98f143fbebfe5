/// Why a registry operation failed; each case's message says what to do.
public enum RegistryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A context that cannot be parsed or stored.
    case invalidContext(String)
    /// The file is not a relmodel limit registry, or cannot be opened or written.
    case unusable(path: String, reason: String)
    /// The registry was written by a newer relmodel whose schema this one does not know.
    case newerSchema(path: String, found: Int, supported: Int)
    /// No entry for the context and chart (or version) asked for.
    case notFound(String)

    public var description: String {
        switch self {
        case let .invalidContext(m): "invalid context: \(m)"
        case let .unusable(path, reason): "\(path): not a usable limit registry: \(reason)"
        case let .newerSchema(path, found, supported):
            "\(path): the registry has schema version \(found), written by a newer relmodel; this relmodel reads versions up to \(supported): upgrade relmodel (the file is left untouched)"
        case let .notFound(m): "not found: \(m)"
        }
    }
}
