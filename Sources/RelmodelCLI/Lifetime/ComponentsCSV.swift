import RelmodelNumerics
import Lifetime
import Report

/// The file of `relmodel fit --components FILE.csv`: one line per input row.
enum ComponentsCSV {
    /// `row,event,time,component,p1,...,pk`: the data row (1-based, header excluded), its kind
    /// (failure, suspension, left-censored, interval), its time (the end of an interval), the most
    /// likely component (1-based; empty when the posteriors are not numbers) and each posterior.
    static func text(_ assignments: [ComponentAssignment], observations: [LifetimeObservation]) -> String {
        let k = assignments.map(\.posteriors.count).max() ?? 0
        var lines = [(["row", "event", "time", "component"] + (0..<k).map { "p\($0 + 1)" }).joined(separator: ",")]
        for (index, (assignment, observation)) in zip(assignments, observations).enumerated() {
            let (kind, time): (String, Double)
            switch observation {
            case let .failure(t, _): (kind, time) = ("failure", t)
            case let .suspension(t, _): (kind, time) = ("suspension", t)
            case let .leftCensored(t, _): (kind, time) = ("left-censored", t)
            case let .interval(_, upper, _): (kind, time) = ("interval", upper)
            }
            let fields = ["\(index + 1)", kind, NumberFormatting.significant(time, 15),
                          assignment.component.map { "\($0 + 1)" } ?? ""]
                + assignment.posteriors.map { NumberFormatting.significant($0, 10) }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
