import Testing
@testable import RelmodelNumerics

@Suite struct NumberFormattingTests {
    @Test(arguments: [
        (606.52757, 7, "606.5276"), (1.7207974, 6, "1.72080"), (0.0138464, 4, "0.01385"),
        (-75.134624, 7, "-75.13462"), (1234567.0, 3, "1230000"), (999.96, 4, "1000"),
        (1e-7, 3, "1e-07"), (2.5e12, 3, "2.5e+12"), (0.5, 6, "0.5"), (0, 6, "0"),
    ])
    func significantDigits(value: Double, digits: Int, expected: String) {
        #expect(NumberFormatting.significant(value, digits) == expected.replacingZerosIfNeeded)
    }

    @Test func specialValues() {
        #expect(NumberFormatting.significant(.infinity) == "inf")
        #expect(NumberFormatting.significant(-.infinity) == "-inf")
        #expect(NumberFormatting.significant(.nan) == "nan")
        #expect(NumberFormatting.significant(nil) == "-")
        // Below 1e-300 (subnormals included) the shortest round-trip form is printed: no trap.
        #expect(NumberFormatting.significant(Double.leastNonzeroMagnitude) == "5e-324")
        #expect(Double(NumberFormatting.significant(-Double.leastNormalMagnitude)) == -Double.leastNormalMagnitude)
    }

    @Test func fixedDecimals() {
        #expect(NumberFormatting.fixed(3.14159, 2) == "3.14")
        #expect(NumberFormatting.fixed(0.005, 3) == "0.005")
        #expect(NumberFormatting.fixed(-0.0004, 2) == "0.00")
        #expect(NumberFormatting.fixed(-12.5, 0) == "-13")
        #expect(NumberFormatting.fixed(74.001176, 5) == "74.00118")
    }
}

private extension String {
    /// Trailing zeros after the decimal point are trimmed by `significant`.
    var replacingZerosIfNeeded: String {
        guard contains("."), !contains("e") else { return self }
        var s = Substring(self)
        while s.last == "0" { s.removeLast() }
        if s.last == "." { s.removeLast() }
        return String(s)
    }
}
