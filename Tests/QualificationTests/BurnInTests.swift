import Lifetime
import Qualification
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `time,event,count` from datasets/lifetime (test-only parser, CRLF tolerant).
func lifetimeDataset(_ name: String) -> LifetimeData {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    let path = parts.joined(separator: "/") + "/datasets/lifetime/" + name
    guard let f = fopen(path, "r") else { fatalError("cannot open \(path)") }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buffer, 1, buffer.count, f)
        if n <= 0 { break }
        bytes += buffer[0..<n]
    }
    var data = LifetimeData()
    let lines = bytes.split(separator: UInt8(ascii: "\n")).dropFirst()
    for line in lines {
        let text = String(decoding: line.filter { $0 != UInt8(ascii: "\r") }, as: UTF8.self)
        let fields = text.split(separator: ",").map(String.init)
        guard fields.count >= 3 else { continue }
        let t = Double(fields[0])!, count = Double(fields[2])!
        if fields[1] == "1" { try! data.addFailure(at: t, count: count) } else { try! data.addSuspension(at: t, count: count) }
    }
    return data
}

@Suite struct BurnInTests {
    /// Meeker (1987) integrated circuits, 4156 units, 28 failures by 1370 h. REF: p 0.0067445,
    /// eta 28.367 h, beta 0.49598, LL -293.03289 (surpyval: p 0.0067, -LL 293.03).
    @Test func icDefectiveSubpopulationFit() throws {
        let fit = try DefectiveSubpopulation.fit(.weibull2p, to: lifetimeDataset("ic_lfp1370.csv"))
        #expect(fit.diagnostics.converged && fit.diagnostics.hessianNegativeDefinite)
        #expect(abs(fit.model.fraction / 0.0067445 - 1) < 1e-4)
        #expect(abs(exp(fit.model.defectLife.mu) / 28.367 - 1) < 1e-4)
        #expect(abs(1 / fit.model.defectLife.sigma / 0.49598 - 1) < 1e-4)
        #expect(abs(fit.logLikelihood - -293.03289) < 1e-5)
        #expect(matchesPrinted(fit.model.fraction, 0.0067, unit: 0.0001))
    }

    /// The fit runs on the general core (`weibull-lfp`); its covariance of (logit p, mu, s) is the core's
    /// covariance of (logit p, ln eta, ln beta) with s = -ln beta.
    @Test func fitIsTheCoreFit() throws {
        let fit = try DefectiveSubpopulation.fit(.weibull2p, to: lifetimeDataset("ic_lfp1370.csv"))
        let core = try #require(fit.parametricFit.unconstrainedCovariance), v = try #require(fit.internalCovariance)
        #expect(fit.parametricFit.name == "weibull-lfp")
        for (i, j, sign) in [(0, 0, 1.0), (1, 1, 1), (2, 2, 1), (0, 1, 1), (0, 2, -1), (1, 2, -1)] { #expect(v[i, j] == sign * core[i, j]) }
        // The shared name `covariance` is in the reported parameters (p, eta, beta), as the core reports them.
        #expect(fit.covariance == fit.parametricFit.covariance && fit.parameterNames == ["p", "eta", "beta"])
    }

    /// Readout data (left- and interval-censored failures) are accepted now.
    @Test func readoutData() throws {
        var data = LifetimeData()
        try data.addLeftCensored(before: 1, count: 6)
        for (a, b, c) in [(1.0, 4.0, 5.0), (4, 12, 6), (12, 48, 5), (48, 168, 4), (168, 1000, 3)] { try data.addInterval(from: a, to: b, count: c) }
        try data.addSuspension(at: 1000, count: 2000)
        let fit = try DefectiveSubpopulation.fit(.weibull2p, to: data)
        #expect(fit.diagnostics.converged && fit.covariance != nil)
        #expect(fit.model.fraction > 29.0 / 2029 && fit.model.defectLife.sigma > 1)
        _ = try BurnInPlan(BurnInModel(fit), target: .defectiveFractionRemoved(0.5), accelerationFactor: 20)
    }

    /// Burn-in on the IC model, AF 20, checked against closed forms:
    /// removing a fraction q of defectives needs t_e = eta (-ln(1 - q))^(1/beta), fallout p q;
    /// at the solved age of the other targets the defining equations hold.
    @Test func burnInOnICModel() throws {
        let fit = try DefectiveSubpopulation.fit(.weibull2p, to: lifetimeDataset("ic_lfp1370.csv"))
        let p = fit.model.fraction, eta = exp(fit.model.defectLife.mu), beta = 1 / fit.model.defectLife.sigma
        let model = BurnInModel(fit)
        let af = 20.0
        let removed = try BurnInPlan(model, target: .defectiveFractionRemoved(0.5), accelerationFactor: af)
        let te = eta * pow(log(2.0), 1 / beta)
        #expect(abs(removed.fieldEquivalentHours - te) < 1e-9 * te)
        #expect(abs(removed.stressHours.value - te / af) < 1e-9 * te)
        #expect(abs(removed.fallout - p * 0.5) < 1e-12)
        #expect(removed.stressHours.bounds.lower! < removed.stressHours.value && removed.stressHours.value < removed.stressHours.bounds.upper!)

        func F(_ t: Double) -> Double { 1 - exp(-pow(t / eta, beta)) }
        func f(_ t: Double) -> Double { beta / eta * pow(t / eta, beta - 1) * exp(-pow(t / eta, beta)) }
        let hazard = try BurnInPlan(model, target: .hazardFIT(500), accelerationFactor: af)
        let t1 = hazard.fieldEquivalentHours
        #expect(abs(p * f(t1) / (1 - p * F(t1)) * 1e9 - 500) < 1e-6 * 500)
        #expect(abs(hazard.hazardFIT - 500) < 1e-6 * 500)

        let ppm = try BurnInPlan(model, target: .earlyLifePPM(1000, fieldHours: 8760), accelerationFactor: af)
        let t2 = ppm.fieldEquivalentHours
        let elf = p * (F(t2 + 8760) - F(t2)) / (1 - p * F(t2))
        #expect(abs(elf * 1e6 - 1000) < 1e-6 * 1000)
        #expect(abs(ppm.fallout - p * F(t2)) < 1e-12)
        #expect(abs(ppm.earlyLifeFIT! - -log(1 - elf) / 8760 * 1e9) < 1e-6)

        // A target already met without burn-in needs none.
        let none = try BurnInPlan(model, target: .earlyLifePPM(9000, fieldHours: 8760), accelerationFactor: af)
        #expect(none.stressHours.value == 0)
        // Wear-out warning.
        let warned = try BurnInPlan(model, target: .defectiveFractionRemoved(0.9), accelerationFactor: af, wearOutOnsetHours: 100)
        #expect(!warned.warnings.isEmpty)
    }

    /// Plain Weibull with shape 0.5: the hazard target has the closed form
    /// t_e = eta (h* eta / beta)^(1/(beta - 1)); early-life ppm 1 - exp((t_e/eta)^beta - ((t_e+T)/eta)^beta).
    @Test func burnInOnDecreasingWeibull() throws {
        let eta = 1e7, beta = 0.5
        let model = BurnInModel(life: .weibull(eta: eta, beta: beta))
        let target = 100e-9
        let plan = try BurnInPlan(model, target: .hazardFIT(100), accelerationFactor: 50)
        let te = eta * pow(target * eta / beta, 1 / (beta - 1))
        #expect(abs(plan.fieldEquivalentHours - te) < 1e-8 * te)
        #expect(abs(plan.stressHours.value - te / 50) < 1e-8 * te)
        #expect(abs(plan.fallout - (1 - exp(-pow(te / eta, beta)))) < 1e-12)
        let ppm = try BurnInPlan(model, target: .earlyLifePPM(2000, fieldHours: 1000), accelerationFactor: 50)
        let t = ppm.fieldEquivalentHours
        #expect(abs((1 - exp(pow(t / eta, beta) - pow((t + 1000) / eta, beta))) * 1e6 - 2000) < 1e-6 * 2000)
        #expect(throws: QualificationError.self) { try BurnInPlan(BurnInModel(life: .weibull(eta: 100, beta: 1.5)), target: .hazardFIT(10), accelerationFactor: 10) }
        #expect(throws: QualificationError.self) { try BurnInPlan(model, target: .defectiveFractionRemoved(0.5), accelerationFactor: 10) }
    }
}
