/// Sorting of (time, count) pairs by time for the empirical estimates.
///
/// Lifetimes are finite and non-negative, and for non-negative IEEE doubles the order of the bit
/// patterns is the order of the numbers, so a least-significant-digit radix sort on the 64-bit
/// patterns (four passes of 16 bits) sorts them stably in O(n), several times faster than a
/// comparison sort on 100,000 values. Negative times (possible for normal-family data read from other
/// sources) fall back to the standard library's stable sort.
enum TimeSort {
    /// - Complexity: O(n) when every time is >= 0; O(n log n) otherwise.
    static func sortedPairs(_ times: [Double], _ counts: [Double]) -> [(time: Double, count: Double)] {
        var pairs = Array(zip(times, counts)).map { (time: $0.0, count: $0.1) }
        var ascending = true, nonNegative = true
        for k in pairs.indices {
            if pairs[k].time < 0 || pairs[k].time.isNaN { nonNegative = false }
            if k > 0 && pairs[k].time < pairs[k - 1].time { ascending = false }
        }
        if ascending { return pairs }
        guard nonNegative, pairs.count > 64 else {
            pairs.sort { $0.time < $1.time }
            return pairs
        }
        var keys = pairs.map { ($0.time + 0).bitPattern }   // + 0 turns -0 into +0
        var order = Array(0..<pairs.count)
        var nextKeys = keys, nextOrder = order
        var histogram = [Int](repeating: 0, count: 1 << 16)
        for pass in 0..<4 {
            let shift = UInt64(16 * pass)
            for k in histogram.indices { histogram[k] = 0 }
            for key in keys { histogram[Int((key >> shift) & 0xFFFF)] += 1 }
            if histogram.contains(keys.count) { continue }   // every key has the same digit: nothing to do
            var start = 0
            for k in histogram.indices { let c = histogram[k]; histogram[k] = start; start += c }
            for i in keys.indices {
                let digit = Int((keys[i] >> shift) & 0xFFFF)
                let position = histogram[digit]
                histogram[digit] += 1
                nextKeys[position] = keys[i]
                nextOrder[position] = order[i]
            }
            swap(&keys, &nextKeys)
            swap(&order, &nextOrder)
        }
        return order.map { pairs[$0] }
    }
}
