@testable import SPC
import Testing

/// The long-form readers: subgroups, phase I and chart options from the piston rings (25 phase I
/// subgroups of 5, then 15 phase II), checked against the file read independently by `TestCSV`.
@Suite struct SPCTableTests {
    static let path = TestCSV.packageRoot + "/datasets/spc/piston_rings.csv"

    @Test func subgroupsAndPhaseI() throws {
        let table = try SPCTable(path: Self.path)
        let csv = TestCSV("piston_rings.csv")
        let (data, groups) = try table.subgroups(value: "diameter", subgroup: "sample")
        #expect(data.count == 40 && data.sizes.allSatisfy { $0 == 5 })
        #expect(groups.labels.first == csv.strings("sample").first)
        #expect(data.values.flatMap { $0 } == csv.strings("diameter").map { Double($0)! })
        let phaseI = try table.phaseISubgroups(value: "diameter", subgroup: "sample", phase: "phase", phaseRange: nil)
        #expect(phaseI.count == 25 && phaseI == Array(data.values.prefix(25)))
        let byRange = try table.phaseISubgroups(value: "diameter", subgroup: "sample", phase: nil, phaseRange: 3...4)
        #expect(byRange == Array(data.values[2...3]))
        let options = try table.chartOptions(firstRows: groups.firstRows, phase: "phase", rules: .nelson, sigmaMultiplier: 2.5)
        #expect(options.phaseI?.filter { $0 }.count == 25 && options.phaseI?.count == 40)
        #expect(options.rules(for: .xbar) == RuleSet.nelson && options.sigmaMultiplier == 2.5)
    }

    @Test func missingColumnsNameTheHeader() throws {
        let table = try SPCTable(path: Self.path)
        #expect(throws: SPCError.self) { try table.subgroups(value: "width", subgroup: "sample") }
        do { _ = try table.subgroups(value: "width", subgroup: "sample") } catch {
            #expect(error.description.contains("no column 'width'"), "\(error)")
        }
    }
}
