import ArgumentParser
import Ingest
import Lifetime
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lifetime data from a CSV path ("-" = standard input), turning input errors into the
/// documented exit codes: 66 when the file cannot be read, 65 for bad data.
func readLifetimeInput(_ path: String, columns: LifetimeColumns = .init()) throws -> LifetimeInput {
    let progress = largeFileProgress(path)
    defer { progress?.finish() }
    do {
        let table = try CSVTable.read(path: path)
        progress?.reporter.advance()
        return try LifetimeReader.read(table, file: path, columns: columns)
    } catch {
        printError(error.description)
        throw ExitCode(error.kind == .io ? 66 : 65)
    }
}

/// Reads lifetime data split by the values of `column`, in order of first appearance, with the same
/// exit codes as `readLifetimeInput`.
func readGroupedLifetimeInput(_ path: String, by column: String, columns: LifetimeColumns = .init()) throws
    -> [(group: String, input: LifetimeInput)] {
    let progress = largeFileProgress(path)
    defer { progress?.finish() }
    do {
        let table = try CSVTable.read(path: path)
        progress?.reporter.advance()
        return try LifetimeReader.readGrouped(table, file: path, columns: columns, by: column)
    } catch {
        printError(error.description)
        throw ExitCode(error.kind == .io ? 66 : 65)
    }
}

/// Reads lifetime data with each failure's mode in `mode` (competing risks), with the same exit codes
/// as `readLifetimeInput`.
func readFailureModeInput(_ path: String, mode: String, columns: LifetimeColumns = .init()) throws -> FailureModeInput {
    let progress = largeFileProgress(path)
    defer { progress?.finish() }
    do {
        let table = try CSVTable.read(path: path)
        progress?.reporter.advance()
        return try LifetimeReader.readFailureModes(table, file: path, columns: columns, mode: mode)
    } catch {
        printError(error.description)
        throw ExitCode(error.kind == .io ? 66 : 65)
    }
}

/// Reads lifetime data and every row's observation (for per-row output such as `--components`), with
/// the same exit codes as `readLifetimeInput`.
func readLifetimeObservations(_ path: String, columns: LifetimeColumns = .init()) throws -> (input: LifetimeInput, rows: [LifetimeObservation]) {
    do {
        let table = try CSVTable.read(path: path)
        let reader = try LifetimeReader(table, file: path, columns: columns)
        var rows: [LifetimeObservation] = []
        rows.reserveCapacity(table.rowCount)
        for row in 0..<table.rowCount { rows.append(try reader.observation(row: row)) }
        return (try reader.read(), rows)
    } catch {
        printError(error.description)
        throw ExitCode(error.kind == .io ? 66 : 65)
    }
}

/// A progress line for reading a file of more than 64 MB (two steps: read and tokenise, then convert),
/// or nil for smaller files, standard input and when standard error is not a terminal.
func largeFileProgress(_ path: String) -> TerminalProgress? {
    var info = stat()
    guard path != "-", stat(path, &info) == 0, info.st_size > 64 << 20 else { return nil }
    let progress = TerminalProgress.start("reading \(path) (\(info.st_size >> 20) MB), steps")
    progress?.reporter.expect(2)
    progress?.reporter.advance(0)
    return progress
}

/// Writes `text` to `path`; false when the file cannot be written.
func writeFile(_ path: String, _ text: String) -> Bool {
    guard let file = fopen(path, "w") else { return false }
    defer { fclose(file) }
    let bytes = Array(text.utf8)
    return fwrite(bytes, 1, bytes.count, file) == bytes.count
}
