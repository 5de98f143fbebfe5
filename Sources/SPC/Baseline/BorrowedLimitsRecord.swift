import RelmodelJSON
import RelmodelNumerics

extension BorrowedLimits {
    /// One baseline the within sigma was pooled from.
    public struct Source: Sendable, Equatable {
        /// The context it belongs to, as the registry writes it ("product=A,tool=F3").
        public var context: String
        public var version: Int
        public var limits: FrozenLimits

        public init(context: String, version: Int, limits: FrozenLimits) {
            self.context = context
            self.version = version
            self.limits = limits
        }
    }

    /// What a baseline document records about borrowed strength: the family, where the pooled
    /// within sigma came from and its degrees of freedom (the "borrowed" member of docs/BASELINE.md).
    public struct Record: JSONRepresentable, Sendable, CustomStringConvertible {
        /// The context keys that define the family, and the family in words ("product=A").
        public var keys: [String]
        public var family: String
        public var sources: [Source]
        public var ownSubgroups: Int
        public var ownSigma: Double?
        public var ownDegreesOfFreedom: Double
        public var pooledSigma: Double
        public var degreesOfFreedom: Double

        public var json: JSONValue {
            .object([
                ("keys", .array(keys.map(JSONValue.string))),
                ("family", .string(family)),
                ("from", .array(sources.map { s in
                    .object([("context", .string(s.context)), ("version", .number(Double(s.version))),
                             ("subgroups", .number(Double(s.limits.subgroups))), ("sigma", .number(s.limits.processSigma ?? .nan))])
                })),
                ("ownSubgroups", .number(Double(ownSubgroups))), ("ownSigma", .number(ownSigma ?? .nan)),
                ("ownDegreesOfFreedom", .number(ownDegreesOfFreedom)),
                ("pooledSigma", .number(pooledSigma)), ("degreesOfFreedom", .number(degreesOfFreedom)),
            ])
        }

        /// One line for reports and the registry's entry.
        public var description: String {
            let f = { (x: Double) in NumberFormatting.significant(x, 6) }
            let from = sources.map { "\($0.context) v\($0.version) (\($0.limits.subgroups) subgroups)" }
            return "within sigma \(f(pooledSigma)) pooled over \(family): " + from.joined(separator: ", ")
                + " and this context's \(ownSubgroups) subgroups (\(f(degreesOfFreedom)) degrees of freedom); center from this context alone"
        }
    }

    /// The context's own limits rebuilt with the within sigma pooled over `sources` and itself, and
    /// the record of it.
    /// - Parameters:
    ///   - own: the context's own limits (its center is kept).
    ///   - sources: the family's other baselines.
    ///   - keys: the context keys shared by the family.
    ///   - family: the family in words ("product=A").
    /// - Throws: `SPCError` when a sigma cannot be pooled (see `pooledSigma`).
    /// - Complexity: O(number of sources).
    public static func borrow(_ own: FrozenLimits, from sources: [Source], keys: [String], family: String)
        throws(SPCError) -> (limits: FrozenLimits, record: Record) {
        let pooled = try pooledSigma(sources.map(\.limits) + [own])
        let byOwn = try pooledSigma([own])
        let limits = try limits(own, sigma: pooled.sigma)
        let record = Record(keys: keys, family: family, sources: sources, ownSubgroups: own.subgroups, ownSigma: own.processSigma,
                            ownDegreesOfFreedom: byOwn.degreesOfFreedom, pooledSigma: pooled.sigma,
                            degreesOfFreedom: pooled.degreesOfFreedom)
        return (limits, record)
    }
}
