import ArgumentParser

/// The `relmodel` command: parses arguments, calls the library, prints.
public struct Relmodel: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "relmodel",
        abstract: "Statistical reliability toolkit: lifetime analysis, qualification numbers and SPC.",
        discussion: RelmodelHelp.exitCodes,
        version: RelmodelHelp.version,
        subcommands: [FitCommand.self, NonparametricCommand.self, BathtubCommand.self,
                      FitRateCommand.self, PlanCommand.self, AltCommand.self, BurnInCommand.self,
                      SPCCommand.self, LimitsCommand.self, StudyCommand.self, ReportCommand.self]
    )
    public init() {}
}
