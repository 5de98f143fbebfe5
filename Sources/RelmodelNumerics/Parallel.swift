import Dispatch

/// Work spread over every core with results in a fixed order.
public enum Parallel {
    /// `body(0)`, ..., `body(count - 1)` computed concurrently (`DispatchQueue.concurrentPerform`), returned
    /// in index order. Each task writes only its own slot, so no lock is needed, and a body that
    /// depends only on its index (for example a generator seeded from it) gives results identical to a
    /// serial loop, whatever the scheduling.
    /// - Complexity: count calls of `body`, spread over the available cores.
    public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer { slots.deinitialize().deallocate() }
        nonisolated(unsafe) let shared = slots
        DispatchQueue.concurrentPerform(iterations: count) { i in shared[i] = body(i) }
        return slots.map { $0! }
    }
}
