import ArgumentParser

/// The unit of a lifetime file's times, as `--time-unit NAME` gives it: shown on the plots' time axis
/// ("Time (hours)"), and, when it is `hours`, the unit that lets rates be given in FIT (failures in
/// 1e9 device-hours). Any other name (cycles, km, days) labels the axis and gives no FIT.
struct TimeUnit: ExpressibleByArgument, Equatable {
    let name: String

    init?(argument: String) {
        guard !argument.isEmpty, !argument.allSatisfy(\.isWhitespace) else { return nil }
        name = argument
    }

    static let hours = TimeUnit(argument: "hours")!

    var isHours: Bool { name == "hours" || name == "h" }

    /// The time axis's title.
    var axisLabel: String { "Time (\(name))" }

    var defaultValueDescription: String { name }
}
