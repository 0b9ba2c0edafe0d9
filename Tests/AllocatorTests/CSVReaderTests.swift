import Allocator
import Testing

/// `CSVReader`: RFC 4180 as Excel writes it (byte order mark, CRLF, quoted
/// cells with commas, doubled quotes and line breaks, Thai text), and the
/// row and line of every syntax error.
@Suite struct CSVReaderTests {
    static func read(_ text: String, options: CSVReader.Options = .csv) throws -> [CSVRecord] {
        try CSVReader.records(Array(text.utf8), file: "t.csv", options: options)
    }

    static func fields(_ text: String, options: CSVReader.Options = .csv) throws -> [[String]] {
        try read(text, options: options).map(\.fields)
    }

    static func problem(_ bytes: [UInt8], options: CSVReader.Options = .csv) -> ImportProblem? {
        do {
            _ = try CSVReader.records(bytes, file: "t.csv", options: options)
            return nil
        } catch {
            #expect(error.problems.count == 1)
            return error.problems.first
        }
    }

    @Test func byteOrderMarkIsNotPartOfTheFirstHeader() throws {
        let withMark = try Self.fields("\u{FEFF}id,name\r\nP1,ถนน\r\n")
        let without = try Self.fields("id,name\nP1,ถนน\n")
        #expect(withMark == [["id", "name"], ["P1", "ถนน"]])
        #expect(without == withMark)
    }

    @Test func lineEndsCRLFLFAndCRAreAllRecordEnds() throws {
        #expect(try Self.fields("a,b\r\nc,d\ne,f\rg,h") == [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]])
    }

    @Test func quotedCellsHoldCommasQuotesAndLineBreaks() throws {
        let text = "id,name,note\r\n"
            + "P1,\"ขุดลอก, กำจัดวัชพืช\",\"ซ่อมถนน \"\"ลูกรัง\"\"\"\r\n"
            + "P2,\"บรรทัดหนึ่ง\r\nบรรทัดสอง\nบรรทัดสาม\",\"\"\r\n"
            + "P3,ถนน \"สายหลัก\",x\r\n"
        let records = try Self.read(text)
        #expect(records.map(\.fields) == [
            ["id", "name", "note"],
            ["P1", "ขุดลอก, กำจัดวัชพืช", "ซ่อมถนน \"ลูกรัง\""],
            ["P2", "บรรทัดหนึ่ง\r\nบรรทัดสอง\nบรรทัดสาม", ""],
            ["P3", "ถนน \"สายหลัก\"", "x"],
        ])
        // Rows count records, as a spreadsheet does; lines count text lines.
        #expect(records.map(\.row) == [1, 2, 3, 4])
        #expect(records.map(\.line) == [1, 2, 3, 6])
    }

    @Test func emptyCellsBlankRowsAndAMissingFinalLineBreak() throws {
        let records = try Self.read("a,,c\n\n,,\nx,y")
        #expect(records.map(\.fields) == [["a", "", "c"], [""], ["", "", ""], ["x", "y"]])
        #expect(records.map(\.isBlank) == [false, true, true, false])
        #expect(try Self.read("").isEmpty)
        #expect(try Self.fields("\u{FEFF}") == [])
        #expect(try Self.fields("a,\n") == [["a", ""]])
    }

    @Test func anUnclosedQuoteIsReportedAtItsRowAndLine() throws {
        let problem = try #require(Self.problem(Array("id,name\nP1,ok\nP2,\"ขุดลอก\nคลอง,x\n".utf8)))
        #expect(problem.file == "t.csv")
        #expect(problem.row == 3)
        #expect(problem.line == 3)
        #expect(problem.message.contains("never closed"))
        #expect(problem.description.hasPrefix("t.csv, row 3: "))
    }

    @Test func textAfterAClosingQuoteIsAnErrorInStrictModeAndKeptWhenLenient() throws {
        let text = "id;name\n47;\"Odkupmy\" i my;x\n"
        let strict = try #require(Self.problem(Array(text.utf8), options: CSVReader.Options(delimiter: UInt8(ascii: ";"))))
        #expect(strict.row == 2)
        #expect(strict.message.contains("after the closing quote"))
        let lenient = CSVReader.Options(delimiter: UInt8(ascii: ";"), strictQuotes: false)
        #expect(try Self.fields(text, options: lenient) == [["id", "name"], ["47", "\"Odkupmy\" i my", "x"]])
        // A well-formed quoted cell is unquoted in lenient mode too.
        #expect(try Self.fields("a;\"b;c\"\n", options: lenient) == [["a", "b;c"]])
    }

    @Test func bytesThatAreNotUTF8AreRefusedWithTheirLine() throws {
        // "ถนน" in Windows-874 (Excel's plain "CSV" on a Thai Windows), on line 2.
        let bytes = Array("id,name\n".utf8) + [0x50, 0x31, 0x2C, 0xB6, 0xB9, 0xB9, 0x0A]
        let problem = try #require(Self.problem(bytes))
        #expect(problem.line == 2)
        #expect(problem.message.contains("not UTF-8"))
        #expect(problem.message.contains("CSV UTF-8"))
    }
}
