import ArgumentParser
import Lifetime

/// `--columns` and `--ignore-column`: how a lifetime file's header maps to the columns relmodel reads,
/// shared by every command that reads one (fit, nonparametric, alt, burnin).
struct LifetimeColumnOptions: ParsableArguments {
    @Option(name: .customLong("columns"), help: ArgumentHelp(
        "ROLE=NAME[,ROLE=NAME...]: read a role from a column of another name, e.g. time=hours,event=status.",
        discussion: "Roles: \(LifetimeColumns.roles.joined(separator: ", ")).", valueName: "mapping"))
    var mapping: String?

    @Option(name: .customLong("ignore-column"), help: ArgumentHelp(
        "Accept a column that relmodel does not read (repeatable). Without it, an unread column that looks like a misspelling of a missing one (evnt, tme, cnt) is a data error.",
        valueName: "name"))
    var ignored: [String] = []

    func validate() throws {
        _ = try columns()
    }

    /// The column names to read, with the accepted extra columns (`--by`, `--stress`, ...).
    func columns(extra: [String] = []) throws -> LifetimeColumns {
        do {
            return try LifetimeColumns(mapping: mapping ?? "", ignored: ignored, extra: extra)
        } catch {
            throw ValidationError("--columns: \(error.description)")
        }
    }
}
