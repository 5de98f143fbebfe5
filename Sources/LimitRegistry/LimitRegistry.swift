import Foundation
import GRDB

/// Control limits keyed by context (any key=value columns: product, recipe, tool, chamber) and chart,
/// in one SQLite file (through GRDB). Every `put` adds a version; nothing is overwritten or deleted,
/// so `history` shows what the limits were at any time and which data they came from.
///
/// Concurrency: several processes may write one registry at once. Each `put` runs in an IMMEDIATE
/// transaction (SQLite's write lock is taken before the next version number is read), and a writer
/// that finds the lock taken waits up to `busyTimeout` seconds, so no two entries get one version and
/// none is lost.
///
/// Schema versions: the file records the schema it was written with (`meta.schemaVersion`); a file
/// with a newer schema than `schemaVersion` is refused with `RegistryError.newerSchema` and left
/// untouched.
public final class LimitRegistry: Sendable {
    /// The schema this relmodel writes and reads.
    public static let schemaVersion = 1
    /// Seconds a writer waits for another's lock.
    public static let busyTimeout: TimeInterval = 60

    public let path: String
    private let queue: DatabaseQueue

    /// Opens the registry at `path`, creating it (and its tables) when the file does not exist.
    /// - Throws: `RegistryError.unusable` for a file that is not a registry (not SQLite, or SQLite
    ///   without relmodel's tables when it already holds other tables), `.newerSchema` for a registry
    ///   written by a newer relmodel.
    public init(path: String) throws(RegistryError) {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw .unusable(path: path, reason: Self.describe(error))
        }
        try migrate()
    }

    private func migrate() throws(RegistryError) {
        let found: Int?
        do {
            found = try queue.writeWithoutTransaction { db -> Int? in
                var version: Int?
                try db.inTransaction(.immediate) {
                    let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                    if tables.contains("meta") {
                        version = try Int.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'schemaVersion'")
                        return .commit
                    }
                    guard tables.allSatisfy({ $0.hasPrefix("sqlite_") }) else {
                        version = -1
                        return .rollback
                    }
                    try db.execute(sql: """
                        CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                        CREATE TABLE limits (
                            id INTEGER PRIMARY KEY AUTOINCREMENT,
                            context TEXT NOT NULL,
                            chart TEXT NOT NULL,
                            version INTEGER NOT NULL,
                            document TEXT NOT NULL,
                            dataDigest TEXT NOT NULL,
                            method TEXT NOT NULL,
                            constants TEXT NOT NULL,
                            createdAt TEXT NOT NULL,
                            relmodelVersion TEXT NOT NULL,
                            note TEXT NOT NULL,
                            borrowed TEXT,
                            UNIQUE (context, chart, version)
                        );
                        """)
                    try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('schemaVersion', ?)", arguments: [Self.schemaVersion])
                    version = Self.schemaVersion
                    return .commit
                }
                return version
            }
        } catch {
            throw .unusable(path: path, reason: Self.describe(error))
        }
        guard let found, found >= 1 else {
            throw .unusable(path: path, reason: found == -1 ? "an SQLite file with other tables (no relmodel registry in it)" : "no schema version recorded")
        }
        if found > Self.schemaVersion { throw .newerSchema(path: path, found: found, supported: Self.schemaVersion) }
    }

    /// Adds the next version of the limits of `context` and `chart`, and returns the entry written.
    /// - Complexity: one indexed lookup and one insert, in one transaction.
    @discardableResult
    public func put(context: LimitContext, chart: String, document: String, dataDigest: String, method: String,
                    constants: String, relmodelVersion: String, note: String = "", borrowed: String? = nil,
                    at date: Date = Date()) throws(RegistryError) -> LimitEntry {
        try put(context: context, chart: chart, rendering: { _ in document }, dataDigest: dataDigest, method: method,
                constants: constants, relmodelVersion: relmodelVersion, note: note, borrowed: borrowed, at: date)
    }

    /// As `put(context:chart:document:...)`, the document rendered for the version the entry gets
    /// (inside the transaction that assigns it, so a document that records its own version agrees
    /// with the registry's).
    @discardableResult
    public func put(context: LimitContext, chart: String, rendering document: (Int) -> String, dataDigest: String, method: String,
                    constants: String, relmodelVersion: String, note: String = "", borrowed: String? = nil,
                    at date: Date = Date()) throws(RegistryError) -> LimitEntry {
        let createdAt = ISO8601DateFormatter().string(from: date)
        do {
            return try queue.writeWithoutTransaction { db -> LimitEntry in
                var entry: LimitEntry?
                try db.inTransaction(.immediate) {
                    let next = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(version), 0) + 1 FROM limits WHERE context = ? AND chart = ?",
                                                arguments: [context.canonical, chart]) ?? 1
                    let text = document(next)
                    try db.execute(sql: """
                        INSERT INTO limits (context, chart, version, document, dataDigest, method, constants, createdAt, relmodelVersion, note, borrowed)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [context.canonical, chart, next, text, dataDigest, method, constants, createdAt,
                                         relmodelVersion, note, borrowed])
                    entry = LimitEntry(context: context, chart: chart, version: next, document: text, dataDigest: dataDigest,
                                       method: method, constants: constants, createdAt: createdAt, relmodelVersion: relmodelVersion,
                                       note: note, borrowed: borrowed)
                    return .commit
                }
                return entry!
            }
        } catch {
            throw .unusable(path: path, reason: Self.describe(error))
        }
    }

    /// The current (latest) entry of `context` and `chart`, or of `version` when given.
    /// - Throws: `.notFound` when there is none.
    public func entry(context: LimitContext, chart: String, version: Int? = nil) throws(RegistryError) -> LimitEntry {
        let rows = try fetch(version.map { _ in "WHERE context = ? AND chart = ? AND version = ?" }
                             ?? "WHERE context = ? AND chart = ? ORDER BY version DESC LIMIT 1",
                             version.map { [context.canonical, chart, $0] as StatementArguments } ?? [context.canonical, chart])
        guard let first = rows.first else {
            throw .notFound("no \(chart) limits for context \(context)\(version.map { " version \($0)" } ?? "") in \(path)")
        }
        return first
    }

    /// Every version of `context` (of `chart` only, when given), oldest first.
    public func history(context: LimitContext, chart: String? = nil) throws(RegistryError) -> [LimitEntry] {
        if let chart {
            return try fetch("WHERE context = ? AND chart = ? ORDER BY version", [context.canonical, chart])
        }
        return try fetch("WHERE context = ? ORDER BY chart, version", [context.canonical])
    }

    /// The current entry of every context and chart, ordered by context and chart.
    public func current() throws(RegistryError) -> [LimitEntry] {
        try fetch("""
            WHERE version = (SELECT MAX(l2.version) FROM limits l2 WHERE l2.context = limits.context AND l2.chart = limits.chart)
            ORDER BY context, chart
            """, [])
    }

    private func fetch(_ clause: String, _ arguments: StatementArguments) throws(RegistryError) -> [LimitEntry] {
        let rows: [Row]
        do {
            rows = try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM limits \(clause)", arguments: arguments) }
        } catch {
            throw .unusable(path: path, reason: Self.describe(error))
        }
        var entries: [LimitEntry] = []
        for row in rows {
            let text: String = row["context"]
            entries.append(LimitEntry(context: try LimitContext(parsing: text), chart: row["chart"], version: row["version"],
                                      document: row["document"], dataDigest: row["dataDigest"], method: row["method"],
                                      constants: row["constants"], createdAt: row["createdAt"], relmodelVersion: row["relmodelVersion"],
                                      note: row["note"], borrowed: row["borrowed"]))
        }
        return entries
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error)" }
        return "\(error)"
    }
}
