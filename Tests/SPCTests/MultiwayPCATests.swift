import Testing
import Ingest
import LinearAlgebra
import RelmodelNumerics
@testable import SPC
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Multiway PCA batch monitoring against an independent computation written here (unfolding,
/// autoscaling and the covariance eigenvectors by power iteration with deflation), exact identities,
/// published quantile table values and closed forms of the limits, a seeded simulation with a fault,
/// and the degenerate inputs.
@Suite("Multiway PCA batch monitoring")
struct MultiwayPCATests {
    // MARK: Seeded data

    /// trajectories[batch][time][variable]: two latent batch factors b1, b2 with smooth profiles, plus
    /// white noise of sd `noise`; `drift` adds (k - K/2)/(K/2)·drift to variable `driftVariable` in the
    /// second half of batch `faulty`.
    static func simulate(batches: Int, variables: Int, times: Int, seed: UInt64, noise: Double = 0.3,
                         faulty: Int? = nil, driftVariable: Int = 1, drift: Double = 0) -> [[[Double]]] {
        var g = Xoshiro256StarStar(seed: seed)
        return (0..<batches).map { i in
            let b1 = RandomVariates.standardNormal(using: &g), b2 = RandomVariates.standardNormal(using: &g)
            return (0..<times).map { k in
                let s = Double(k) / Double(times - 1)
                return (0..<variables).map { j in
                    let mean = Double(j + 1) * (1 - exp(-3 * s)) + 0.5 * sin(Double.pi * s * Double(j + 1))
                    let shape1 = (1 + Double(j)) * s, shape2 = cos(Double.pi * s) * (j % 2 == 0 ? 1 : -1)
                    var x = mean + b1 * shape1 + 0.6 * b2 * shape2 + noise * RandomVariates.standardNormal(using: &g)
                    if i == faulty, j == driftVariable, 2 * k >= times {
                        x += drift * Double(2 * k - times) / Double(times)
                    }
                    return x
                }
            }
        }
    }

    // MARK: Independent computation

    /// Unfolds (column k·J + j), autoscales (divisor I - 1) with explicit loops over the nested data.
    static func scaledUnfolded(_ trajectories: [[[Double]]]) -> (x: [[Double]], means: [Double], sds: [Double]) {
        let i = trajectories.count, k = trajectories[0].count, j = trajectories[0][0].count
        var rows = [[Double]](repeating: [Double](repeating: 0, count: j * k), count: i)
        for b in 0..<i { for t in 0..<k { for v in 0..<j { rows[b][t * j + v] = trajectories[b][t][v] } } }
        var means = [Double](repeating: 0, count: j * k), sds = means
        for c in 0..<(j * k) {
            means[c] = rows.reduce(0) { $0 + $1[c] } / Double(i)
            sds[c] = (rows.reduce(0) { $0 + ($1[c] - means[c]) * ($1[c] - means[c]) } / Double(i - 1)).squareRoot()
            for b in 0..<i { rows[b][c] = (rows[b][c] - means[c]) / sds[c] }
        }
        return (rows, means, sds)
    }

    /// Leading `count` eigenpairs of the symmetric matrix c by power iteration with deflation.
    static func powerIteration(_ c: [[Double]], count: Int) -> (values: [Double], vectors: [[Double]]) {
        let n = c.count
        var m = c
        var values: [Double] = [], vectors: [[Double]] = []
        for a in 0..<count {
            var v = (0..<n).map { 1 + 0.01 * Double(($0 * 7 + a) % 11) }
            var lambda = 0.0
            for _ in 0..<200_000 {
                var w = (0..<n).map { r in (0..<n).reduce(0) { $0 + m[r][$1] * v[$1] } }
                let norm = w.reduce(0) { $0 + $1 * $1 }.squareRoot()
                w = w.map { $0 / norm }
                let change = zip(w, v).reduce(0) { max($0, abs($1.0 - $1.1)) }
                v = w
                lambda = norm
                if change < 1e-15 { break }
            }
            values.append(lambda)
            vectors.append(v)
            for r in 0..<n { for s in 0..<n { m[r][s] -= lambda * v[r] * v[s] } }
        }
        return (values, vectors)
    }

    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-300) }

    @Test("Unfolding is time-major: column k·J + j")
    func unfoldingOrder() throws {
        let nested: [[[Double]]] = (0..<3).map { (i: Int) in (0..<4).map { (k: Int) in (0..<2).map { (j: Int) in Double(100 * i + 10 * k + j) } } }
        let data = try BatchTrajectoryData(trajectories: nested)
        let x = data.unfolded()
        #expect(x.rows == 3 && x.columns == 8)
        for i in 0..<3 { for k in 0..<4 { for j in 0..<2 {
            #expect(x[i, k * 2 + j] == Double(100 * i + 10 * k + j))
            #expect(data[batch: i, variable: j, time: k] == Double(100 * i + 10 * k + j))
            #expect(data.unfoldedColumn(variable: j, time: k) == k * 2 + j)
        } } }
    }

    /// 12 batches x 15 columns goes through the Gram matrix, 30 batches x 10 columns through the SVD.
    @Test("Fit equals the covariance eigenvectors by power iteration; T², SPE to 1e-9",
          arguments: [(12, 3, 5), (30, 2, 5)])
    func againstPowerIteration(shape: (batches: Int, variables: Int, times: Int)) throws {
        let nested = Self.simulate(batches: shape.batches, variables: shape.variables, times: shape.times, seed: 7)
        let a = 3
        let model = try MultiwayPCA(reference: BatchTrajectoryData(trajectories: nested), components: a)
        let (x, means, sds) = Self.scaledUnfolded(nested)
        let n = x.count, width = x[0].count
        for c in 0..<width {
            #expect(Self.relative(model.scaling.means[c], means[c]) < 1e-12)
            #expect(Self.relative(model.scaling.standardDeviations[c], sds[c]) < 1e-12)
        }
        // Covariance X'X/(I - 1) of the scaled data, its trace the total variance.
        var cov = [[Double]](repeating: [Double](repeating: 0, count: width), count: width)
        for r in 0..<width { for s in 0..<width { cov[r][s] = x.reduce(0) { $0 + $1[r] * $1[s] } / Double(n - 1) } }
        let trace = (0..<width).reduce(0) { $0 + cov[$1][$1] }
        #expect(abs(trace - Double(width)) < 1e-12)   // autoscaled: every column has variance 1
        let (values, vectors) = Self.powerIteration(cov, count: a)
        for c in 0..<a {
            #expect(Self.relative(model.scoreVariances[c], values[c]) < 1e-9, "s²_\(c + 1)")
            #expect(Self.relative(model.explainedVariance[c], values[c] / trace) < 1e-9, "explained \(c + 1)")
            for r in 0..<width {
                #expect(abs(abs(model.loadings[r, c]) - abs(vectors[c][r])) < 1e-9, "|p| \(r), \(c)")
            }
        }
        for i in 0..<n {
            let t = (0..<a).map { c in (0..<width).reduce(0) { $0 + x[i][$1] * vectors[c][$1] } }
            let t2 = (0..<a).reduce(0) { $0 + t[$1] * t[$1] / values[$1] }
            var spe = 0.0
            for r in 0..<width {
                let e = x[i][r] - (0..<a).reduce(0) { $0 + t[$1] * vectors[$1][r] }
                spe += e * e
            }
            #expect(Self.relative(model.reference[i].t2, t2) < 1e-9, "T² batch \(i + 1)")
            #expect(Self.relative(model.reference[i].spe, spe) < 1e-9, "SPE batch \(i + 1)")
            for c in 0..<a { #expect(abs(abs(model.reference[i].scores[c]) - abs(t[c])) < 1e-9 * max(1, abs(t[c]))) }
        }
    }

    @Test("Σ T² = A (I - 1) and ‖x‖² = ‖t‖² + SPE on the reference batches")
    func identities() throws {
        let nested = Self.simulate(batches: 20, variables: 2, times: 30, seed: 11)
        for a in 1...4 {
            let model = try MultiwayPCA(reference: BatchTrajectoryData(trajectories: nested), components: a)
            let sum = model.reference.reduce(0) { $0 + $1.t2 }
            #expect(Self.relative(sum, Double(a * 19)) < 1e-12, "A = \(a): Σ T² = \(sum)")
            let x = Self.scaledUnfolded(nested).x
            for (i, s) in model.reference.enumerated() {
                let norm = x[i].reduce(0) { $0 + $1 * $1 }
                let parts = s.scores.reduce(0) { $0 + $1 * $1 } + s.spe
                #expect(Self.relative(parts, norm) < 1e-12)
            }
            // Loadings orthonormal, scores uncorrelated with variances s_a².
            for c in 0..<a {
                for d in 0..<a {
                    let dot = (0..<model.loadings.rows).reduce(0) { $0 + model.loadings[$1, c] * model.loadings[$1, d] }
                    #expect(abs(dot - (c == d ? 1 : 0)) < 1e-12)
                    let cross = model.reference.reduce(0) { $0 + $1.scores[c] * $1.scores[d] } / 19
                    #expect(abs(cross - (c == d ? model.scoreVariances[c] : 0)) < 1e-9 * model.scoreVariances[0])
                }
            }
        }
    }

    // MARK: Limits

    @Test("T² limits: phase II A = 2, I = 20 is 2·399/(20·18)·F_0.95(2, 18); phase I by the closed-form beta quantile")
    func t2Limits() {
        let f = FisherF.quantile(0.95, numeratorDegreesOfFreedom: 2, denominatorDegreesOfFreedom: 18)
        #expect(abs(f - 3.554557) < 5e-7)                           // 3.55 in printed F tables
        #expect(abs(f - 3.55) < 0.005)
        let closedF = 9 * (pow(0.05, -1.0 / 9) - 1)                  // F_c(2, d) = d/2 ((1-c)^(-2/d) - 1)
        let phaseII = BatchPCALimits.t2PhaseII(confidence: 0.95, components: 2, batches: 20)
        #expect(Self.relative(phaseII, 2 * 399 / (20 * 18.0) * 3.554557) < 2e-7)
        #expect(Self.relative(phaseII, 2 * 399 / (20 * 18.0) * closedF) < 1e-13)
        // Beta(1, b) has the closed-form quantile 1 - (1 - c)^(1/b); A = 2, I = 20 gives b = 17/2.
        for c in [0.95, 0.99] {
            let phaseI = BatchPCALimits.t2PhaseI(confidence: c, components: 2, batches: 20)
            #expect(Self.relative(phaseI, 361 / 20.0 * (1 - pow(1 - c, 1 / 8.5))) < 1e-13)
        }
        // Beta quantile against F: B = aF/(b + aF) with F = F_c(2a, 2b), here a = 3/2, b = 8 (A = 3, I = 20).
        let f2 = FisherF.quantile(0.99, numeratorDegreesOfFreedom: 3, denominatorDegreesOfFreedom: 16)
        #expect(abs(f2 - 5.29) < 0.005)                             // F_0.99(3, 16) = 5.29 in printed tables
        let viaF = 361 / 20.0 * (1.5 * f2 / (8 + 1.5 * f2))
        #expect(Self.relative(BatchPCALimits.t2PhaseI(confidence: 0.99, components: 3, batches: 20), viaF) < 1e-12)
    }

    @Test("SPE limit: Box's g χ²(h) against chi-square table values")
    func speLimit() throws {
        #expect(abs(ChiSquared.quantile(0.95, degreesOfFreedom: 2) - 5.991) < 5e-4)
        #expect(abs(ChiSquared.quantile(0.99, degreesOfFreedom: 2) - 9.210) < 5e-4)
        #expect(abs(ChiSquared.quantile(0.95, degreesOfFreedom: 10) - 18.307) < 5e-4)
        #expect(abs(ChiSquared.quantile(0.99, degreesOfFreedom: 10) - 23.209) < 5e-4)
        // Mean 5, variance 5 (divisor n - 1): g = 1/2, h = 10.
        let r = 5.0.squareRoot()
        let spe = [5 - r, 5 + r, 5 - r, 5 + r, 5]
        let l95 = try BatchPCALimits(confidence: 0.95, components: 1, referenceSPE: spe)
        #expect(abs(l95.speScale - 0.5) < 1e-14 && abs(l95.speDegreesOfFreedom - 10) < 1e-13)
        #expect(abs(l95.spe - 0.5 * 18.307) < 5e-4)
        let l99 = try BatchPCALimits(confidence: 0.99, components: 1, referenceSPE: spe)
        #expect(abs(l99.spe - 0.5 * 23.209) < 5e-4)
        // h = 2: χ²_c(2) = -2 ln(1 - c) exactly; mean 1, variance 1 gives g = 1/2.
        let two = try BatchPCALimits(confidence: 0.95, components: 1, referenceSPE: [0, 1, 2])
        #expect(Self.relative(two.spe, -log(0.05)) < 1e-13)
        #expect(throws: SPCError.self) { try BatchPCALimits(confidence: 1, components: 1, referenceSPE: spe) }
        #expect(throws: SPCError.self) { try BatchPCALimits(confidence: 0.95, components: 1, referenceSPE: [1, 1, 1]) }
    }

    // MARK: Simulation with a fault

    @Test("53 batches × 3 variables × 100 times: a drift in the second half of one batch is flagged")
    func faultyBatch() throws {
        let faulty = 37
        let nested = Self.simulate(batches: 53, variables: 3, times: 100, seed: 2024, faulty: faulty, drift: 2.5)
        let labels = (1...53).map { "B\($0)" }
        // Phase I on all 53 batches (the fault among them).
        let all = try MultiwayPCA(reference: BatchTrajectoryData(trajectories: nested, labels: labels), components: 2)
        let assessed = try all.assess(confidence: 0.99)
        #expect(assessed[faulty].speAboveLimit)
        let others = assessed.indices.filter { $0 != faulty && (assessed[$0].t2AboveLimit || assessed[$0].speAboveLimit) }
        #expect(others.count <= 3, "normal batches flagged at 99 %: \(others.map { labels[$0] })")
        let worstOther = assessed.indices.filter { $0 != faulty }.map { assessed[$0].statistics.spe }.max()!
        // Seed 2024: faulty SPE 65.2 against the 99 % limit 50.0 and at most 42.2 for a normal batch;
        // normal batches flagged at 99 %: 2 of 52 (T² or SPE).
        #expect(assessed[faulty].statistics.spe > 1.4 * worstOther)

        // Phase II: the model on the 52 normal batches, the faulty one and 20 fresh normal batches projected.
        let normal = nested.indices.filter { $0 != faulty }.map { nested[$0] }
        let model = try MultiwayPCA(reference: BatchTrajectoryData(trajectories: normal), components: 2)
        let fresh = Self.simulate(batches: 20, variables: 3, times: 100, seed: 99)
        let projected = try model.project(BatchTrajectoryData(trajectories: [nested[faulty]] + fresh))
        let result = try model.assess(confidence: 0.99, newBatches: projected)
        let phaseII = result.filter { $0.phase == .monitoring }
        #expect(phaseII.count == 21)
        #expect(phaseII[0].speAboveLimit)   // 70.3 against the limit 44.1; fresh batches at most 42.7
        #expect(phaseII[0].statistics.spe > 1.5 * phaseII.dropFirst().map(\.statistics.spe).max()!)
        #expect(phaseII[0].t2Limit == (try model.limits(confidence: 0.99)).t2PhaseII)
        #expect(phaseII.dropFirst().filter { $0.t2AboveLimit || $0.speAboveLimit }.count <= 2)
        // Explained-variance selection: the two strong factors explain at least 80 %.
        let chosen = try MultiwayPCA(reference: BatchTrajectoryData(trajectories: normal))
        #expect(chosen.componentCount >= 1 && chosen.componentCount <= 3)
        let cumulative = chosen.explainedVariance.prefix(chosen.componentCount).reduce(0, +)
        #expect(cumulative >= 0.8 && cumulative - chosen.explainedVariance[chosen.componentCount - 1] < 0.8)
    }

    // MARK: Degenerate input

    @Test("Degenerate input is an explicit error")
    func degenerate() throws {
        let nested = Self.simulate(batches: 6, variables: 1, times: 2, seed: 3)
        let six = try BatchTrajectoryData(trajectories: nested)   // rank <= 2 (J·K = 2)
        #expect(throws: SPCError.insufficientData("multiway PCA needs at least 3 reference batches, got 2")) {
            try MultiwayPCA(reference: BatchTrajectoryData(trajectories: Array(nested.prefix(2))), components: 1)
        }
        #expect(throws: SPCError.self) { try MultiwayPCA(reference: six, components: 0) }
        // A >= I - 1.
        do {
            _ = try MultiwayPCA(reference: BatchTrajectoryData(trajectories: Self.simulate(batches: 4, variables: 2, times: 5, seed: 1)), components: 3)
            Issue.record("A = I - 1 accepted")
        } catch { guard case .invalidParameter = error else { Issue.record("\(error)"); return } }
        // A > rank and A = rank.
        for a in [2, 3] {
            do { _ = try MultiwayPCA(reference: six, components: a); Issue.record("A = \(a) accepted") } catch {
                guard case .degenerate = error else { Issue.record("\(error)"); return }
            }
        }
        #expect(try MultiwayPCA(reference: six, components: 1).rank == 2)
        #expect(throws: SPCError.self) { try MultiwayPCA(reference: six, explainedVariance: 1.5) }
        // Ragged and non-finite.
        var ragged = nested
        ragged[3].removeLast()
        #expect(throws: SPCError.self) { try BatchTrajectoryData(trajectories: ragged) }
        var short = nested
        short[2][1] = []
        #expect(throws: SPCError.self) { try BatchTrajectoryData(trajectories: short) }
        var nan = nested
        nan[1][0][0] = .nan
        #expect(throws: SPCError.self) { try BatchTrajectoryData(trajectories: nan) }
        #expect(throws: SPCError.self) { try BatchTrajectoryData(batches: 2, variables: 2, timePoints: 2, values: [1, 2, 3]) }
        // New batches must have the model's shape.
        let model = try MultiwayPCA(reference: six, components: 1)
        #expect(throws: SPCError.self) { try model.project(BatchTrajectoryData(trajectories: [[[1], [2], [3]]])) }
    }

    @Test("A constant column is centred only and reported")
    func constantColumn() throws {
        var nested = Self.simulate(batches: 10, variables: 2, times: 4, seed: 5)
        for i in nested.indices { nested[i][0][1] = 2.5 }   // variable 2 at time 1: column 0·2 + 1
        let model = try MultiwayPCA(reference: BatchTrajectoryData(trajectories: nested), components: 2)
        #expect(model.scaling.constantColumns == [1])
        #expect(model.scaling.standardDeviations[1] == 0 && model.scaling.means[1] == 2.5)
        #expect(abs(model.explainedVariance.reduce(0, +) - 1) < 1e-12)
        for c in 0..<2 { #expect(abs(model.loadings[1, c]) < 1e-14) }
        // A new batch off the constant adds its raw deviation squared to SPE.
        var off = nested[0]
        off[0][1] = 3.5
        let base = try model.project(BatchTrajectoryData(trajectories: [nested[0]]))[0]
        let moved = try model.project(BatchTrajectoryData(trajectories: [off]))[0]
        #expect(abs(moved.spe - base.spe - 1) < 1e-12 && abs(moved.t2 - base.t2) < 1e-12)
    }

    @Test("Long CSV reader: batches by first appearance, errors at file:line:column")
    func reader() throws {
        func table(_ text: String) throws(IngestError) -> CSVTable { try CSVTable.parse(bytes: Array(text.utf8), name: "b.csv") }
        let data = try BatchTrajectoryReader.read(table("batch,time,a,b\nX,1,1,2\nX,2,3,4\nY,1,5,6\nY,2,7,8\n"))
        #expect(data.labels == ["X", "Y"] && data.variables == ["a", "b"] && data.times == [1, 2])
        #expect(data.values == [1, 2, 3, 4, 5, 6, 7, 8])
        func failure(_ text: String) -> IngestError? {
            do { _ = try BatchTrajectoryReader.read(table(text)); return nil } catch { return error }
        }
        let ragged = failure("batch,time,a\nX,1,1\nX,2,2\nY,1,3\n")
        #expect(ragged?.line == 4 && ragged?.column == "time")
        let differ = failure("batch,time,a\nX,1,1\nX,2,2\nY,1,3\nY,3,4\n")
        #expect(differ?.line == 5 && differ?.column == "time")
        let unsorted = failure("batch,time,a\nX,2,1\nX,1,2\n")
        #expect(unsorted?.line == 3 && unsorted?.description.contains("sorted") == true)
        let text = failure("batch,time,a\nX,1,1\nX,2,abc\n")
        #expect(text?.line == 3 && text?.column == "a" && text?.columnIndex == 3)
        let extra = failure("batch,time,a\nX,1,1\nY,1,2\nY,2,3\n")
        #expect(extra?.line == 4)
        #expect(failure("time,a\n1,1\n")?.line == 1)
        let mismatch: IngestError?
        do {
            _ = try BatchTrajectoryReader.read(table("batch,time,b\nX,1,1\n"), reference: (["a"], [1]))
            mismatch = nil
        } catch { mismatch = error }
        #expect(mismatch?.line == 1)
    }
}
