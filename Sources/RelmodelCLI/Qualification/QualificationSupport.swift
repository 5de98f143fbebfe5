import RelmodelJSON
import ArgumentParser
import Ingest
import Lifetime
import Qualification
import Report

/// Runs a library call, turning its error into the documented exit code: an impossible argument is
/// a usage error (64, with the usage line); valid inputs with no answer (`.noSolution`, e.g. a burn-in
/// target the fitted model cannot reach) are a data error (65, the message only). With `inputsFile`,
/// the inputs came from that file, so every error is a data error and names the file.
func qualificationCall<T>(inputsFile: String? = nil, dataFile: String? = nil,
                          _ body: () throws(QualificationError) -> T) throws -> T {
    do { return try body() } catch {
        if let inputsFile {
            printError("\(inputsFile): \(error.message)")
            throw ExitCode(65)
        }
        guard case .noSolution = error else { throw ValidationError(error.message) }
        printError((dataFile.map { "\($0): " } ?? "") + error.message)
        throw ExitCode(65)
    }
}

/// Reads a CSV table, turning input errors into exit codes 66 (unreadable) and 65 (bad data).
func readTable(_ path: String) throws -> CSVTable {
    do { return try CSVTable.read(path: path) } catch { throw dataError(error) }
}

/// Prints an input error and returns the matching exit code (66 unreadable, 65 bad data).
func dataError(_ error: IngestError) -> ExitCode {
    printError(error.description)
    return ExitCode(error.kind == .io ? 66 : 65)
}

/// Boltzmann constant and Kelvin offset options shared by the temperature commands.
struct ThermalOptions: ParsableArguments {
    @Option(help: "Boltzmann constant in eV/K (CODATA 2018 value).")
    var boltzmann: Double = ThermalConstants.codataBoltzmann

    @Option(name: .customLong("kelvin-offset"), help: "Added to Celsius to give kelvin.")
    var kelvinOffset: Double = 273.15

    var constants: ThermalConstants { ThermalConstants(boltzmann: boltzmann, kelvinOffset: kelvinOffset) }

    func validate() throws {
        guard boltzmann.isFinite, boltzmann > 0 else { throw ValidationError("--boltzmann must be positive, got \(boltzmann)") }
        guard kelvinOffset.isFinite else { throw ValidationError("--kelvin-offset must be a finite number") }
    }
}

func checkConfidence(_ c: Double, _ flag: String = "--confidence") throws {
    guard c > 0, c < 1 else { throw ValidationError("\(flag) must be strictly between 0 and 1, got \(c)") }
}

/// Two-column "quantity  value" table.
func keyValueTable(_ rows: [(String, String)]) -> String {
    var table = TextTable(headers: ["quantity", "value"], alignments: [.left, .right])
    for (k, v) in rows { table.append([k, v]) }
    return table.rendered()
}
