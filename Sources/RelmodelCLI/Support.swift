import ArgumentParser
import Ingest
import Lifetime
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a line to standard error, prefixed with the program name.
func printError(_ message: String) {
    var line = "relmodel: " + message + "\n"
    line.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
}

/// Reads lifetime data from a CSV path ("-" = standard input), turning input errors into the
/// documented exit codes: 66 when the file cannot be read, 65 for bad data.
func readLifetimeInput(_ path: String, columns: LifetimeColumns = .init()) throws -> LifetimeInput {
    do {
        let table = try CSVTable.read(path: path)
        return try LifetimeReader.read(table, file: path, columns: columns)
    } catch {
        printError(error.description)
        throw ExitCode(error.kind == .io ? 66 : 65)
    }
}
