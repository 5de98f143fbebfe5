import ArgumentParser

/// The `relmodel` command: parses arguments, calls the library, prints.
public struct Relmodel: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "relmodel",
        abstract: "Statistical reliability toolkit: lifetime analysis, qualification numbers and SPC.",
        subcommands: [FitCommand.self, TemporarySPCDesignGroup.self, StudyCommand.self]
    )
    public init() {}
}

/// TEMPORARY (feat/spc-arl): stands in for the `spc` group (`SPCCommand`, written on feat/spc-charts)
/// so that `relmodel spc arl` can be tested end to end on this branch. At merge, delete this and
/// add `ARLCommand.self` to `SPCCommand`'s subcommands.
struct TemporarySPCDesignGroup: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "spc", subcommands: [ARLCommand.self])
}
