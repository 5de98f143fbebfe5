import ArgumentParser

/// `relmodel spc ...`: control charts and process capability.
public struct SPCCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "spc",
        abstract: "Statistical process control: control charts, run rules and process capability.",
        discussion: RelmodelHelp.discussion("""
        Input is long-form CSV (one row per measurement or per subgroup count). Points that signal \
        are a result, not an error (exit 0).
        """),
        subcommands: [
            XbarRCommand.self, XbarSCommand.self, IMRCommand.self,
            PChartCommand.self, NPChartCommand.self, CChartCommand.self, UChartCommand.self,
            LaneyPCommand.self, LaneyUCommand.self, GChartCommand.self,
            EWMACommand.self, CUSUMCommand.self, T2Command.self, CapabilityCommand.self, ARLCommand.self, OCCommand.self,
            BaselineCommand.self, BatchPCACommand.self, ComponentsCommand.self, BetweenWithinCommand.self, NestedChartCommand.self,
        ]
    )
    public init() {}
}
