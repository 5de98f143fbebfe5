import RelmodelNumerics
import RelmodelJSON
import ArgumentParser
import LimitRegistry
import Report
import SPC

/// `relmodel limits put|get|list|history`: the limit registry, control limits per context.
public struct LimitsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "limits",
        abstract: "The limit registry: control limits per context (product, recipe, tool, ...), versioned, with provenance.",
        discussion: RelmodelHelp.discussion("""
        A registry is one SQLite file. Each entry is a baseline study's document (as `relmodel spc \
        baseline` writes it) for a context (any key=value pairs, order-free) and chart, with the SHA-256 \
        of the data it came from, the method, the constants, the time, the relmodel version and a note. \
        Entries are never overwritten: a new baseline is a new version, and `history` lists them all. \
        `spc baseline ... --registry FILE --context C` writes a new version directly; the chart commands \
        take --registry FILE with --context C (one context) or --by COLUMNS (every context of the data, \
        one JSON line each). Exit 65 for a file that is not a registry, one written by a newer relmodel \
        (left untouched), or a missing entry.
        """),
        subcommands: [Put.self, Get.self, List.self, History.self]
    )
    public init() {}

    struct Options: ParsableArguments {
        @Option(help: "The registry file (SQLite; created by the first put).")
        var registry: String

        @Flag(help: "Print JSON instead of tables.")
        var json = false
    }

    /// An entry as JSON; with its baseline document when `document` is true.
    static func json(_ e: LimitEntry, document: Bool) -> JSONValue {
        guard document else { return e.json }
        return e.json(document: (try? BaselineDocument.header(Array(e.document.utf8)).document) ?? .string(e.document))
    }

    static func table(_ entries: [LimitEntry]) -> String {
        var table = TextTable(headers: ["context", "chart", "version", "created (UTC)", "data SHA-256", "note"],
                              alignments: [.left, .left, .right, .left, .left, .left])
        for e in entries {
            table.append(cells: [.text(e.context.canonical), .text(e.chart), .text(String(e.version)), .text(e.createdAt),
                                 .text(String(e.dataDigest.prefix(12))), .text(e.note + (e.borrowed.map { " [borrowed: \($0)]" } ?? ""))])
        }
        return table.rendered()
    }

    /// Writes a baseline document into the registry as the next version of `context`; the document's
    /// own "version" is rendered as the registry's.
    static func put(_ registry: LimitRegistry, context: LimitContext, chart: String, render: (Int) -> String,
                    digest: String, note: String, borrowed: String? = nil) throws -> LimitEntry {
        let probe = (try? BaselineDocument.header(Array(render(1).utf8)).document) ?? .null
        do {
            return try registry.put(context: context, chart: chart, rendering: render, dataDigest: digest, method: BaselineDocument.methodSummary(of: probe),
                                    constants: probe["constants"]?.stringValue ?? "exact", relmodelVersion: RelmodelHelp.version, note: note,
                                    borrowed: borrowed)
        } catch {
            printError(error.description)
            throw ExitCode(65)
        }
    }

    struct Put: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "put", abstract: "Store a baseline file's limits as the next version of a context.", discussion: RelmodelHelp.exitCodes)
        @OptionGroup var options: Options
        @Option(help: "The context, key=value,... (e.g. product=A,tool=F3,recipe=R1).") var context: String
        @Option(help: "The baseline file (written by `relmodel spc baseline --out`).") var baseline: String
        @Option(help: "A free note (why, ticket).") var note: String = ""

        func run() throws {
            let context = try RegistryAccess.context(self.context)
            let path = baseline
            let (header, bytes) = try storeErrors { () throws(BaselineFileStore.StoreError) in try BaselineFileStore.header(path) }
            guard let chart = BaselineChart(rawValue: header.chart) else {
                printError("\(baseline): unknown chart \(header.chart)")
                throw ExitCode(65)
            }
            do { _ = try BaselineDocument.limits(of: header, chart: chart) } catch {
                printError("\(baseline): \(error.description)")
                throw ExitCode(65)
            }
            let digest = header.document["created_from"]?["sha256"]?.stringValue ?? BaselineProvenance.sha256Hex(bytes)
            let registry = try RegistryAccess.open(options.registry)
            // The document as stored carries the registry's version.
            let entry = try LimitsCommand.put(registry, context: context, chart: chart.rawValue, render: { version in
                header.document.replacing("version", with: .number(Double(version))).pretty()
            }, digest: digest, note: note)
            writeOutput(options.json ? LimitsCommand.json(entry, document: false).serialized()
                  : "stored \(entry.chart) limits for \(entry.context) as version \(entry.version) in \(options.registry)")
        }
    }

    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "get", abstract: "Show the current (or a given) version of a context's limits.",
                                                        discussion: RelmodelHelp.exitCodes)
        @OptionGroup var options: Options
        @Option(help: "The context, key=value,...") var context: String
        @Option(help: "Chart: xbar-r, xbar-s, imr, p, np, c, u.") var chart: BaselineChart
        @Option(help: "A version (default: the current one).") var version: Int?

        func run() throws {
            let registry = try RegistryAccess.open(options.registry)
            let entry = try RegistryAccess.entry(registry, context: try RegistryAccess.context(context), chart: chart, version: version)
            if options.json { return writeOutput(LimitsCommand.json(entry, document: true).serialized()) }
            let limits = try RegistryAccess.limits(entry, chart: chart)
            var lines = [LimitsCommand.table([entry]), "method: \(entry.method); constants \(entry.constants); data SHA-256 \(entry.dataDigest)"]
            for c in limits.charts {
                lines.append("\(c.type.rawValue): center \(NumberFormatting.significant(c.center, 7)), LCL \(NumberFormatting.significant(c.lcl, 7)), UCL \(NumberFormatting.significant(c.ucl, 7))")
            }
            writeOutput(lines.joined(separator: "\n"))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The current version of every context and chart.",
                                                        discussion: RelmodelHelp.exitCodes)
        @OptionGroup var options: Options

        func run() throws {
            let registry = try RegistryAccess.open(options.registry)
            let entries: [LimitEntry]
            do { entries = try registry.current() } catch {
                printError(error.description)
                throw ExitCode(65)
            }
            writeOutput(options.json ? JSONValue.array(entries.map { LimitsCommand.json($0, document: false) }).serialized() : LimitsCommand.table(entries))
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "history", abstract: "Every version of a context's limits, oldest first.",
                                                        discussion: RelmodelHelp.exitCodes)
        @OptionGroup var options: Options
        @Option(help: "The context, key=value,...") var context: String
        @Option(help: "Only this chart.") var chart: BaselineChart?

        func run() throws {
            let registry = try RegistryAccess.open(options.registry)
            let entries: [LimitEntry]
            do { entries = try registry.history(context: try RegistryAccess.context(context), chart: chart?.rawValue) } catch let error as RegistryError {
                printError(error.description)
                throw ExitCode(65)
            }
            writeOutput(options.json ? JSONValue.array(entries.map { LimitsCommand.json($0, document: false) }).serialized() : LimitsCommand.table(entries))
        }
    }
}
