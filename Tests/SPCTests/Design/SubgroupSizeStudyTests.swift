import Foundation
import Testing
@testable import SPC

@Suite("Subgroup-size study")
struct SubgroupSizeStudyTests {
    /// Rule 1: ARL at delta sqrt(n) by the closed form 1 / (Phi(-3 - d) + Phi(-3 + d)); n 5 at
    /// 1 sigma gives 4.50 (Montgomery), ATS = ARL × interval.
    @Test func ruleOneRowsAgainstClosedForm() throws {
        let study = try SubgroupSizeStudy(sizes: [1, 5], intervals: [0.5, 2], shift: 1, rules: [.westernElectric1])
        #expect(study.rows.map(\.subgroupSize) == [1, 1, 5, 5])
        #expect(study.rows.map(\.interval) == [0.5, 2, 0.5, 2])
        let inControl = 1 / (2 * DesignTestSupport.normalCDF(-3))
        for row in study.rows {
            let d = Double(row.subgroupSize).squareRoot()
            let expected = 1 / (DesignTestSupport.normalCDF(-3 - d) + DesignTestSupport.normalCDF(-3 + d))
            #expect(abs(row.averageRunLength - expected) <= 1e-10 * expected)
            #expect(abs(row.inControlARL - inControl) <= 1e-10 * inControl)
            #expect(abs(row.averageTimeToSignal - expected * row.interval) <= 1e-10 * expected)
            #expect(row.unitsPerTime == Double(row.subgroupSize) / row.interval)
        }
        #expect(abs(study.rows[2].averageRunLength - 4.50) <= 0.005)
    }

    @Test func westernElectricInControl() throws {
        let study = try SubgroupSizeStudy(sizes: [4], intervals: [1], shift: 0.5, rules: ARL.RunRule.westernElectric)
        #expect(abs(study.rows[0].inControlARL - 91.75) <= 0.005)
    }

    @Test func impossibleDesignsAreErrors() {
        #expect(throws: ARLError.self) { try SubgroupSizeStudy(sizes: [0], intervals: [1], shift: 1, rules: [.westernElectric1]) }
        #expect(throws: ARLError.self) { try SubgroupSizeStudy(sizes: [5], intervals: [-1], shift: 1, rules: [.westernElectric1]) }
        #expect(throws: ARLError.self) { try SubgroupSizeStudy(sizes: [], intervals: [1], shift: 1, rules: [.westernElectric1]) }
    }
}
