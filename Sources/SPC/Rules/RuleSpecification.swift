/// A run-rule specification as an engineer writes it (`--rules`): a named set or Nelson/Minitab test
/// numbers with optional K, parsed once here for every chart, baseline and ARL command.
///
/// Grammar: `we` or `western-electric`, `nelson`, `all` (Minitab's "perform all tests" for the
/// chart type), `none`, or a comma list of `TEST` or `TEST:K` with TEST in 1...8 and K >= 1
/// ("1,2:8,5"). Case-insensitive for the names.
public enum RuleSpecification: Sendable, Hashable, CustomStringConvertible {
    case westernElectric
    case nelson
    case all
    case none
    case tests([RunRule])

    /// Minitab's default: test 1 (points beyond the limits) alone, written "1".
    public static let minitabDefault = RuleSpecification.tests([RunRule(checkedTest: 1)])

    /// - Throws: `SPCError.invalidParameter` naming the item that is not a test number 1-8 (optionally TEST:K).
    /// - Complexity: O(length of `text`).
    public init(parsing text: String) throws(SPCError) {
        switch text.lowercased() {
        case "we", "western-electric": self = .westernElectric
        case "nelson": self = .nelson
        case "all": self = .all
        case "none": self = .none
        default:
            var rules: [RunRule] = []
            for item in text.split(separator: ",") {
                let parts = item.split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count <= 2, let test = Int(parts[0]), (1...8).contains(test) else {
                    throw .invalidParameter("--rules: '\(item)' is not a test number 1-8 (optionally TEST:K)")
                }
                var k: Int?
                if parts.count == 2 {
                    guard let value = Int(parts[1]), value >= 1 else { throw .invalidParameter("--rules: bad K in '\(item)'") }
                    k = value
                }
                rules.append(try RunRule(test: test, k: k))
            }
            guard !rules.isEmpty else { throw .invalidParameter("--rules: no rules in '\(text)'") }
            self = .tests(rules)
        }
    }

    /// The rules for a chart of `type` (`all` depends on it; the others do not).
    public func ruleSet(for type: ChartType) -> RuleSet {
        switch self {
        case .westernElectric: .westernElectric
        case .nelson: .nelson
        case .all: .minitabAll(for: type)
        case .none: .none
        case let .tests(rules): RuleSet(rules)
        }
    }

    /// The specification in the grammar above ("we", "1,2:8").
    public var description: String {
        switch self {
        case .westernElectric: "we"
        case .nelson: "nelson"
        case .all: "all"
        case .none: "none"
        case let .tests(rules): rules.map { $0.k == RunRule.defaultK[$0.test - 1] ? "\($0.test)" : "\($0.test):\($0.k)" }.joined(separator: ",")
        }
    }
}
