import XCTest
@testable import Allocator

/// What a planning officer reads: Thai text lining up, baht with separators, stable JSON.
final class FormattingTests: XCTestCase {
    func testThaiVowelAndToneMarksTakeNoColumn() {
        // ก อ ง ท ุ น ห ม ู ่ บ ้ า น: 14 scalars, 4 of them marks above or below.
        XCTAssertEqual(DisplayWidth.of("กองทุนหมู่บ้าน"), 10)
        XCTAssertEqual(DisplayWidth.of("น้ำ"), 2, "sara am (U+0E33) takes a column, mai tho does not")
        XCTAssertEqual(DisplayWidth.of("abc"), 3)
        XCTAssertEqual(DisplayWidth.of("水"), 2)
    }

    func testTableColumnsLineUpWithThaiNames() {
        var table = TextTable(headers: ["name", "baht"], alignments: [.left, .right])
        table.add(["อบต.หนองบัว", "1,000"])
        table.add(["กองทุนหมู่บ้านหนองแวง", "50"])
        let lines = table.render(indent: "").split(separator: "\n").map(String.init)
        let widths = lines.map(DisplayWidth.of)
        XCTAssertEqual(Set(widths).count, 1, "every line is as wide on screen: \(lines)")
    }

    func testPaddingCutsLongTextWithAnEllipsis() {
        XCTAssertEqual(DisplayWidth.pad("abcdef", to: 4), "abc…")
        XCTAssertEqual(DisplayWidth.pad("ab", to: 4, alignRight: true), "  ab")
    }

    func testMoneyHasThousandsSeparators() {
        XCTAssertEqual(NumberFormat.baht(1_234_567.6), "1,234,568")
        XCTAssertEqual(NumberFormat.baht(999), "999")
        XCTAssertEqual(NumberFormat.baht(-1000), "-1,000")
        XCTAssertEqual(NumberFormat.fixed(38.9875, decimals: 3), "38.988")
        XCTAssertEqual(NumberFormat.fixed(12345.5, decimals: 1), "12,345.5")
        XCTAssertEqual(NumberFormat.percent(0.00123, decimals: 3), "0.123%")
    }

    func testJSONOutputIsStableAndEscaped() {
        let doc = JSONOutput.object([
            ("b", .number(350000)), ("a", .string("ข\"\n")), ("x", .number(0.1)), ("n", .number(nil)),
            ("list", .array([.object([("id", .string("P1")), ("cost", .number(1.5))])])),
        ])
        XCTAssertEqual(doc.serialized(), """
            {
              "b": 350000,
              "a": "ข\\"\\n",
              "x": 0.1,
              "n": null,
              "list": [
                {"id": "P1", "cost": 1.5}
              ]
            }

            """)
    }

    func testResultMoneyDropsFloatingPointDust() {
        XCTAssertEqual(ResultDocument.rounded(0.1 + 0.2), 0.3)
        XCTAssertEqual(ResultDocument.rounded(12_345_678_901.5), 12_345_678_901.5)
    }

    func testAtomicWriteLeavesNoTemporaryFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("out.json").path
        try AtomicFile.write("one\n", to: path)
        try AtomicFile.write("two\n", to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "two\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["out.json"])
        XCTAssertThrowsError(try AtomicFile.write("x", to: dir.appendingPathComponent("out.json/inside.json").path))
    }
}
