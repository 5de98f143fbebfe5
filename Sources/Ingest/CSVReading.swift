#if canImport(Glibc)
import Glibc
#endif

extension CSVTable {
    /// Reads and parses a CSV file; `"-"` reads standard input (named `"<stdin>"` in errors).
    ///
    /// The file is read whole with `open`/`fstat`/`read` (standard input in chunks until end of
    /// input) into one buffer, then parsed by `parse(bytes:name:)`: O(bytes) time, the input's size
    /// in memory plus the field offsets.
    ///
    /// Besides the parse errors, failing to open or read gives an error of kind `.io`:
    /// `failures.csv: cannot open: No such file or directory`,
    /// `dir: cannot read: Is a directory`.
    public static func read(path: String) throws(IngestError) -> CSVTable {
        let name = path == "-" ? "<stdin>" : path
        let bytes = try readAllBytes(path: path, name: name)
        return try parse(bytes: bytes, name: name)
    }

    /// The whole content of `path` (`"-"`: standard input).
    static func readAllBytes(path: String, name: String) throws(IngestError) -> [UInt8] {
        if path == "-" { return try readToEnd(fd: 0, sizeHint: 0, name: name) }
        var fd: Int32
        repeat {
            fd = open(path, O_RDONLY | O_CLOEXEC)
        } while fd < 0 && errno == EINTR
        guard fd >= 0 else { throw ioError(name, "cannot open") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ioError(name, "cannot read") }
        let isRegular = (info.st_mode & S_IFMT) == S_IFREG
        return try readToEnd(fd: fd, sizeHint: isRegular ? Int(info.st_size) : 0, name: name)
    }

    /// Reads until end of input. With an exact size hint (a regular file) the bytes are read
    /// straight into the final array; anything beyond the hint (a growing file) is appended.
    static func readToEnd(fd: Int32, sizeHint: Int, name: String) throws(IngestError) -> [UInt8] {
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: sizeHint) { buffer, count in
            count = 0
            while count < sizeHint {
                let got = Glibc.read(fd, buffer.baseAddress! + count, sizeHint - count)
                if got > 0 {
                    count += got
                } else if got == 0 {
                    break
                } else if errno != EINTR {
                    failure = errno
                    break
                }
            }
        }
        if failure != 0 { throw ioError(name, "cannot read", code: failure) }
        let chunkSize = 1 << 16
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let got = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, chunkSize) }
            if got > 0 {
                bytes.append(contentsOf: chunk[0..<got])
            } else if got == 0 {
                return bytes
            } else if errno != EINTR {
                throw ioError(name, "cannot read")
            }
        }
    }

    private static func ioError(_ name: String, _ what: String, code: Int32 = errno) -> IngestError {
        let reason = strerror(code).map { String(cString: $0) } ?? "error \(code)"
        return IngestError(file: name, message: "\(what): \(reason)", kind: .io)
    }
}
