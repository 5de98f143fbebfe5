import Foundation
import GRDB
import Testing
@testable import LimitRegistry

/// The limit registry: contexts, versions that are never overwritten, provenance, concurrent writers,
/// and files it must refuse.
@Suite struct LimitRegistryTests {
    /// A registry path in a fresh directory, removed when the test process exits.
    static func freshPath() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("relmodel-registry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        Scratch.lock.withLock {
            if Scratch.directories.isEmpty {
                atexit { Scratch.lock.withLock { for d in Scratch.directories { try? FileManager.default.removeItem(atPath: d) } } }
            }
            Scratch.directories.append(dir.path)
        }
        return dir.appendingPathComponent("limits.sqlite").path
    }

    private enum Scratch {
        static let lock = NSLock()
        nonisolated(unsafe) static var directories: [String] = []
    }

    static func put(_ registry: LimitRegistry, _ context: String, _ chart: String = "xbar-r", note: String = "") throws -> LimitEntry {
        try registry.put(context: LimitContext(parsing: context), chart: chart, document: "{\"limits\": \"\(context)\"}",
                         dataDigest: String(repeating: "a", count: 64), method: "rbar", constants: "exact",
                         relmodelVersion: "test", note: note)
    }

    @Test func contextsAreCanonical() throws {
        let a = try LimitContext(parsing: "tool=F3, product=A")
        let b = try LimitContext(parsing: "product=A,tool=F3")
        #expect(a == b)
        #expect(a.canonical == "product=A,tool=F3")
        #expect(a["tool"] == "F3")
        #expect(throws: RegistryError.self) { try LimitContext(parsing: "product") }
        #expect(throws: RegistryError.self) { try LimitContext(parsing: "product=A,product=B") }
        #expect(throws: RegistryError.self) { try LimitContext(parsing: "product=") }
    }

    /// Two contexts, one re-baselined: its history keeps both versions, the current entry is the
    /// second, and the other context is untouched.
    @Test func versionsAreKept() throws {
        let path = try Self.freshPath()
        let registry = try LimitRegistry(path: path)
        let first = try Self.put(registry, "product=A,tool=F3", note: "initial")
        #expect(first.version == 1)
        _ = try Self.put(registry, "product=A,tool=F4")
        let second = try Self.put(registry, "tool=F3,product=A", note: "re-baselined after PM")
        #expect(second.version == 2)
        let context = try LimitContext(parsing: "product=A,tool=F3")
        #expect(try registry.entry(context: context, chart: "xbar-r") == second)
        #expect(try registry.entry(context: context, chart: "xbar-r", version: 1) == first)
        #expect(try registry.history(context: context).map(\.note) == ["initial", "re-baselined after PM"])
        #expect(try registry.current().map { "\($0.context) v\($0.version)" } == ["product=A,tool=F3 v2", "product=A,tool=F4 v1"])
        // Reopened from the file, the same.
        let reopened = try LimitRegistry(path: path)
        #expect(try reopened.entry(context: context, chart: "xbar-r") == second)
        #expect(throws: RegistryError.self) { try reopened.entry(context: context, chart: "imr") }
    }

    /// Writers on separate connections at once: every put gets its own version, none is lost.
    @Test func concurrentWritersLoseNothing() throws {
        let path = try Self.freshPath()
        _ = try LimitRegistry(path: path)
        let writers = 4, each = 25
        DispatchQueue.concurrentPerform(iterations: writers) { w in
            let registry = try! LimitRegistry(path: path)
            for i in 0..<each { _ = try! Self.put(registry, "product=A", note: "writer \(w) entry \(i)") }
        }
        let history = try LimitRegistry(path: path).history(context: LimitContext(parsing: "product=A"))
        #expect(history.map(\.version) == Array(1...(writers * each)))
        #expect(Set(history.map(\.note)).count == writers * each)
    }

    /// A registry written by a newer relmodel, an SQLite file of something else, and a file that is not
    /// SQLite at all are refused with what to do, and left untouched.
    @Test func refusedFiles() throws {
        let newer = try Self.freshPath()
        _ = try LimitRegistry(path: newer)
        try DatabaseQueue(path: newer).write { try $0.execute(sql: "UPDATE meta SET value = '9' WHERE key = 'schemaVersion'") }
        #expect(throws: RegistryError.newerSchema(path: newer, found: 9, supported: 1)) { try LimitRegistry(path: newer) }

        let other = try Self.freshPath()
        try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE orders (id INTEGER)") }
        do {
            _ = try LimitRegistry(path: other)
            Issue.record("an SQLite file of another application was opened as a registry")
        } catch let error {
            #expect(error.description.contains("other tables"), "\(error)")
        }

        let text = try Self.freshPath()
        try "time,event\n1,1\n".write(toFile: text, atomically: true, encoding: .utf8)
        #expect(throws: RegistryError.self) { try LimitRegistry(path: text) }
        #expect(try String(contentsOfFile: text, encoding: .utf8) == "time,event\n1,1\n")
    }
}
