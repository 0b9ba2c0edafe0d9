@testable import Allocator
import Testing

/// `CellText`: numbers as a Thai spreadsheet writes them (thousands separators,
/// decimals, Thai digits, ฿, percentages), yes/no and `;` lists; everything else refused.
@Suite struct CellTextTests {
    @Test func amountsWithAndWithoutThousandsSeparators() {
        let cases: [(String, Double)] = [
            ("1250000", 1_250_000), ("1,250,000", 1_250_000), ("1,250,000.50", 1_250_000.5), (" 950,000 ", 950_000),
            ("12,000", 12_000), ("999", 999), ("0.5", 0.5), (".5", 0.5), ("-3", -3), ("+7", 7), ("1.25E+06", 1_250_000),
            ("1e3", 1000), ("๑,๒๕๐,๐๐๐", 1_250_000), ("๙.๕", 9.5),
        ]
        for (text, value) in cases {
            #expect(CellText.number(text) == value, "\(text)")
            #expect(CellText.number(text, .money) == value, "\(text) as money")
        }
    }

    @Test func badGroupingAndNonNumbersAreRefused() {
        for text in ["1,25", "12,34,567", "1,2345", ",123", "1,", "1,000.", "abc", "", "-", "1 000", "1.2.3", "nan", "inf",
                     "infinity", "0x10", "1,000e3", "12a", "1.5%", "฿100"] {
            #expect(CellText.number(text) == nil, "\(text)")
        }
    }

    @Test func moneyMayCarryTheBahtSignOrWord() {
        #expect(CellText.number("฿1,250,000", .money) == 1_250_000)
        #expect(CellText.number("1,250,000฿", .money) == 1_250_000)
        #expect(CellText.number("1,250,000 บาท", .money) == 1_250_000)
        #expect(CellText.number("20%", .money) == nil)
    }

    @Test func fractionsMayBePercentages() {
        #expect(CellText.number("20%", .fraction) == 0.2)
        #expect(CellText.number("0.1%", .fraction) == 0.001)
        #expect(CellText.number("0.25", .fraction) == 0.25)
        #expect(CellText.number("฿1", .fraction) == nil)
    }

    @Test func integersAllowATrailingZeroFractionOnly() {
        #expect(CellText.integer("3") == 3)
        #expect(CellText.integer("3.0") == 3)
        #expect(CellText.integer("1,000") == 1000)
        #expect(CellText.integer("3.5") == nil)
        #expect(CellText.integer("x") == nil)
    }

    @Test func yesAndNo() {
        for text in ["true", "TRUE", "yes", "Y", "1", "ใช่"] { #expect(CellText.bool(text) == true, "\(text)") }
        for text in ["false", "FALSE", "no", "n", "0", "ไม่ใช่"] { #expect(CellText.bool(text) == false, "\(text)") }
        #expect(CellText.bool("maybe") == nil)
    }

    @Test func listsAreSemicolonSeparated() {
        #expect(CellText.list("S1; S2 ;;S3;") == ["S1", "S2", "S3"])
        #expect(CellText.list("ยุทธศาสตร์ที่ 1, น้ำ") == ["ยุทธศาสตร์ที่ 1, น้ำ"])
        let (pairs, bad) = CellText.pairs("community=200,000; LAO-1 = 150000")
        #expect(bad == nil)
        #expect(pairs.map(\.key) == ["community", "LAO-1"])
        #expect(pairs.map(\.value) == ["200,000", "150000"])
        #expect(CellText.pairs("community=1; LAO-1").bad == "LAO-1")
        #expect(CellText.pairs("=5").bad == "=5")
    }
}
