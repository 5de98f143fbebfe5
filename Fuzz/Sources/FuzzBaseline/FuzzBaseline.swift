import SPC
@testable import RelmodelCLI

/// libFuzzer entry: the baseline-file reader of `--baseline FILE` and of re-baselining, on arbitrary
/// bytes decoded as the CLI decodes them (`BaselineFile.load`: UTF-8 with replacement, then
/// `BaselineFile.decode` for each chart; `BaselineFile.header` as `writeVersioned` uses it), then the
/// phase II charts of a small fixed data set against the decoded limits, as the chart commands do.
/// Expected failures: `BaselineFileError` and `SPCError`.
func fuzzBaseline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let text = String(decoding: bytes, as: UTF8.self)
    _ = try? BaselineFile.header(text)
    for chart in BaselineChart.allCases {
        let decoded: (limits: FrozenLimits, version: Int)
        do {
            decoded = try BaselineFile.decode(text, chart: chart)
        } catch is BaselineFile.BaselineFileError {
            continue
        } catch {
            fatalError("unexpected error type: \(error)")
        }
        let types = chart.chartTypes
        let rules = try! ChartInputOptions.parseRules("all", for: types[0])
        let dispersionRules = types.count > 1 ? try! ChartInputOptions.parseRules("all", for: types[1]) : nil
        _ = try? PhaseIICharts.charts(phaseIIData(chart), limits: decoded.limits, rules: rules,
                                      dispersionRules: dispersionRules)
    }
    return 0
}

/// A few subgroups of each kind, sizes varying so the size-dependent limits are computed too.
func phaseIIData(_ chart: BaselineChart) -> BaselineData {
    switch chart {
    case .xbarR, .xbarS:
        return .subgroups(try! SubgroupData(labels: ["1", "2", "3", "4"],
                                       values: [[1, 2, 3], [2, 3, 4, 5, 6], [1.5, 1.7], [0, 10, 5]]))
    case .imr:
        return .individuals(values: [1, 2, 4, 3, 8, 2, 2, 9], labels: (1...8).map(String.init))
    case .p, .np, .c, .u:
        return .attributes(try! AttributeData(labels: ["1", "2", "3", "4"], counts: [0, 3, 5, 1], sizes: [50, 50, 80, 20]))
    }
}
