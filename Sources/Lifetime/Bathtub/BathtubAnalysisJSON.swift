import RelmodelJSON

/// The document of `relmodel bathtub --json` (docs/CLI.md, "Bathtub regions"): the model the regions
/// come from, the candidates, the hazard minimum and the regions with their bounds, the definition
/// used, and FIT for the useful life when times are hours.
extension BathtubAnalysis: JSONRepresentable {
    public var json: JSONValue {
        let a = self, hours = timesAreHours
        let options = a.options
        let candidates = a.comparison.ranked.map { model -> JSONValue in
            switch model {
            case let .general(.fitted(s)):
                let d = s.fit.diagnostics
                return .object([("distribution", .string(s.fit.name)), ("aicc", .number(s.fit.aicc)),
                                ("logLikelihood", .number(s.fit.logLikelihood)), ("converged", .bool(d.converged)),
                                ("diagnostics", .object([("degenerate", .bool(d.degenerate)), ("notes", .array(d.notes.map(JSONValue.string)))]))])
            case let .general(.failed(name, failure)):
                return .object([("distribution", .string(name)), ("aicc", .null), ("converged", .bool(false)),
                                ("diagnostics", .object([("degenerate", .bool(false)), ("notes", .array([.string(failure.description)]))]))])
            case .standard: return .null
            }
        }
        let r = a.regions
        var members: [(String, JSONValue)] = [
            ("bathtub", .bool(r?.bathtub ?? false)),
            ("model", a.model.map { GeneralModelOutcome.fitted($0).json(options) } ?? .null),
            ("candidates", .array(candidates)),
        ]
        if let m = r?.hazardMinimum {
            members.append(("hazardMinimum", .object([
                ("time", .number(m.time.value)), ("hazard", .number(m.hazard.value)),
                ("bounds", m.time.bounds.json), ("hazardBounds", m.hazard.bounds.json),
            ])))
        } else {
            members.append(("hazardMinimum", .null))
        }
        var regions: [(String, JSONValue)] = []
        if let r, r.bathtub {
            regions.append(("infantMortality", r.infantMortalityEnd.map {
                .object([("start", .number(0)), ("end", .number($0.value)), ("endBounds", $0.bounds.json)])
            } ?? .null))
            regions.append(("usefulLife", r.usefulLife.map { u in
                var useful: [(String, JSONValue)] = [("start", .number(u.start)), ("end", .number(u.end)),
                                                     ("hazard", .number(u.hazard.value)), ("hazardBounds", u.hazard.bounds.json)]
                if hours {
                    useful.append(("fit", .number(u.failuresInTime.value)))
                    useful.append(("fitBounds", u.failuresInTime.bounds.json))
                }
                return .object(useful)
            } ?? .null))
            regions.append(("wearOut", r.wearOutStart.map {
                .object([("start", .number($0.value)), ("startBounds", $0.bounds.json), ("end", .null)])
            } ?? .null))
        }
        members.append(("regions", regions.isEmpty ? .null : .object(regions)))
        members.append(("definition", .string(definition.name)))
        if case let .threshold(tolerance) = definition { members.append(("tolerance", .number(tolerance))) }
        members.append(("bounds", .object([("method", .string(r?.bounds == .fisher ? "fisher" : "lr")), ("confidence", .number(options.confidence))])))
        members.append(("range", r.map { .array([.number($0.range.low), .number($0.range.high)]) } ?? .null))
        members.append(("notes", .array(((r?.notes ?? []) + a.notes).map(JSONValue.string))))
        return .object(members)
    }
}
