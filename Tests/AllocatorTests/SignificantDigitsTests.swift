import Testing
@testable import Allocator

/// Prices are written to 12 significant digits, whatever their size, and a
/// price too small to scale (a priority near 1e-290 over costs near 1e9) is
/// written as it is instead of looping for ever.
@Suite struct SignificantDigitsTests {
    @Test func twelveDigitsAtEveryScale() {
        #expect(ResultDocument.significant(1.2345678901234567e-7) == 1.23456789012e-7)
        #expect(ResultDocument.significant(-98765.43210987654) == -98765.4321099)
        #expect(ResultDocument.significant(0) == 0)
    }

    @Test func tinyValuesComeBackAsTheyAre() {
        for x in [1e-300, -4.9e-324, 2.2250738585072014e-308, 1e-291] {
            #expect(ResultDocument.significant(x) == x)
        }
        // Still rounded just above the cut (to the last bit: the scale is 1e301).
        let rounded = ResultDocument.significant(1.23456789012345e-290)
        #expect(abs(rounded - 1.23456789012e-290) <= 1e-15 * 1.23456789012e-290)
    }
}
