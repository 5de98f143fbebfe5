import Ingest
import RelmodelNumerics
import SPC
import Testing

/// Inputs the FuzzBatchPCA fuzzer found (docs/FUZZING.md).
@Suite struct BatchPCAFuzzRegressionTests {
    /// Fuzz/Regressions/FuzzBatchPCA/spe-limit-hang.csv: four batches of one time point with values up to
    /// 1.1e36. The reader and the model are fine; the SPE limit g chi2_c(h) (BatchPCALimits.spe) asks
    /// for a chi-square quantile with an astronomically large h = 2m²/v, and
    /// `ChiSquared.quantile` -> `inverseIncompleteGamma` -> `lowerGammaSeries`
    /// (Sources/RelmodelNumerics/IncompleteGamma.swift) runs up to 1e8 series terms per evaluation
    /// for up to 100 Newton steps: libFuzzer's 10 s timeout (stack: IncompleteGamma.swift:130,
    /// :112, :237, ChiSquared.swift:29, BatchPCALimits.swift:61, :43, BatchPCAMonitoring.swift:16).
    static let hang = "batch,time,x0,y\nC,1,1111110000000000000000000000076469799,01\n2,1,1,1\n,1,0,1117006116787912427593\nB4,1,-0,9\n"

    /// What the reader and the model give for that file: they finish; the degrees of freedom are huge.
    @Test func readerAndModelFinish() throws {
        let data = try BatchTrajectoryReader.read(CSVTable.parse(bytes: Array(Self.hang.utf8), name: "hang.csv"))
        #expect(data.batchCount == 4 && data.variableCount == 2 && data.timeCount == 1)
        let model = try MultiwayPCA(reference: data, components: 1)
        let spe = model.reference.map(\.spe)
        let m = spe.reduce(0, +) / Double(spe.count)
        let v = spe.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(spe.count - 1)
        #expect(2 * m * m / v > 1e12, "h = \(2 * m * m / v)")
    }

    /// The limits must come back (or throw `SPCError`) within the fuzzer's 10 s; they took hours before
    /// the incomplete gamma function used Temme's expansion from shape 1e9.
    @Test(.timeLimit(.minutes(1)))
    func speLimitOfHugeDegreesOfFreedomFinishes() throws {
        let data = try BatchTrajectoryReader.read(CSVTable.parse(bytes: Array(Self.hang.utf8), name: "hang.csv"))
        let model = try MultiwayPCA(reference: data, components: 1)
        _ = try? model.limits(confidence: 0.99)
    }
}
