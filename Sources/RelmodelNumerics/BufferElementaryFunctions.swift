#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scalar libm entry points under names that the members of `BufferElementaryFunctions` (also called
/// `exp` and `log`) do not shadow.
@inline(__always) private func libmExp(_ x: Double) -> Double { exp(x) }
@inline(__always) private func libmLog(_ x: Double) -> Double { log(x) }

public enum BufferElementaryFunctions: Sendable {
    public static func exp(_ x: UnsafeMutableBufferPointer<Double>) {
        guard let base = x.baseAddress else { return }
        let n = x.count
        var i = 0
        while i &+ 4 <= n {
            let raw = UnsafeMutableRawPointer(base + i)
            let v = raw.loadUnaligned(as: SIMD4<Double>.self)
            if allLanes((v .>= ExpKernel.lowerBound) .& (v .<= ExpKernel.upperBound)) {
                raw.storeBytes(of: ExpKernel.evaluate(v), as: SIMD4<Double>.self)
            } else {
                scalarExp(base + i, 4)
            }
            i &+= 4
        }
        scalarExp(base + i, n &- i)
    }

    public static func log(_ x: UnsafeMutableBufferPointer<Double>) {
        guard let base = x.baseAddress else { return }
        let n = x.count
        var i = 0
        while i &+ 4 <= n {
            let raw = UnsafeMutableRawPointer(base + i)
            let v = raw.loadUnaligned(as: SIMD4<Double>.self)
            if allLanes((v .>= LogKernel.smallestNormal) .& (v .<= LogKernel.largestFinite)) {
                raw.storeBytes(of: LogKernel.evaluate(v), as: SIMD4<Double>.self)
            } else {
                scalarLog(base + i, 4)
            }
            i &+= 4
        }
        scalarLog(base + i, n &- i)
    }

    public static func exp(_ x: inout [Double]) {
        x.withUnsafeMutableBufferPointer { exp($0) }
    }

    public static func log(_ x: inout [Double]) {
        x.withUnsafeMutableBufferPointer { log($0) }
    }

    @inline(__always)
    private static func allLanes(_ mask: SIMDMask<SIMD4<Int64>>) -> Bool {
        let m = unsafeBitCast(mask, to: SIMD4<Int64>.self)
        return (m.x & m.y & m.z & m.w) != 0
    }

    @inline(never)
    private static func scalarExp(_ p: UnsafeMutablePointer<Double>, _ count: Int) {
        for j in 0..<count { p[j] = libmExp(p[j]) }
    }

    @inline(never)
    private static func scalarLog(_ p: UnsafeMutablePointer<Double>, _ count: Int) {
        for j in 0..<count { p[j] = libmLog(p[j]) }
    }
}

enum ExpKernel {
    static let lowerBound: Double = -708
    static let upperBound: Double = 709
    static let inverseLn2: Double = 0x1.71547652b82fep0
    static let ln2Hi: Double = 0x1.62e42feep-1
    static let ln2Lo: Double = 0x1.a39ef35793c76p-33
    static let shifter: Double = 0x1.8p52
    static let c2: Double = 0x1.0000000000001p-1
    static let c3: Double = 0x1.5555555555556p-3
    static let c4: Double = 0x1.5555555553d63p-5
    static let c5: Double = 0x1.11111111109b3p-7
    static let c6: Double = 0x1.6c16c1788bd90p-10
    static let c7: Double = 0x1.a01a01a7c41d5p-13
    static let c8: Double = 0x1.a019b90d2ae7ap-16
    static let c9: Double = 0x1.71de0dae63bb3p-19
    static let c10: Double = 0x1.289185613a3d6p-22
    static let c11: Double = 0x1.af38a9b0ec855p-26

    @inline(__always)
    static func evaluate(_ x: SIMD4<Double>) -> SIMD4<Double> {
        let kd = x * inverseLn2 + shifter
        let k = kd - shifter
        let r = (x - k * ln2Hi) - k * ln2Lo
        let r2 = r * r
        var even = c10 * r2 + c8
        var odd = c11 * r2 + c9
        even = even * r2 + c6
        odd = odd * r2 + c7
        even = even * r2 + c4
        odd = odd * r2 + c5
        even = even * r2 + c2
        odd = odd * r2 + c3
        let q = even + r * odd
        let p = 1 + (r + r2 * q)
        let pBits = unsafeBitCast(p, to: SIMD4<UInt64>.self)
        let kShifted = unsafeBitCast(kd, to: SIMD4<UInt64>.self) &<< 52
        return unsafeBitCast(pBits &+ kShifted, to: SIMD4<Double>.self)
    }
}

enum LogKernel {
    static let smallestNormal: Double = 0x1p-1022
    static let largestFinite: Double = 0x1.fffffffffffffp1023
    static let ln2Hi: Double = 0x1.62e42feep-1
    static let ln2Lo: Double = 0x1.a39ef35793c76p-33
    static let h0: Double = 0x1.5555555555558p-1
    static let h1: Double = 0x1.99999999952d7p-2
    static let h2: Double = 0x1.2492492df281ap-2
    static let h3: Double = 0x1.c71c62e3f11e6p-3
    static let h4: Double = 0x1.7462b51cb66b1p-3
    static let h5: Double = 0x1.39fe51a7c18f9p-3
    static let h6: Double = 0x1.2b5900de53b32p-3

    @inline(__always)
    static func evaluate(_ x: SIMD4<Double>) -> SIMD4<Double> {
        let u = unsafeBitCast(x, to: SIMD4<UInt64>.self)
        let t = u &- 0x3FE6_A09E_667F_3BCD &+ 0x3FF0_0000_0000_0000
        let m = unsafeBitCast((t & 0x000F_FFFF_FFFF_FFFF) &+ 0x3FE6_A09E_667F_3BCD, to: SIMD4<Double>.self)
        let biasedE = t &>> 52
        let dk = unsafeBitCast(biasedE | 0x4330_0000_0000_0000, to: SIMD4<Double>.self) - 0x1.00000000003ffp52
        let f = m - 1
        let s = f / (2 + f)
        let z = s * s
        let z2 = z * z
        let h01 = h0 + h1 * z
        let h23 = h2 + h3 * z
        let h456 = (h4 + h5 * z) + h6 * z2
        let rr = z * (h01 + z2 * (h23 + z2 * h456))
        return dk * ln2Hi - ((s * (f - rr) - dk * ln2Lo) - f)
    }
}
