import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command's output goes: standard output and the files it names, or, while `relmodel report`
/// runs the command, a capture that the report is built from.
///
/// Every command writes through `writeOutput(_:)`, `writeOutputFile(_:_:)` and `printError(_:)`; none
/// knows whether it is being reported. The capture is task-local, so it is set only for the one
/// command `report` runs and is never shared between threads.
final class OutputCapture: @unchecked Sendable {
    /// Standard output, as the command printed it.
    var text = ""
    /// The SVG files the command wrote, in order: the path it was given and the document.
    var figures: [(path: String, svg: String)] = []
    /// What the command wrote to standard error (warnings, notes), without the program name.
    var messages: [String] = []
    /// Paths `report` invented for plots the user did not ask for: recorded, not written.
    var capturedOnlyPaths: Set<String> = []

    @TaskLocal static var current: OutputCapture?
}

/// Writes a command's output: to standard output, or to the report being built.
func writeOutput(_ text: String, terminator: String = "\n") {
    if let capture = OutputCapture.current {
        capture.text += text + terminator
    } else {
        print(text, terminator: terminator)
    }
}

/// Writes a line to standard error, prefixed with the program name (and records it in a report).
func printError(_ message: String) {
    OutputCapture.current?.messages.append(message)
    var line = "relmodel: " + message + "\n"
    line.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
}

/// Writes an output file (an SVG plot), or reports it and exits 73 (EX_CANTCREAT). While a report is
/// built, an SVG is also recorded for it, and a path `report` invented is not written at all.
func writeOutputFile(_ path: String, _ text: String) throws {
    if let capture = OutputCapture.current, text.hasPrefix("<svg") || text.hasPrefix("<?xml") {
        capture.figures.append((path, text))
        if capture.capturedOnlyPaths.contains(path) { return }
    }
    guard writeFile(path, text) else {
        printError("\(path): cannot write the file")
        throw ExitCode(73)
    }
}
