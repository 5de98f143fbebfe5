import Testing
@testable import Report

@Suite struct AxisTests {
    private func majors(_ axis: Axis) -> [Double] { axis.ticks().filter(\.isMajor).map(\.value) }
    private func labels(_ axis: Axis) -> [String] { axis.ticks().compactMap(\.label) }

    @Test func logTicksAreDecadesWithMinorTwoToNine() {
        let axis = Axis(scale: .log10, lower: 0.3, upper: 870)
        #expect(majors(axis) == [1, 10, 100])
        #expect(labels(axis) == ["1", "10", "100"])
        let minors = axis.ticks().filter { !$0.isMajor }.map(\.value)
        #expect(minors == [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 2, 3, 4, 5, 6, 7, 8, 9, 20, 30, 40, 50, 60, 70, 80, 90, 200, 300, 400, 500, 600, 700, 800])
    }

    @Test func logCoveringRangeWidensToDecades() {
        let axis = Axis.log10(covering: 0.3...870)
        #expect(axis.lower == 0.1 && axis.upper == 1000)
        #expect(majors(axis) == [0.1, 1, 10, 100, 1000])
        #expect(labels(axis) == ["0.1", "1", "10", "100", "1000"])
        let exact = Axis.log10(covering: 100...1000)
        #expect(exact.lower == 100 && exact.upper == 1000)
        let one = Axis.log10(covering: 5...5)
        #expect(one.lower == 1 && one.upper == 10)
    }

    @Test func shortLogRangesLabelOneTwoFive() {
        #expect(majors(Axis(scale: .log10, lower: 150, upper: 900)) == [200, 500])
        #expect(majors(Axis(scale: .log10, lower: 2.5, upper: 4.5)) == [3, 4])
        #expect(majors(Axis(scale: .log10, lower: 0.002, upper: 0.06)) == [0.002, 0.005, 0.01, 0.02, 0.05])
    }

    @Test func veryLongLogRangesLabelEveryOtherDecade() {
        let axis = Axis(scale: .log10, lower: 1e-3, upper: 1e9)
        #expect(majors(axis) == [0.01, 1, 100, 1e4, 1e6, 1e8])
        #expect(axis.ticks().count == 13)
    }

    @Test func linearTicksAreOneTwoFive() {
        let axis = Axis(scale: .linear, lower: 0, upper: 47)
        #expect(majors(axis) == [0, 10, 20, 30, 40])
        #expect(labels(axis) == ["0", "10", "20", "30", "40"])
        #expect(axis.ticks().count == 24)   // minor step 2: 0, 2, ..., 46
        #expect(majors(Axis(scale: .linear, lower: 0, upper: 1)) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(majors(Axis(scale: .linear, lower: -3.7, upper: 12.2)) == [0, 5, 10])
        #expect(labels(Axis(scale: .linear, lower: 0.0021, upper: 0.0187)) == ["0.005", "0.01", "0.015"])
        #expect(labels(Axis(scale: .linear, lower: 74.00, upper: 74.03)) == ["74", "74.005", "74.01", "74.015", "74.02", "74.025", "74.03"])
    }

    @Test func linearCoveringRangeWidensToSteps() {
        let axis = Axis.linear(covering: 0...47)
        #expect(axis.lower == 0 && axis.upper == 50)
        let negative = Axis.linear(covering: -13...(-2))
        #expect(negative.lower == -14 && negative.upper == -2)
        let flat = Axis.linear(covering: 3...3)
        #expect(flat.lower < 3 && flat.upper > 3)
    }

    @Test func weibullPaperTicksAreConventionalPercents() {
        let axis = Axis(scale: .weibullProbability, lower: 0.01, upper: 0.99)
        #expect(labels(axis) == ["1", "2", "5", "10", "20", "30", "50", "63.2", "70", "90", "95", "99"])
        let wide = Axis(scale: .normalProbability, lower: 0.001, upper: 0.999)
        #expect(labels(wide) == ["0.1", "1", "2", "5", "10", "20", "30", "50", "70", "90", "95", "99", "99.9"])
        let exponential = Axis(scale: .exponentialProbability, lower: 0, upper: 0.9)
        #expect(labels(exponential).first == "0")
        #expect(labels(exponential).last == "90")
    }

    @Test func probabilityAxisRangeFromData() {
        let f = [0.034, 0.5, 0.966]
        let weibull = ProbabilityPaper.weibull.probabilityAxis(covering: f)
        #expect(weibull.lower == 0.01 && abs(weibull.upper - 0.99) < 1e-15)
        let small = ProbabilityPaper.lognormal.probabilityAxis(covering: [0.00042, 0.3])
        #expect(small.lower == 0.0001 && small.upper == 0.9)
        let exponential = ProbabilityPaper.exponential.probabilityAxis(covering: [0, 0.2, 0.95])
        #expect(exponential.lower == 0 && abs(exponential.upper - 0.99) < 1e-15)
    }

    @Test func fractionIsAffineInTheTransform() {
        let axis = Axis(scale: .log10, lower: 10, upper: 1000)
        #expect(axis.fraction(100) == 0.5)
        #expect(axis.fraction(0).isNaN)
        let linear = Axis(scale: .linear, lower: -1, upper: 3)
        #expect(linear.fraction(0) == 0.25)
        #expect(abs(axis.value(atFraction: 0.25) - 10 * 10.0.squareRoot()) < 1e-12)
    }
}
