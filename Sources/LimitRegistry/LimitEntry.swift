import Foundation

/// One version of the control limits of a context and chart, with its provenance. Entries are never
/// changed: a new baseline is a new version.
public struct LimitEntry: Sendable, Equatable {
    public let context: LimitContext
    /// The chart the limits are for (`xbar-r`, `imr`, `p`, ...).
    public let chart: String
    /// 1 for the first entry of a context and chart, then 2, 3, ...
    public let version: Int
    /// The baseline document the limits come from (JSON, as `relmodel spc baseline --json` prints it).
    public let document: String
    /// SHA-256 (hex) of the bytes the baseline was computed from.
    public let dataDigest: String
    /// How the limits were estimated (sigma method, rules, exclusion rounds), in words.
    public let method: String
    /// The chart constants used (`exact`, `table`, `textbook`).
    public let constants: String
    /// When the entry was written (ISO 8601, UTC).
    public let createdAt: String
    /// The relmodel version that wrote it.
    public let relmodelVersion: String
    /// A free note (why re-baselined, ticket number).
    public let note: String
    /// How strength was borrowed from related contexts, when it was (nil: the context's own data alone).
    public let borrowed: String?

    public init(context: LimitContext, chart: String, version: Int, document: String, dataDigest: String, method: String,
                constants: String, createdAt: String, relmodelVersion: String, note: String, borrowed: String?) {
        self.context = context
        self.chart = chart
        self.version = version
        self.document = document
        self.dataDigest = dataDigest
        self.method = method
        self.constants = constants
        self.createdAt = createdAt
        self.relmodelVersion = relmodelVersion
        self.note = note
        self.borrowed = borrowed
    }
}
