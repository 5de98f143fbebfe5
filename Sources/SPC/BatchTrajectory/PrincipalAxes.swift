#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra

/// Singular values and right singular vectors (principal axes) of a scaled, unfolded batch matrix X
/// (I batches x J·K columns, row-major).
///
/// Batch data are short and wide: tens of batches, thousands of columns. For I <= J·K the axes come
/// from the I x I Gram matrix G = X Xᵀ: its eigenvalues are the squared singular values and, for an
/// eigenvector u_a with sigma_a > 0, p_a = Xᵀ u_a / sigma_a is the a-th axis. Forming G costs
/// I²·J·K/2 multiply-adds in a vectorised loop and its eigendecomposition (LAPACK `dsyev`) O(I³),
/// against O(I²·J·K) of bidiagonalisation for the thin SVD, whose reference-BLAS level-2 kernels made
/// it four times slower at I = 53, J·K = 1000. The price is squaring: an eigenvalue of G is known to
/// about eps·sigma_1², so singular values below sqrt(max(I, J·K)·eps)·sigma_1 (about 5e-7 sigma_1 at
/// J·K = 1000) count as zero for the rank, and the small ones are known to about that absolute
/// accuracy; the leading axes, which the model uses, are accurate to rounding relative to their gaps.
/// When I > J·K the thin SVD of Xᵀ (LAPACK `dgesdd`) is used directly.
struct PrincipalAxes {
    /// All min(I, J·K) singular values, descending.
    let singularValues: [Double]
    /// Singular values above this count towards the rank.
    let rankTolerance: Double
    /// The first axes, J·K values each, column-major (axis a at a·J·K).
    private let axes: (Int) -> [Double]

    /// - Complexity: O(I²·J·K + I³) for I <= J·K.
    init(rowMajor x: [Double], rows n: Int, columns width: Int) throws(LinearAlgebraError) {
        if n > width {
            let svd = try Matrix(rows: width, columns: n, columnMajor: x).singularValueDecomposition()
            singularValues = svd.singularValues
            rankTolerance = Double(max(n, width)) * Double.ulpOfOne * (svd.singularValues.first ?? 0)
            let u = svd.u.storage
            axes = { count in Array(u[0..<(count * width)]) }
            return
        }
        var gram = Matrix(rows: n, columns: n)
        x.withUnsafeBufferPointer { x in
            for i in 0..<n {
                for k in 0...i {
                    gram[i, k] = Self.dot(x, i * width, k * width, width)
                }
            }
        }
        let (values, vectors) = try gram.symmetricEigen(vectors: true)
        let sigma = values.reversed().map { max($0, 0).squareRoot() }
        singularValues = sigma
        rankTolerance = (Double(max(n, width)) * Double.ulpOfOne).squareRoot() * (sigma.first ?? 0)
        let u = vectors!.storage
        axes = { count in
            var p = [Double](repeating: 0, count: count * width)
            x.withUnsafeBufferPointer { x in
                for a in 0..<count {
                    let column = n - 1 - a                    // dsyev's order is ascending
                    let scale = 1 / sigma[a]
                    for i in 0..<n {
                        let weight = u[i + column * n] * scale
                        for c in 0..<width { p[a * width + c] += weight * x[i * width + c] }
                    }
                }
            }
            return p
        }
    }

    /// The first `count` axes (count < rank), column-major, each of length J·K.
    func leadingAxes(_ count: Int) -> [Double] { axes(count) }

    /// x[a ..< a + n] · x[b ..< b + n], four lanes at a time.
    private static func dot(_ x: UnsafeBufferPointer<Double>, _ a: Int, _ b: Int, _ n: Int) -> Double {
        var sum = SIMD4<Double>()
        var c = 0
        while c + 4 <= n {
            let u = SIMD4<Double>(x[a + c], x[a + c + 1], x[a + c + 2], x[a + c + 3])
            let v = SIMD4<Double>(x[b + c], x[b + c + 1], x[b + c + 2], x[b + c + 3])
            sum += u * v
            c += 4
        }
        var total = sum.sum()
        while c < n { total += x[a + c] * x[b + c]; c += 1 }
        return total
    }
}
