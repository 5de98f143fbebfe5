import LinearAlgebra

/// Fixed-seed 64-bit linear congruential generator (Knuth's MMIX constants), so that the "random"
/// matrices in these tests are the same on every run and platform.
struct LCG {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    /// Uniform in [-1, 1), from the top 53 bits of the state.
    mutating func next() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / Double(UInt64(1) << 53) * 2 - 1
    }

    mutating func matrix(rows: Int, columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns, columnMajor: (0..<(rows * columns)).map { _ in next() })
    }
}

/// The largest absolute element-wise difference; infinity if the shapes differ.
func maxAbsDifference(_ a: Matrix, _ b: Matrix) -> Double {
    guard a.rows == b.rows, a.columns == b.columns else { return .infinity }
    return maxAbsDifference(a.storage, b.storage)
}

/// The largest absolute element-wise difference; infinity if the counts differ.
func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count == b.count else { return .infinity }
    return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

/// A symmetric positive definite matrix BᵀB + I with B from the fixed-seed generator.
func randomSPD(_ n: Int, seed: UInt64) -> Matrix {
    var generator = LCG(seed: seed)
    let b = generator.matrix(rows: n, columns: n)
    var a = try! b.transposed * b   // square: conformable
    for i in 0..<n { a[i, i] += 1 }
    return a
}
