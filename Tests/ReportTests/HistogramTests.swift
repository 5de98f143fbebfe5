import Testing
@testable import Report

@Suite("Histogram")
struct HistogramTests {
    @Test("equal-width bins over the data, density scaled to unit area")
    func bins() {
        let h = Histogram([0, 1, 1, 2, 3, 4, 4, 4, 5, 6], binCount: 3)
        #expect(h.edges == [0, 2, 4, 6])
        #expect(h.counts == [3, 2, 5])   // 2 and 4 go right; the maximum goes to the last bin
        let area = zip(h.densities, zip(h.edges, h.edges.dropFirst())).map { $0 * ($1.1 - $1.0) }.reduce(0, +)
        #expect(abs(area - 1) < 1e-12)
        #expect(h.outline.first! == (0, 0) && h.outline.last! == (6, 0))
    }

    @Test("Sturges' rule with at least 5 bins; a constant sample gets a non-empty range")
    func defaults() {
        #expect(Histogram(Array(repeating: 1.0, count: 3)).counts.reduce(0, +) == 3)
        #expect(Histogram((0..<100).map(Double.init)).counts.count == 8)
        #expect(Histogram([1, 2]).counts.count == 5)
        #expect(Histogram([]).total == 0)
    }

    @Test("a function series samples its range")
    func functionSeries() {
        let s = LinePlot.Series.function(over: 0...1, count: 4) { $0 * 2 }
        #expect(s.points.map(\.x) == [0, 0.25, 0.5, 0.75, 1])
        #expect(s.points.map(\.y) == [0, 0.5, 1, 1.5, 2])
    }
}
