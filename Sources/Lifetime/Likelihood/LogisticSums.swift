import RelmodelNumerics

/// The log-logistic likelihood's per-observation sums, vectorised: the fast path of
/// `LocationScaleLikelihood.evaluate` for the logistic Z on exact and right-censored entries.
///
/// Every term needs e = exp(-|z|) and log1p(e): F and S are 1/(1 + e) and e/(1 + e) in the order
/// the sign of z says, log f = -|z| - 2 log1p(e), log S = -(max(z, 0) + log1p(e)). Both functions are
/// taken a block at a time through `BufferElementaryFunctions` (log1p(e) as log(u) - ((u - 1) - e)/u
/// with u = 1 + e, which corrects the rounding of u and keeps the relative accuracy of log1p for
/// small e), then the sums are accumulated in a loop without calls.
enum LogisticSums {
    /// Sums of w l, w l', w l' z, w l'', w l'' z, w l'' z^2 (see `LocationScaleLikelihood`).
    struct Sums {
        var value = 0.0, a = 0.0, b = 0.0, c = 0.0, d = 0.0, e = 0.0
    }

    static let blockSize = 256

    /// Adds the terms of entries y with weights w: log densities (exact failures) when `density`,
    /// else log survivals (right-censored units).
    /// - Complexity: O(n); one vectorised exp and log per entry.
    static func add(_ y: [Double], _ w: [Double], mu: Double, inverseScale: Double, density: Bool, to sums: inout Sums) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * blockSize) { scratch in
            let z = UnsafeMutableBufferPointer(rebasing: scratch[0..<blockSize])
            let e = UnsafeMutableBufferPointer(rebasing: scratch[blockSize..<(2 * blockSize)])
            let l = UnsafeMutableBufferPointer(rebasing: scratch[(2 * blockSize)...])
            y.withUnsafeBufferPointer { y in
                w.withUnsafeBufferPointer { w in
                    var start = 0
                    while start < y.count {
                        let count = min(blockSize, y.count - start)
                        for i in 0..<count {
                            z[i] = (y[start + i] - mu) * inverseScale
                            e[i] = -abs(z[i])
                        }
                        BufferElementaryFunctions.exp(UnsafeMutableBufferPointer(rebasing: e[0..<count]))
                        for i in 0..<count { l[i] = 1 + e[i] }
                        BufferElementaryFunctions.log(UnsafeMutableBufferPointer(rebasing: l[0..<count]))
                        let block = accumulate(UnsafeBufferPointer(rebasing: w[start..<(start + count)]),
                                               UnsafeBufferPointer(rebasing: z[0..<count]),
                                               UnsafeBufferPointer(rebasing: e[0..<count]),
                                               UnsafeBufferPointer(rebasing: l[0..<count]), density: density)
                        sums.value += block.value; sums.a += block.a; sums.b += block.b
                        sums.c += block.c; sums.d += block.d; sums.e += block.e
                        start += count
                    }
                }
            }
        }
    }

    /// One block's sums; l holds log(1 + e), corrected here to log1p(e).
    @inline(never)
    private static func accumulate(_ w: UnsafeBufferPointer<Double>, _ z: UnsafeBufferPointer<Double>,
                                   _ e: UnsafeBufferPointer<Double>, _ l: UnsafeBufferPointer<Double>,
                                   density: Bool) -> Sums {
        var s = Sums()
        for i in 0..<w.count {
            let zi = z[i], ei = e[i], u = 1 + ei
            let log1pE = l[i] - ((u - 1) - ei) / u
            let near = 1 / u, far = ei * near                 // the larger and the smaller of F and S
            let f = zi >= 0 ? near : far, sv = zi >= 0 ? far : near
            let value: Double, first: Double, second: Double
            if density {
                value = -abs(zi) - 2 * log1pE; first = sv - f; second = -2 * f * sv
            } else {
                value = -(max(zi, 0) + log1pE); first = -f; second = -f * sv
            }
            let wi = w[i], wl1 = wi * first, wl2 = wi * second
            s.value += wi * value
            s.a += wl1; s.b += wl1 * zi
            s.c += wl2; s.d += wl2 * zi; s.e += wl2 * zi * zi
        }
        return s
    }
}
