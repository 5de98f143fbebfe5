#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics
import Synchronization

/// A progress line on standard error for long jobs, drawn only when standard error is a terminal, so
/// that pipelines and redirected output see nothing extra. Redrawn at most ten times a second, and
/// erased when the job ends.
final class TerminalProgress: Sendable {
    let reporter: ProgressReporter
    private let state: DrawState

    /// When the line was last drawn, and whether it was ever drawn (shared with the reporter's observer).
    private final class DrawState: Sendable {
        let value = Mutex<(lastDrawn: Double, drawn: Bool)>((0, false))
    }

    /// A progress line for `label`, or nil when standard error is not a terminal.
    static func start(_ label: String) -> TerminalProgress? {
        isatty(2) != 0 ? TerminalProgress(label: label) : nil
    }

    private init(label: String) {
        let state = DrawState()
        self.state = state
        reporter = ProgressReporter(label: label) { label, done, expected in
            let now = TerminalProgress.seconds()
            // Drawn under the lock, so that lines from parallel tasks never interleave.
            state.value.withLock { s in
                guard now - s.lastDrawn >= 0.1 || done == expected else { return }
                s = (now, true)
                let percent = expected > 0 ? " (\(min(100, 100 * done / expected)) %)" : ""
                TerminalProgress.emit("\r\u{1B}[K\(label): \(done) of \(expected)\(percent)")
            }
        }
    }

    /// Erases the line, if one was drawn.
    func finish() {
        if state.value.withLock({ $0.drawn }) { Self.emit("\r\u{1B}[K") }
    }

    /// Writes to standard error unbuffered.
    private static func emit(_ text: String) {
        var line = text
        line.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
    }

    private static func seconds() -> Double { ComputationBudget.now() }
}
