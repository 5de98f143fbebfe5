import SPC

/// libFuzzer entry: the baseline-document reader of `--baseline FILE` and of re-baselining, on
/// arbitrary bytes (`BaselineDocument.header` as `BaselineFileStore.writeVersioned` uses it, then
/// `BaselineDocument.limits` for each chart), then the phase II charts of a small fixed data set
/// against the decoded limits, as the chart commands do.
/// Expected failures: `BaselineDocumentError` and `SPCError`.
func fuzzBaseline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = try? BaselineDocument.header(bytes)
    for chart in BaselineChart.allCases {
        let decoded: (limits: FrozenLimits, version: Int)
        do {
            decoded = try BaselineDocument.limits(bytes, chart: chart)
        } catch {
            continue   // typed: BaselineDocumentError
        }
        let types = chart.chartTypes
        let rules = RuleSpecification.all.ruleSet(for: types[0])
        let dispersionRules = types.count > 1 ? RuleSpecification.all.ruleSet(for: types[1]) : nil
        _ = try? ControlChart.phaseII(phaseIIData(chart), limits: decoded.limits, rules: rules,
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
