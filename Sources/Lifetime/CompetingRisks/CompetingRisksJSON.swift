import RelmodelJSON

/// The document of `relmodel fit FILE --mode COLUMN` (competing risks with known modes, docs/CLI.md).
extension CompetingRisksAnalysis: JSONRepresentable {
    /// `{"input": {...}, "modes": {"NAME": {model as in fit}, ...}, "combined": {"quantities": {...}}}`.
    public var json: JSONValue {
        let analysis = self
        let options = analysis.options
        let keys = options.labels
        var combined: [(String, JSONValue)] = [
            ("system", .string("series")),
            ("bounds", .object([
                ("method", .string("fisher")), ("confidence", .number(options.confidence)), ("sides", .string(options.sides.rawValue)),
            ])),
        ]
        if let c = analysis.combined {
            var quantities: [(String, JSONValue)] = c.bLives.enumerated().map { ("b" + keys.bLives[$0], $1.estimate.json) }
            if !c.reliabilities.isEmpty {
                quantities.append(("reliability", .object(c.reliabilities.enumerated().map { (keys.times[$0], $1.estimate.json) })))
                quantities.append(("hazard", .object(c.hazards.enumerated().map { (keys.times[$0], $1.estimate.json) })))
            }
            combined.insert(("quantities", .object(quantities)), at: 0)
            let notes = (c.bLives.map(\.estimate) + c.reliabilities.map(\.estimate) + c.hazards.map(\.estimate)).flatMap(\.bounds.notes)
            combined.append(("notes", .array(Array(Set(notes)).sorted().map(JSONValue.string))))
        } else {
            combined.insert(("quantities", .null), at: 0)
            combined.append(("error", .string(analysis.combinedUnavailable ?? "not computed")))
        }
        return .object([
            ("input", .object([
                ("rows", .number(Double(analysis.rows))),
                ("units", .number(analysis.units)),
                ("failures", .number(analysis.failures)),
                ("suspensions", .number(analysis.suspensions)),
                ("failuresByMode", .object(zip(analysis.modes, analysis.failuresByMode).map { ($0.name, .number($1)) })),
            ])),
            ("modes", .object(analysis.modes.map { mode in
                switch mode.model {
                case let .standard(outcome): (mode.name, outcome.json(options))
                case let .general(outcome): (mode.name, outcome.json(options))
                }
            })),
            ("combined", .object(combined)),
        ])
    }
}
