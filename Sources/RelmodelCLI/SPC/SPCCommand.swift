import ArgumentParser

/// `relmodel spc ...`: control charts and process capability.
public struct SPCCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "spc",
        abstract: "Statistical process control: control charts, run rules and process capability.",
        discussion: """
        Input is long-form CSV (one row per measurement or per subgroup count). Exit codes: 0 success \
        (also when points signal), 64 usage error, 65 data error (bad value, with file, line and \
        column; or data from which nothing can be estimated), 66 file not readable.
        """,
        subcommands: [
            XbarRCommand.self, XbarSCommand.self, IMRCommand.self,
            PChartCommand.self, NPChartCommand.self, CChartCommand.self, UChartCommand.self,
            LaneyPCommand.self, LaneyUCommand.self, GChartCommand.self,
            EWMACommand.self, CUSUMCommand.self, T2Command.self, CapabilityCommand.self, ARLCommand.self, OCCommand.self,
            BaselineCommand.self, BatchPCACommand.self,
        ]
    )
    public init() {}
}
