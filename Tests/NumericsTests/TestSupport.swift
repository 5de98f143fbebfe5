import Testing

/// |actual - expected| <= tolerance * |expected| (absolute when expected is 0), with both values in the
/// failure message.
func expectRelative(_ actual: Double, _ expected: Double, _ tolerance: Double,
                    _ label: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
    let error = expected == 0 ? abs(actual) : abs(actual - expected) / abs(expected)
    #expect(error <= tolerance,
            "\(label) got \(actual), expected \(expected), relative error \(error) > \(tolerance)",
            sourceLocation: sourceLocation)
}

/// |actual - expected| <= tolerance.
func expectAbsolute(_ actual: Double, _ expected: Double, _ tolerance: Double,
                    _ label: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
    let error = abs(actual - expected)
    #expect(error <= tolerance,
            "\(label) got \(actual), expected \(expected), absolute error \(error) > \(tolerance)",
            sourceLocation: sourceLocation)
}
