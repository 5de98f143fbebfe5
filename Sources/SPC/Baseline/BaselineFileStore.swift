#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Baseline files on disk, versioned: a new study of the same chart never overwrites the previous
/// revision, it archives it (docs/BASELINE.md).
public enum BaselineFileStore {
    /// What `writeVersioned` did.
    public enum WriteOutcome: Equatable, Sendable {
        case created(version: Int)
        /// The file already holds exactly this baseline: nothing written.
        case unchanged(version: Int)
        /// The previous version was archived at `archive`.
        case rebaselined(version: Int, archive: String)

        public var version: Int {
            switch self {
            case let .created(v), let .unchanged(v), let .rebaselined(v, _): v
            }
        }
    }

    /// Why a baseline file could not be read or written. The CLI exits 66 for `cannotOpen`, 65 for
    /// `notABaseline` and `otherChart`, 73 for `archiveExists` and `cannotWrite`.
    public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
        case cannotOpen(path: String, reason: String)
        case notABaseline(path: String, BaselineDocumentError)
        /// `path` holds a baseline of another chart (writing refuses to replace it).
        case otherChart(path: String, found: String, expected: String)
        /// The archive name for the old version exists with other content.
        case archiveExists(archive: String, version: Int, path: String)
        case cannotWrite(path: String, reason: String)

        public var description: String {
            switch self {
            case let .cannotOpen(path, reason): "\(path): cannot open: \(reason)"
            case let .notABaseline(path, error): "\(path): \(error.description)"
            case let .otherChart(path, found, expected):
                "\(path): holds a baseline of the \(found) chart; write the \(expected) baseline to another --out file; not overwritten"
            case let .archiveExists(archive, version, path):
                "\(archive) exists with other content; not overwritten (version \(version) of \(path) would be lost)"
            case let .cannotWrite(path, reason): "cannot write \(path): \(reason)"
            }
        }
    }

    /// `path.json` -> `path.v3.json` (other names: `path.v3`).
    public static func archivePath(_ path: String, version: Int) -> String {
        path.hasSuffix(".json") ? String(path.dropLast(5)) + ".v\(version).json" : path + ".v\(version)"
    }

    /// The frozen limits of the baseline file at `path` for `chart`, and its revision.
    /// - Complexity: O(file length).
    public static func load(_ path: String, chart: BaselineChart) throws(StoreError) -> (limits: FrozenLimits, version: Int) {
        let bytes = try read(path)
        do { return try BaselineDocument.limits(bytes, chart: chart) } catch { throw .notABaseline(path: path, error) }
    }

    /// The header of the baseline file at `path` (format, layout version, revision, chart) and the
    /// file's bytes.
    public static func header(_ path: String) throws(StoreError) -> (header: BaselineDocument.Header, bytes: [UInt8]) {
        let bytes = try read(path)
        do { return (try BaselineDocument.header(bytes), bytes) } catch { throw .notABaseline(path: path, error) }
    }

    /// Writes the baseline produced by `render(version)` to `path`, keeping every earlier version.
    ///
    /// - `path` absent: version 1.
    /// - `path` holds version N of a baseline of the same chart: if `render(N)` equals it byte for
    ///   byte the study is unchanged and nothing is written; otherwise the old bytes are copied to
    ///   `archivePath(path, N)` (refused if that file exists with other content) and version N + 1
    ///   replaces `path` (written to `path.tmp`, then renamed).
    /// - `path` holds something else, or another chart's baseline: refused.
    public static func writeVersioned(_ path: String, chart: BaselineChart, render: (Int) -> String) throws(StoreError) -> WriteOutcome {
        guard let existing = try? read(path) else {
            try write(path, render(1))
            return .created(version: 1)
        }
        let header: BaselineDocument.Header
        do { header = try BaselineDocument.header(existing) } catch { throw .notABaseline(path: path, error) }
        guard header.chart == chart.rawValue else { throw .otherChart(path: path, found: header.chart, expected: chart.rawValue) }
        let version = header.version
        let old = String(decoding: existing, as: UTF8.self)
        if render(version) == old { return .unchanged(version: version) }
        let archive = archivePath(path, version: version)
        if let present = try? read(archive), present != existing {
            throw .archiveExists(archive: archive, version: version, path: path)
        }
        try write(archive, old)
        try write(path, render(version + 1))
        return .rebaselined(version: version + 1, archive: archive)
    }

    /// The whole file.
    public static func read(_ path: String) throws(StoreError) -> [UInt8] {
        guard let file = fopen(path, "rb") else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count > 0 { bytes += buffer[0..<count] }
            if count < buffer.count { break }
        }
        guard ferror(file) == 0 else { throw .cannotOpen(path: path, reason: "read error") }
        return bytes
    }

    /// Writes `text` to `path` through `path.tmp` and a rename, so a reader never sees half a file.
    static func write(_ path: String, _ text: String) throws(StoreError) {
        let temporary = path + ".tmp"
        let bytes = Array(text.utf8)
        var written = false
        if let file = fopen(temporary, "w") {
            written = fwrite(bytes, 1, bytes.count, file) == bytes.count
            written = fclose(file) == 0 && written
        }
        guard written, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .cannotWrite(path: path, reason: reason)
        }
    }
}
