#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Ingest
import Report
import SPC

/// `relmodel report COMMAND ARGS... --out FILE.html`: runs an analysis command and writes its result as
/// one self-contained HTML page.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Run an analysis and write it as one self-contained HTML page (inline SVG and CSS, no network).",
        discussion: RelmodelHelp.discussion("""
        COMMAND is any of: fit, bathtub, nonparametric, alt, burnin, fitrate, spc xbar-r, xbar-s, imr, \
        p, np, c, u, laney-p, laney-u, g, ewma, cusum, t2, between-within, nested, components, \
        capability, baseline, batch-pca, study load-size, study subgroup-size; ARGS are its own \
        arguments. The page holds the command line, each input file's name, data rows, size and \
        SHA-256, the command's tables as it prints them, every plot it can draw (those not named with \
        the command's own plot option are drawn into the page only), the conventions behind the \
        numbers and relmodel's version. Every text is HTML-escaped and the page has no script. \
        --out may come before COMMAND or after ARGS; a command with an --out of its own (spc \
        baseline) needs the page's before COMMAND. Inputs must be regular files, not standard input \
        or a pipe: each file's digest is part of the page. --json is not taken (the page shows the \
        tables). When the command fails, no page is written and its exit code is returned.
        """)
    )

    @Option(help: ArgumentHelp("The HTML file to write.", valueName: "file.html"))
    var out: String?

    @Option(help: "Title of the page (default: what the analysis is, and the input file).")
    var title: String?

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("The analysis command and its arguments.", valueName: "command"))
    var command: [String] = []

    /// The command's arguments with the report's own trailing `--out` taken out, and the page's path.
    func split() throws -> (arguments: [String], out: String) {
        var arguments = command
        if let out {
            guard !out.isEmpty else { throw ValidationError("--out needs a file name") }
            return (arguments, out)
        }
        // A command with an --out of its own (spc baseline) keeps it: the page's --out goes first.
        if let parsed = try? Relmodel.parseAsRoot(arguments), let owner = parsed as? any ReportableCommand, type(of: owner).hasOwnOut {
            throw ValidationError("this command has an --out of its own: give the page's before the command, as in relmodel report --out page.html \(arguments.prefix(2).joined(separator: " ")) ...")
        }
        guard let index = arguments.lastIndex(where: { $0 == "--out" || $0.hasPrefix("--out=") }) else {
            throw ValidationError("relmodel report needs --out FILE.html")
        }
        let path: String
        if arguments[index] == "--out" {
            guard index + 1 < arguments.count else { throw ValidationError("--out needs a file name") }
            path = arguments[index + 1]
            arguments.removeSubrange(index...(index + 1))
        } else {
            path = String(arguments[index].dropFirst("--out=".count))
            arguments.remove(at: index)
        }
        guard !path.isEmpty else { throw ValidationError("--out needs a file name") }
        return (arguments, path)
    }

    /// `relmodel report --help` is the report's help; `relmodel report fit --help` the command's.
    var asksForHelp: Bool { command.contains { $0 == "--help" || $0 == "-h" } }

    func validate() throws {
        if let first = command.first, first == "--help" || first == "-h" { throw CleanExit.helpRequest(self) }
        if asksForHelp { return }
        guard !command.isEmpty else { throw ValidationError("relmodel report needs a command to run, as in: relmodel report fit failures.csv --out fit.html") }
        let (arguments, _) = try split()
        // Checks that need the command: reported as this command's usage errors, before anything runs.
        if let parsed = try? Relmodel.parseAsRoot(arguments), let reportable = parsed as? any ReportableCommand {
            if arguments.contains("--json") {
                throw ValidationError("--json: a report shows the command's tables; the JSON document is what the command alone prints")
            }
            for input in reportable.reportInputs where !Self.isRegularFile(input) {
                throw ValidationError("relmodel report needs its inputs as regular files, not standard input, a pipe or a device ('\(input)'): each file's digest is part of the page")
            }
        }
    }

    func run() throws {
        if asksForHelp {
            // The command's own help: the parser hands back its help command, or throws it as a clean exit.
            var help = try parse(command)
            try help.run()
            return
        }
        let (arguments, outPath) = try split()
        let parsed = try parse(arguments)
        guard var reportable = parsed as? any ReportableCommand else {
            throw ValidationError("relmodel report cannot report '\(arguments.prefix(2).joined(separator: " "))': see relmodel report --help for the commands it covers")
        }
        let capture = OutputCapture()
        var captions: [String: String] = [:]
        reportable.prepareForReport { caption in
            let path = "relmodel-report-figure-\(captions.count + 1).svg"
            captions[path] = caption
            capture.capturedOnlyPaths.insert(path)
            return path
        }
        let command = reportable
        do {
            try OutputCapture.$current.withValue(capture) {
                var running = command
                try running.run()
            }
        } catch {
            printError("the command failed: no report was written")
            throw error
        }
        var figures: [HTMLReport.Figure] = []
        for (path, svg) in capture.figures {
            do {
                figures.append(try HTMLReport.Figure(caption: captions[path] ?? path, svg: svg))
            } catch {
                printError("\(path): \(error)")
                throw ExitCode(70)
            }
        }
        let inputs = try reportable.reportInputs.map(Self.describe)
        let report = HTMLReport(
            title: title ?? reportable.reportTitle + (inputs.first.map { ": " + Self.fileName($0.name) } ?? ""),
            command: "relmodel " + arguments.map(Self.shellQuoted).joined(separator: " "),
            version: RelmodelHelp.version,
            inputs: inputs,
            sections: [HTMLReport.Section(heading: "Results", text: capture.text)],
            figures: figures,
            notes: capture.messages,
            conventions: reportable.reportConventions)
        try writeOutputFile(outPath, report.rendered())
        writeOutput("report written to \(outPath) (\(figures.count) figure\(figures.count == 1 ? "" : "s"))")
    }

    /// The analysis command, or its usage error (or help) as `relmodel COMMAND` alone would print it.
    func parse(_ arguments: [String]) throws -> ParsableCommand {
        guard arguments.first != "report" else { throw ValidationError("relmodel report runs an analysis command, not another report") }
        do {
            return try Relmodel.parseAsRoot(arguments)
        } catch {
            let code = Relmodel.exitCode(for: error)
            let message = Relmodel.fullMessage(for: error)
            if code == .success { writeOutput(message) } else { printError(message) }
            throw code
        }
    }

    /// An input file's size, digest and data rows (nil rows when it does not parse as CSV).
    static func describe(_ path: String) throws -> HTMLReport.Input {
        let bytes: [UInt8]
        do { bytes = try BaselineFileStore.read(path) } catch {
            printError("\(path): cannot read the file again for its digest: \(error)")
            throw ExitCode(66)
        }
        let rows = try? CSVTable.parse(bytes: bytes, name: path).rowCount
        return HTMLReport.Input(name: path, sha256: BaselineProvenance.sha256Hex(bytes), bytes: bytes.count, rows: rows)
    }

    /// Whether `path` names a regular file (not "-", a pipe such as /dev/stdin, or a directory), which
    /// can be read again after the command for its digest.
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return path != "-" && stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The last component of a path.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// `text` as a POSIX shell word: unchanged when it has only safe characters, else single-quoted.
    static func shellQuoted(_ text: String) -> String {
        let safe = text.unicodeScalars.allSatisfy { c in
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || "_-./=:,+@%".unicodeScalars.contains(c)
        }
        if safe && !text.isEmpty { return text }
        return "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
