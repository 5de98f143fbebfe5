import Foundation
import RelmodelJSON

/// Why a baseline document cannot be used. `description` is the message the CLI prints after the
/// file's name.
public enum BaselineDocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not JSON at all (the decoder's explanation).
    case notJSON(String)
    /// JSON, but its "format" is not "relmodel-baseline".
    case notABaseline
    /// A layout this relmodel does not read (the "format_version" found, as written).
    case unsupportedFormatVersion(String)
    /// A member is missing, of the wrong kind or out of range (which one, in words).
    case invalid(String)
    /// A baseline of another chart.
    case otherChart(found: String, expected: String)

    public var description: String {
        switch self {
        case let .notJSON(detail): "not a relmodel baseline: \(detail)"
        case .notABaseline: "not a relmodel baseline (\"format\" is not \"\(BaselineDocument.format)\")"
        case let .unsupportedFormatVersion(found):
            "baseline format_version \(found) is not supported (this relmodel reads \(BaselineDocument.formatVersion))"
        case let .invalid(what): "baseline \(what)"
        case let .otherChart(found, expected): "the baseline is for the \(found) chart, not \(expected)"
        }
    }
}

extension BaselineDocument {
    /// The members every reader checks first.
    public struct Header: Sendable {
        /// The whole document as decoded (objects' members sorted by key: Foundation's decoder does
        /// not keep the file's order).
        public var document: JSONValue
        public var version: Int
        public var chart: String
    }

    /// Decodes `bytes` (Foundation's `JSONDecoder`) and checks format, layout version, revision and chart name.
    /// - Complexity: O(length).
    public static func header(_ bytes: [UInt8]) throws(BaselineDocumentError) -> Header {
        let document: JSONValue
        do { document = try JSONDecoder().decode(JSONValue.self, from: Data(bytes)) } catch {
            throw .notJSON(Self.explain(error))
        }
        guard document["format"]?.stringValue == format else { throw .notABaseline }
        guard let fv = document["format_version"]?.doubleValue, fv == Double(formatVersion) else {
            throw .unsupportedFormatVersion(document["format_version"].map { $0.serialized() } ?? "missing")
        }
        guard let v = document["version"]?.doubleValue, v >= 1, v == v.rounded(), v < 1e9 else {
            throw .invalid("\"version\" must be a positive whole number")
        }
        guard let chart = document["chart"]?.stringValue else { throw .invalid("has no \"chart\"") }
        return Header(document: document, version: Int(v), chart: chart)
    }

    /// The frozen limits for `chart` and the baseline's revision. Only the header, the chart
    /// settings and "limits" are needed, so a hand-made file with just those is accepted.
    /// - Complexity: O(length).
    public static func limits(_ bytes: [UInt8], chart: BaselineChart) throws(BaselineDocumentError) -> (limits: FrozenLimits, version: Int) {
        let header = try header(bytes)
        return (try limits(of: header, chart: chart), header.version)
    }

    /// The frozen limits of a document already decoded (`header`), for `chart`.
    public static func limits(of header: Header, chart: BaselineChart) throws(BaselineDocumentError) -> FrozenLimits {
        guard header.chart == chart.rawValue else { throw .otherChart(found: header.chart, expected: chart.rawValue) }
        return try limits(of: header.document, chart: chart)
    }

    static func limits(of document: JSONValue, chart: BaselineChart) throws(BaselineDocumentError) -> FrozenLimits {
        guard let constants = document["constants"]?.stringValue.flatMap(ConstantSource.init(rawValue:)) else {
            throw .invalid("\"constants\" is missing or unknown")
        }
        guard let L = document["sigma_multiplier"]?.doubleValue, L > 0 else { throw .invalid("\"sigma_multiplier\" must be positive") }
        let sigmaMethod = document["sigma_method"]?.stringValue.flatMap(SigmaMethod.init(rawValue:))
        // Whole numbers are checked before conversion: Int(1e300) or Int(2.5) would trap or truncate.
        var span: Int?
        if let x = document["span"]?.doubleValue {
            guard let whole = wholeNumber(x), whole >= 2 else { throw .invalid("\"span\" must be a whole number of at least 2") }
            span = whole
        }
        if chart == .imr, span == nil { throw .invalid("\"span\" must be at least 2") }
        guard let limits = document["limits"], let process = limits["process"],
              let center = process["center"]?.doubleValue,
              let subgroupCount = limits["subgroups"]?.doubleValue,
              let charts = limits["charts"]?.arrayValue else { throw .invalid("\"limits\" are incomplete") }
        guard let subgroups = wholeNumber(subgroupCount), subgroups >= 1 else {
            throw .invalid("\"limits\" \"subgroups\" must be a positive whole number")
        }
        let size = limits["subgroup_size"]?.doubleValue
        let sigma = process["sigma"]?.doubleValue
        if chart.isVariables, !(sigma.map { $0 > 0 } ?? false) { throw .invalid("process sigma must be positive") }
        var frozen: [FrozenChartLimits] = []
        for type in chart.chartTypes {
            guard let c = charts.first(where: { $0["type"]?.stringValue == type.rawValue }) else { throw .invalid("has no \(type.rawValue) limits") }
            let l = FrozenChartLimits(type: type, center: c["center"]?.doubleValue, lcl: c["lcl"]?.doubleValue,
                                      ucl: c["ucl"]?.doubleValue, sigma: c["sigma"]?.doubleValue)
            if let lo = l.lcl, let hi = l.ucl, let mid = l.center, !(lo <= mid && mid <= hi) {
                throw .invalid("\(type.rawValue) limits are not ordered (LCL <= center <= UCL)")
            }
            frozen.append(l)
        }
        return FrozenLimits(chart: chart, constants: constants, sigmaMultiplier: L, sigmaMethod: sigmaMethod, span: span,
                            subgroupSize: size, processCenter: center, processSigma: sigma, charts: frozen, subgroups: subgroups)
    }

    /// The study's method in words (sigma method, span, rules, rounds, stability, multiplier), as the
    /// limit registry records it.
    public static func methodSummary(of document: JSONValue) -> String {
        let sigma = document["sigma_method"]?.stringValue ?? "chart default"
        let rules = document["rules"]?["name"]?.stringValue ?? "?"
        let rounds = document["study"]?["rounds"]?.doubleValue.flatMap(wholeNumber).map(String.init) ?? "?"
        let stable = document["study"]?["stable"]?.boolValue ?? true
        let span = document["span"]?.doubleValue.flatMap(wholeNumber).map { ", span \($0)" } ?? ""
        return "baseline study: sigma \(sigma)\(span), rules \(rules), \(rounds) round(s)\(stable ? "" : ", not stable"), ±\(document["sigma_multiplier"]?.doubleValue ?? 3) sigma"
    }

    /// `x` as an `Int` when it is a whole number below 1e9 in magnitude (counts in a baseline), else nil.
    static func wholeNumber(_ x: Double) -> Int? {
        x == x.rounded() && abs(x) < 1e9 ? Int(x) : nil
    }

    /// The decoder's reason without Foundation's type dump: "The given data was not valid JSON." and
    /// the underlying parser's message when there is one.
    private static func explain(_ error: any Error) -> String {
        guard case let DecodingError.dataCorrupted(context) = error else { return "invalid JSON" }
        var text = context.debugDescription
        if let underlying = context.underlyingError as NSError?, let detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String {
            text += " " + detail
        }
        return text
    }
}
