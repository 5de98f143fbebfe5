import Foundation

/// Runs the built `relmodel` executable, as a pipeline would.
enum CLIRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The package root (Tests/CLITests/CLIRunner.swift is three levels down).
    static let packageRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    /// The `relmodel` binary built beside the test bundle (`swift test` builds it because this test
    /// target depends on the executable target).
    static let executable: URL = {
        var candidates: [URL] = []
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("relmodel"))
            dir = dir.deletingLastPathComponent()
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("relmodel"))
        candidates.append(URL(fileURLWithPath: packageRoot).appendingPathComponent(".build/debug/relmodel"))
        for c in candidates where FileManager.default.isExecutableFile(atPath: c.path) { return c }
        fatalError("relmodel executable not found; looked at \(candidates.map(\.path))")
    }()

    /// Runs `relmodel` with `arguments` from the package root, feeding `stdin` if given.
    static func run(_ arguments: [String], stdin: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Writes `contents` to a fresh temporary file and returns its path.
    static func temporaryFile(_ contents: String, name: String = "input.csv") throws -> String {
        let path = try scratchDirectory() + "/" + name
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A fresh directory under the system's temporary directory, removed when the test process exits
    /// (a test run makes hundreds; left behind, they filled /tmp).
    static func scratchDirectory(_ prefix: String = "relmodel-tests") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        Scratch.lock.withLock {
            if Scratch.directories.isEmpty { atexit { CLIRunner.removeScratchDirectories() } }
            Scratch.directories.append(dir)
        }
        return dir
    }

    private enum Scratch {
        static let lock = NSLock()
        nonisolated(unsafe) static var directories: [String] = []
    }

    private static func removeScratchDirectories() {
        Scratch.lock.withLock {
            for dir in Scratch.directories { try? FileManager.default.removeItem(atPath: dir) }
            Scratch.directories = []
        }
    }

    /// Parses a JSON document printed by `--json`.
    static func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        guard let dictionary = object as? [String: Any] else { throw CocoaError(.coderReadCorrupt) }
        return dictionary
    }
}
