import RelmodelNumerics
import Testing
@testable import Report

@Suite("One number of decimals per column; plural forms")
struct ColumnFormattingTests {
    @Test("log-likelihoods at a million units keep two decimals and tell models apart")
    func largeValues() {
        let ll = NumberFormatting.column([-12_345_678.123, -12_345_678.456, -12_345_691.0], digits: 7, minimumDecimals: 2)
        #expect(ll == ["-12345678.12", "-12345678.46", "-12345691.00"])
        #expect(Set(ll).count == 3)
        // Six significant digits would print all three alike.
        #expect(NumberFormatting.significant(-12_345_678.123) == NumberFormatting.significant(-12_345_678.456))
    }

    @Test("one number of decimals for every row of a column; whole numbers get none")
    func decimalsPerColumn() {
        #expect(NumberFormatting.column([0.1, -0.1, 1.5, 0]) == ["0.1", "-0.1", "1.5", "0.0"])
        #expect(NumberFormatting.column([154.2692, 1.5, 20]) == ["154.269", "1.500", "20.000"])
        #expect(NumberFormatting.column([1, 2, 10]) == ["1", "2", "10"])
        #expect(NumberFormatting.column([1, nil, .infinity]) == ["1", "-", "inf"])
        #expect(NumberFormatting.column([0, 0], minimumDecimals: 2) == ["0.00", "0.00"])
        #expect(NumberFormatting.column([1e-7, 2e-6]) == ["1e-07", "2e-06"])
    }

    @Test("a table formats each numeric column as one")
    func table() {
        var t = TextTable(headers: ["model", "logLik"], alignments: [.left, .right],
                          numberStyles: [.init(), .init(digits: 7, minimumDecimals: 2)])
        t.append(cells: ["a", .number(-75.13462)])
        t.append(cells: ["b", .number(-1234.5)])
        #expect(t.rows == [["a", "-75.135"], ["b", "-1234.500"]])
        #expect(t.rendered().split(separator: "\n").last == "b      -1234.500")
    }

    @Test("plural forms")
    func plurals() {
        #expect(NumberFormatting.counted(1, "suspension") == "1 suspension")
        #expect(NumberFormatting.counted(2, "suspension") == "2 suspensions")
        #expect(NumberFormatting.counted(0, "failure") == "0 failures")
        #expect(NumberFormatting.counted(1.0, "unit") == "1 unit")
        #expect(NumberFormatting.counted(2.5, "unit") == "2.5 units")
        #expect(NumberFormatting.counted(1, "batch", plural: "batches") == "1 batch")
    }
}

@Suite("Column formatting keeps small values visible")
struct ColumnSmallValueTests {
    @Test("the smallest non-zero value keeps two significant digits; nine decades fall back to significant form")
    func smallValues() {
        #expect(NumberFormatting.column([1234.5, 0.52], digits: 4) == ["1234.50", "0.52"])
        #expect(NumberFormatting.column([1e6, 1e-4]) == ["1000000", "0.0001"])   // each in significant form
    }
}
