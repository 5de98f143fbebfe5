import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Lifetime

/// An open end (the profile never falls far enough) is unbounded on its side; an end not computed
/// leaves membership unknown; a decreasing map swaps the ends and their notes.
@Suite struct ConfidenceIntervalTests {
    static let openBelow = ConfidenceInterval(lower: nil, upper: 5, notes: ["lower end: open: the profile log-likelihood does not fall"])
    static let notComputedBelow = ConfidenceInterval(lower: nil, upper: 5, notes: ["lower end: not computed: the root search did not converge"])

    @Test func openEndIsUnbounded() {
        #expect(Self.openBelow.isLowerOpen && !Self.openBelow.isUpperOpen)
        #expect(Self.openBelow.contains(-1e300) == true)
        #expect(Self.openBelow.contains(5) == true)
        #expect(Self.openBelow.contains(5.000001) == false)
    }

    @Test func endNotComputedLeavesMembershipUnknown() {
        #expect(!Self.notComputedBelow.isLowerOpen)
        #expect(Self.notComputedBelow.contains(1) == nil)
        #expect(ConfidenceInterval(lower: 1, upper: 2).contains(1.5) == true)
        #expect(ConfidenceInterval(lower: 1, upper: 2).contains(2.5) == false)
    }

    /// ln t open below, mapped by exp: still open below; R = exp(-exp(y)) decreasing: open above.
    @Test func mapsKeepTheOpenSide() {
        #expect(Self.openBelow.mappedIncreasing(exp).isLowerOpen)
        let decreasing = Self.openBelow.mappedDecreasing { exp(-exp($0)) }
        #expect(decreasing.isUpperOpen && !decreasing.isLowerOpen)
        #expect(decreasing.contains(1) == true && decreasing.contains(exp(-exp(5)) / 2) == false)
    }
}
