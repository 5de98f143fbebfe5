#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import RelmodelNumerics

// The reference is the platform's scalar libm (glibc on Linux), which is what the buffer functions fall
// back to. The contract checked throughout: elements in a group of four with a lane outside the vector
// path's domain, and the last count % 4 elements, are libm's results bit for bit; all other elements
// are within 2 eps relative of libm's (the vector path is within about 1 ulp of the exact result).
@Suite struct BufferElementaryFunctionsTests {
    static let eps = 2.220446049250313e-16
    static let tolerance = 2 * eps

    /// libm's scalar functions (the enum's members would shadow the unqualified names inside a closure
    /// that mentions them).
    static func libmExp(_ x: Double) -> Double { exp(x) }
    static func libmLog(_ x: Double) -> Double { log(x) }

    /// The vector path's domains: |x| < 708 for exp, positive normal finite x for log.
    static func expVectorDomain(_ x: Double) -> Bool { abs(x) < 708 }
    static func logVectorDomain(_ x: Double) -> Bool { x >= 0x1p-1022 && x <= Double.greatestFiniteMagnitude }

    static func applyExp(_ input: [Double]) -> [Double] {
        var y = input
        BufferElementaryFunctions.exp(&y)
        return y
    }

    static func applyLog(_ input: [Double]) -> [Double] {
        var y = input
        BufferElementaryFunctions.log(&y)
        return y
    }

    /// Same value, or both NaN.
    static func identical(_ a: Double, _ b: Double) -> Bool {
        a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
    }

    /// Largest |output - libm(input)| / |libm(input)| over the buffer (0 where both are 0).
    static func maxRelativeError(_ input: [Double], _ output: [Double], _ libm: (Double) -> Double) -> Double {
        var worst = 0.0
        for (x, y) in zip(input, output) {
            let expected = libm(x)
            let error = expected == 0 ? (y == 0 ? 0 : .infinity) : abs(y - expected) / abs(expected)
            worst = max(worst, error.isNaN ? .infinity : error)
        }
        return worst
    }

    /// Checks `output` against libm element by element under the contract above.
    static func expectContract(_ input: [Double], _ output: [Double], _ libm: (Double) -> Double,
                               inDomain: (Double) -> Bool, _ label: String,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(output.count == input.count, sourceLocation: sourceLocation)
        let vectorEnd = input.count - input.count % 4
        var failures = 0
        for i in input.indices {
            let group = i < vectorEnd ? (i / 4 * 4)..<(i / 4 * 4 + 4) : i..<(i + 1)
            let expected = libm(input[i])
            let scalar = !group.allSatisfy { inDomain(input[$0]) }
            let ok = scalar
                ? identical(output[i], expected)
                : abs(output[i] - expected) <= tolerance * abs(expected)
            if !ok && failures < 5 {
                failures += 1
                let path = scalar ? "scalar path, must be identical" : "vector path"
                Issue.record("\(label)[\(i)] of \(input[i]): got \(output[i]), libm \(expected) (\(path))",
                             sourceLocation: sourceLocation)
            }
        }
    }

    // MARK: Accuracy

    @Test func expAccuracy() {
        var generator = Xoshiro256StarStar(seed: 20_240_601)
        let wide = (0..<200_000).map { _ in -708 + 1417 * RandomVariates.uniform01(using: &generator) }
        let unit = (0..<100_000).map { _ in -1 + 2 * RandomVariates.uniform01(using: &generator) }
        // Near the reduction's boundaries, where |r| is largest: (j + 1/2) ln 2 for integer j.
        let edges = (0..<50_000).map { _ in
            let j = Double(Int(generator.next() % 2040) - 1020)
            return (j + 0.5) * 0.6931471805599453 + 1e-9 * (RandomVariates.uniform01(using: &generator) - 0.5)
        }
        for (label, input) in [("[-708, 709]", wide), ("[-1, 1]", unit), ("k boundaries", edges)] {
            let error = Self.maxRelativeError(input, Self.applyExp(input), Self.libmExp)
            #expect(error <= Self.tolerance, "exp on \(label): max relative error \(error / Self.eps) eps")
        }
    }

    @Test func logAccuracy() {
        var generator = Xoshiro256StarStar(seed: 31_415)
        // Uniformly random exponents and significands over the positive normal doubles.
        let normals = (0..<200_000).map { _ in
            Double(bitPattern: (generator.next() % 2046 + 1) << 52 | generator.next() >> 12)
        }
        let nearOne = (0..<50_000).map { _ in 1 + 2e-8 * (RandomVariates.uniform01(using: &generator) - 0.5) }
        let halfToTwo = (0..<100_000).map { _ in 0.5 + 1.5 * RandomVariates.uniform01(using: &generator) }
        // Around sqrt(1/2) 2^j, where the reduced m switches ends and e ln 2 + log m cancels most.
        let edges = (0..<50_000).map { _ in
            let m = 0.7 + 0.0142 * RandomVariates.uniform01(using: &generator)
            return Double(sign: .plus, exponent: Int(generator.next() % 8) - 4, significand: m)
        }
        for (label, input) in [("normals", normals), ("1 +- 1e-8", nearOne), ("[0.5, 2]", halfToTwo),
                               ("sqrt(1/2) 2^j", edges)] {
            let error = Self.maxRelativeError(input, Self.applyLog(input), Self.libmLog)
            #expect(error <= Self.tolerance, "log on \(label): max relative error \(error / Self.eps) eps")
        }
        #expect(Self.applyLog([1, 1, 1, 1]).allSatisfy { $0.bitPattern == 0 })
        #expect(Self.applyExp([0, -0.0, 0, -0.0]) == [1, 1, 1, 1])
    }

    @Test func roundTrip() {
        var generator = Xoshiro256StarStar(seed: 99)
        // exp(log x) = x (1 + d) with |d| <= |log x| eps from the rounding of log x, plus exp's own error,
        // so the tolerance is 4 eps where |log x| <= 1.4 and (2.6 + |log x|) eps beyond.
        let moderate = (0..<100_000).map { _ in 0.25 + 3.75 * RandomVariates.uniform01(using: &generator) }
        let normals = (0..<100_000).map { _ in
            Double(bitPattern: (generator.next() % 2046 + 1) << 52 | generator.next() >> 12)
        }
        for (label, input) in [("[0.25, 4]", moderate), ("normals", normals)] {
            var y = input
            BufferElementaryFunctions.log(&y)
            let logs = y
            BufferElementaryFunctions.exp(&y)
            var worst = 0.0
            for i in input.indices {
                let allowed = (4 + max(0, abs(logs[i]) - 1.4)) * Self.eps
                worst = max(worst, abs(y[i] - input[i]) / input[i] / allowed)
            }
            #expect(worst <= 1, "exp(log x) on \(label): worst error / allowed = \(worst)")
        }
    }

    // MARK: Special values, groups, tails

    static let expSpecials: [Double] = [
        .nan, -.nan, .infinity, -.infinity, 710, 709.8, 800, 1e308, -746, -745.2, -720, -708.5, -800,
        -1e308, 708, -708, 709.7,
    ]
    static let logSpecials: [Double] = [
        0, -0.0, -1, -0x1p-1074, -.infinity, .infinity, .nan, -.nan, 0x1p-1074, Double.leastNormalMagnitude.nextDown,
        0x1p-1030, -1e300, -Double.leastNormalMagnitude,
    ]

    @Test func specialValuesAreLibmsBitForBit() {
        // Each special value in every lane of a group of otherwise ordinary values, alone in a group of
        // specials, and in the tail.
        let expOrdinary: [Double] = [-3.5, 0.25, 12, -600]
        let logOrdinary: [Double] = [0.3, 2.5, 1e-300, 7e300]
        for (specials, ordinary, libm, domain, apply, name) in [
            (Self.expSpecials, expOrdinary, Self.libmExp, Self.expVectorDomain, Self.applyExp, "exp"),
            (Self.logSpecials, logOrdinary, Self.libmLog, Self.logVectorDomain, Self.applyLog, "log"),
        ] as [([Double], [Double], (Double) -> Double, (Double) -> Bool, ([Double]) -> [Double], String)] {
            var input: [Double] = []
            for s in specials {
                for lane in 0..<4 {
                    var group = ordinary
                    group[lane] = s
                    input += group
                }
            }
            input += specials
            for s in specials { input.append(s) }
            let output = apply(input)
            Self.expectContract(input, output, libm, inDomain: domain, name)
            for (x, y) in zip(input, output) where !domain(x) {
                #expect(Self.identical(y, libm(x)), "\(name)(\(x)) = \(y), libm \(libm(x))")
            }
        }
        // exp(+-0) and exp of subnormals go through the vector path and are exactly 1, like libm's.
        let tiny: [Double] = [0, -0.0, 0x1p-1074, -0x1p-1074, 0x1p-1030, -0x1p-1030, 0x1p-1022, -0x1p-1022]
        let tinyOut = Self.applyExp(tiny)
        for (x, y) in zip(tiny, tinyOut) {
            #expect(y.bitPattern == Self.libmExp(x).bitPattern, "exp(\(x)) = \(y)")
        }
        // Spot checks of libm's results themselves, as documented.
        let e = Self.applyExp([.nan, .infinity, -.infinity, 710, -746, -740, 1, 2])
        #expect(e[0].isNaN && e[1] == .infinity && e[2] == 0 && e[3] == .infinity && e[4] == 0)
        #expect(e[5] > 0 && e[5] < Double.leastNormalMagnitude)
        let l = Self.applyLog([0, -0.0, -1, .infinity, .nan, -.infinity, 0x1p-1074, 1])
        #expect(l[0] == -.infinity && l[1] == -.infinity && l[2].isNaN && l[3] == .infinity)
        #expect(l[4].isNaN && l[5].isNaN && abs(l[6] + 744.4400719213812) < 1e-12 && l[7] == 0)
    }

    @Test func lengthsAndTails() {
        var generator = Xoshiro256StarStar(seed: 5)
        for n in [0, 1, 3, 4, 5, 7, 8, 1001] {
            let expInput = (0..<n).map { _ in -50 + 100 * RandomVariates.uniform01(using: &generator) }
            Self.expectContract(expInput, Self.applyExp(expInput), Self.libmExp,
                                inDomain: Self.expVectorDomain, "exp n = \(n)")
            let logInput = (0..<n).map { _ in
                Double(sign: .plus, exponent: Int(generator.next() % 200) - 100,
                       significand: 1 + RandomVariates.uniform01(using: &generator))
            }
            Self.expectContract(logInput, Self.applyLog(logInput), Self.libmLog,
                                inDomain: Self.logVectorDomain, "log n = \(n)")
        }
        // An empty buffer with no base address.
        BufferElementaryFunctions.exp(UnsafeMutableBufferPointer<Double>(start: nil, count: 0))
        BufferElementaryFunctions.log(UnsafeMutableBufferPointer<Double>(start: nil, count: 0))
    }

    @Test func unalignedSlicesLeaveNeighboursAlone() {
        var generator = Xoshiro256StarStar(seed: 11)
        let input = (0..<64).map { _ in 0.1 + 10 * RandomVariates.uniform01(using: &generator) }
        for start in 0..<5 {
            for end in [start, start + 3, start + 9, 61, 64] where end >= start {
                var expBuffer = input
                var logBuffer = input
                expBuffer.withUnsafeMutableBufferPointer {
                    BufferElementaryFunctions.exp(UnsafeMutableBufferPointer(rebasing: $0[start..<end]))
                }
                logBuffer.withUnsafeMutableBufferPointer {
                    BufferElementaryFunctions.log(UnsafeMutableBufferPointer(rebasing: $0[start..<end]))
                }
                #expect(Array(expBuffer[..<start]) == Array(input[..<start]))
                #expect(Array(expBuffer[end...]) == Array(input[end...]))
                #expect(Array(logBuffer[..<start]) == Array(input[..<start]))
                #expect(Array(logBuffer[end...]) == Array(input[end...]))
                let slice = Array(input[start..<end])
                Self.expectContract(slice, Array(expBuffer[start..<end]), Self.libmExp,
                                    inDomain: Self.expVectorDomain, "exp slice \(start)..<\(end)")
                Self.expectContract(slice, Array(logBuffer[start..<end]), Self.libmLog,
                                    inDomain: Self.logVectorDomain, "log slice \(start)..<\(end)")
            }
        }
    }

    @Test func mixedGroups() {
        // Ordinary and special values interleaved at random, so that vector groups, scalar groups and
        // groups with one to four special lanes all occur.
        var generator = Xoshiro256StarStar(seed: 2_718)
        var expInput: [Double] = []
        var logInput: [Double] = []
        for _ in 0..<4003 {
            let special = generator.next() % 8 == 0
            if special {
                expInput.append(Self.expSpecials[Int(generator.next() % UInt64(Self.expSpecials.count))])
                logInput.append(Self.logSpecials[Int(generator.next() % UInt64(Self.logSpecials.count))])
            } else {
                expInput.append(-700 + 1400 * RandomVariates.uniform01(using: &generator))
                logInput.append(Double(bitPattern: (generator.next() % 2046 + 1) << 52 | generator.next() >> 12))
            }
        }
        let expOutput = Self.applyExp(expInput)
        let logOutput = Self.applyLog(logInput)
        Self.expectContract(expInput, expOutput, Self.libmExp, inDomain: Self.expVectorDomain, "exp mixed")
        Self.expectContract(logInput, logOutput, Self.libmLog, inDomain: Self.logVectorDomain, "log mixed")
        // Both paths did occur.
        let groups = 4003 / 4
        let scalarExpGroups = (0..<groups).filter { g in
            !(0..<4).allSatisfy { Self.expVectorDomain(expInput[4 * g + $0]) }
        }.count
        #expect(scalarExpGroups > 100 && scalarExpGroups < groups - 100)
        // The buffer and array entry points agree.
        var viaBuffer = expInput
        viaBuffer.withUnsafeMutableBufferPointer { BufferElementaryFunctions.exp($0) }
        #expect(zip(viaBuffer, expOutput).allSatisfy { Self.identical($0, $1) })
    }
}
