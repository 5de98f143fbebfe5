#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Ingest

/// Writes `bytes` to a fresh file in /tmp and returns its path.
func temporaryFile(_ bytes: [UInt8]) -> String {
    var template = Array("/tmp/ingest-test-XXXXXX.csv".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
    precondition(fd >= 0)
    var written = 0
    while written < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
        precondition(n > 0)
        written += n
    }
    close(fd)
    return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
}

@Suite("CSVTable reading")
struct CSVReadingTests {
    @Test func readsAFileByPath() throws {
        let path = temporaryFile(Array("time,event\n1,F\n2,S".utf8))
        defer { unlink(path) }
        let table = try CSVTable.read(path: path)
        #expect(table.name == path)
        #expect(table.rowCount == 2)
        #expect(table.string(row: 1, column: 1) == "S")
    }

    @Test func readsALargeFileWhole() throws {
        var text = "time\n"
        for k in 0..<50_000 { text += "\(k)\n" }
        let path = temporaryFile(Array(text.utf8))
        defer { unlink(path) }
        let table = try CSVTable.read(path: path)
        #expect(table.rowCount == 50_000)
        #expect(try table.double(row: 49_999, column: 0) == 49_999)
    }

    @Test func errorsUseThePathAsGiven() {
        let path = temporaryFile(Array("time\n-1\n".utf8))
        defer { unlink(path) }
        do {
            let table = try CSVTable.read(path: path)
            _ = try table.double(row: 0, column: 0, .nonNegative)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "\(path):2: column 'time' (1): expected a non-negative number, found \"-1\"")
        }
    }

    @Test func missingFileIsAnIOError() {
        do {
            _ = try CSVTable.read(path: "/nonexistent/failures.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "/nonexistent/failures.csv: cannot open: No such file or directory")
            #expect(error.kind == .io)
            // The error is an enum a caller switches on.
            guard case let .io(file, message) = error else { Issue.record("expected .io, got \(error)"); return }
            #expect(file == "/nonexistent/failures.csv" && message == "cannot open: No such file or directory")
        }
    }

    @Test func badFieldIsADataErrorWithItsLocation() {
        do {
            _ = try CSVTable.parse(bytes: Array("time,state\n12,F\nx y,F\n".utf8), name: "f.csv").doubles(column: 0)
            Issue.record("expected an error")
        } catch {
            guard case let .data(location, message) = error else { Issue.record("expected .data, got \(error)"); return }
            #expect(location == InputLocation(file: "f.csv", line: 3, column: "time", columnIndex: 1), "\(location)")
            #expect(!message.isEmpty && error.kind == .data)
        }
    }

    @Test func directoryIsAnIOError() {
        do {
            _ = try CSVTable.read(path: "/tmp")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "/tmp: cannot read: Is a directory")
            #expect(error.kind == .io)
        }
    }

    @Test func readsAPipeToTheEndLikeStandardInput() throws {
        // Standard input is read with the same routine on fd 0; a pipe exercises the chunked path.
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let text = Array("time\n1\n2\n".utf8)
        _ = text.withUnsafeBytes { write(fds[1], $0.baseAddress!, text.count) }
        close(fds[1])
        defer { close(fds[0]) }
        let bytes = try CSVTable.readToEnd(fd: fds[0], sizeHint: 0, name: "<stdin>")
        #expect(bytes == text)
        let table = try CSVTable.parse(bytes: bytes, name: "<stdin>")
        #expect(table.rowCount == 2)
    }

    @Test func dashReadsStandardInputNamedStdin() throws {
        // Temporarily put a pipe on fd 0 (nothing else in the test process reads standard input).
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let text = Array("time\n1\nx\n".utf8)
        _ = text.withUnsafeBytes { write(fds[1], $0.baseAddress!, text.count) }
        close(fds[1])
        let saved = dup(0)
        dup2(fds[0], 0)
        close(fds[0])
        defer {
            dup2(saved, 0)
            close(saved)
        }
        let table = try CSVTable.read(path: "-")
        #expect(table.name == "<stdin>")
        #expect(table.rowCount == 2)
        #expect(throws: IngestError(file: "<stdin>", line: 3, column: "time", columnIndex: 1,
                                    message: "expected a number, found \"x\"")) {
            try table.double(row: 1, column: 0)
        }
    }

    @Test func readsPastAShortSizeHint() throws {
        // A file that grew after fstat: everything is still read.
        var text = "time\n"
        for k in 0..<30_000 { text += "\(k)\n" }
        let path = temporaryFile(Array(text.utf8))
        defer { unlink(path) }
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        let bytes = try CSVTable.readToEnd(fd: fd, sizeHint: 100, name: path)
        #expect(bytes == Array(text.utf8))
    }
}
