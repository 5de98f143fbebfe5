import RelmodelJSON

extension CapabilityIndex {
    /// `{"value": ..., "lower": ..., "upper": ...}`.
    public var json: JSONValue { .object([("value", .number(value)), ("lower", .number(lower)), ("upper", .number(upper))]) }
}

extension PartsPerMillion {
    public var json: JSONValue {
        .object([("belowLSL", .number(belowLSL)), ("aboveUSL", .number(aboveUSL)), ("total", .number(total))])
    }
}

extension Specification {
    /// The members `lsl`, `usl`, `target` (null when absent).
    var members: [(String, JSONValue)] { [("lsl", .number(lsl)), ("usl", .number(usl)), ("target", .number(target))] }
}

extension NormalCapability: JSONRepresentable {
    /// The document of `relmodel spc capability --json` for normal data (docs/CLI.md).
    public var json: JSONValue {
        func index(_ i: CapabilityIndex?) -> JSONValue { i?.json ?? .null }
        return .object([("distribution", .string("normal")), ("n", .number(Double(count))), ("mean", .number(mean)),
                        ("sigmaWithin", .number(withinSigma)), ("sigmaOverall", .number(overallSigma))]
                       + specification.members
                       + [("confidence", .number(confidence)),
                          ("intervals", .string("chi-square (Cp, Pp); Bissell normal approximation (Cpk, Cpl, Cpu, Ppk, Ppl, Ppu); Boyles chi-square (Cpm)")),
                          ("cp", index(cp)), ("cpl", index(cpl)), ("cpu", index(cpu)), ("cpk", index(cpk)),
                          ("pp", index(pp)), ("ppl", index(ppl)), ("ppu", index(ppu)), ("ppk", index(ppk)),
                          ("cpm", index(cpm)),
                          ("expectedPPMWithin", expectedWithin.json), ("expectedPPMOverall", expectedOverall.json),
                          ("observedPPM", observed.json)])
    }
}

extension PercentileCapability: JSONRepresentable {
    /// The document of `relmodel spc capability --dist weibull|lognormal --json` (ISO 22514-2 percentiles).
    public var json: JSONValue {
        .object([("distribution", .string(family.rawValue)), ("method", .string("ISO 22514-2 percentile")),
                 ("n", .number(Double(count))),
                 ("parameters", .object(zip(family.parameterNames, parameters).map { ($0, .number($1)) }))]
                + specification.members
                + [("x0.00135", .number(lowerPercentile)), ("median", .number(median)), ("x0.99865", .number(upperPercentile)),
                   ("pp", .number(pp)), ("ppl", .number(ppl)), ("ppu", .number(ppu)), ("ppk", .number(ppk)),
                   ("expectedPPM", expected.json), ("observedPPM", observed.json),
                   ("andersonDarling", .number(andersonDarling))])
    }
}
