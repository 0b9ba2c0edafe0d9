import XCTest
@testable import Allocator

final class JSONParserTests: XCTestCase {
    // MARK: Helpers

    private func parse(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> JSONValue? {
        do {
            return try JSONParser.parse(text)
        } catch {
            XCTFail("unexpected error: \(error)", file: file, line: line)
            return nil
        }
    }

    private func parseError(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> JSONParseError? {
        do {
            let value = try JSONParser.parse(bytes)
            XCTFail("expected an error, parsed \(value)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    private func parseError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> JSONParseError? {
        parseError(Array(text.utf8), file: file, line: line)
    }

    private func number(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Double? {
        guard let value = parse(text, file: file, line: line) else { return nil }
        guard case .number(let x) = value.kind else {
            XCTFail("not a number: \(value)", file: file, line: line)
            return nil
        }
        return x
    }

    // MARK: Values and lines

    func testParsesEveryKindOfValueWithItsLine() throws {
        let text = """
        {
          "s": "text",
          "n": -12.5e1,
          "t": true, "f": false,
          "z": null,
          "a": [1,
                2],
          "o": {}
        }
        """
        let root = try XCTUnwrap(parse(text))
        XCTAssertEqual(root.line, 1)
        guard case .object(let members) = root.kind else { return XCTFail("not an object") }
        XCTAssertEqual(members.map(\.key), ["s", "n", "t", "f", "z", "a", "o"])
        XCTAssertEqual(members.map(\.line), [2, 3, 4, 4, 5, 6, 8])
        XCTAssertEqual(root["s"]?.kind, .string("text"))
        XCTAssertEqual(root["n"]?.kind, .number(-125))
        XCTAssertEqual(root["t"]?.kind, .bool(true))
        XCTAssertEqual(root["f"]?.kind, .bool(false))
        XCTAssertEqual(root["z"]?.kind, .null)
        XCTAssertEqual(root["a"]?[0]?.line, 6)
        XCTAssertEqual(root["a"]?[1]?.line, 7)
        XCTAssertEqual(root["a"]?[1]?.kind, .number(2))
        XCTAssertEqual(root["o"]?.kind, .object([]))
    }

    func testDuplicateKeysAreKeptInOrder() throws {
        let root = try XCTUnwrap(parse(#"{"a": 1, "b": 2, "a": 3}"#))
        guard case .object(let members) = root.kind else { return XCTFail("not an object") }
        XCTAssertEqual(members.map(\.key), ["a", "b", "a"])
        XCTAssertEqual(members.map(\.value.kind), [.number(1), .number(2), .number(3)])
        XCTAssertEqual(root["a"]?.kind, .number(1), "lookup finds the first occurrence")
    }

    func testLinesCountCRLFAndLoneCR() throws {
        let root = try XCTUnwrap(parse("[1,\r\n2,\r3,\n4]"))
        XCTAssertEqual((0..<4).map { root[$0]?.line }, [1, 2, 3, 4])
    }

    func testScalarTopLevelValuesAreAccepted() {
        XCTAssertEqual(parse("  42 ")?.kind, .number(42))
        XCTAssertEqual(parse("\"x\"")?.kind, .string("x"))
        XCTAssertEqual(parse("null")?.kind, .null)
    }

    // MARK: Strings

    func testStringEscapes() {
        XCTAssertEqual(parse(#""a\"b\\c\/d\b\f\n\r\t""#)?.kind, .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
        XCTAssertEqual(parse(#""\u0041\u00e9\u0E01""#)?.kind, .string("Aéก"))
        XCTAssertEqual(parse(#""\uD83D\uDE00""#)?.kind, .string("😀"))
        XCTAssertEqual(parse(#""\u0000""#)?.kind, .string("\u{0}"))
    }

    func testRawUTF8TextIsKept() {
        XCTAssertEqual(parse("\"ขุดลอกคลองห้วยทราย 😀\"")?.kind, .string("ขุดลอกคลองห้วยทราย 😀"))
    }

    func testLoneSurrogatesAreRejected() {
        XCTAssertTrue(parseError(#""\uD800""#)?.message.contains("lone surrogate \\uD800") ?? false)
        XCTAssertTrue(parseError(#""\uDC00""#)?.message.contains("lone surrogate \\uDC00") ?? false)
        XCTAssertTrue(parseError(#""\uD800\u0041""#)?.message.contains("lone surrogate \\uD800") ?? false)
        XCTAssertTrue(parseError(#""\uD800x""#)?.message.contains("lone surrogate") ?? false)
    }

    func testControlCharactersInStringsAreRejected() {
        let error = parseError("{\n\"a\": \"line\none\"}")
        XCTAssertEqual(error?.line, 2)
        XCTAssertTrue(error?.message.contains("line break inside a string") ?? false, "\(String(describing: error))")
        XCTAssertNotNil(parseError("\"tab\there\""))
        XCTAssertNotNil(parseError("\"\u{1}\""))
    }

    func testBadEscapesAndUnterminatedStringsAreRejected() {
        XCTAssertTrue(parseError(#""\x""#)?.message.contains("invalid escape") ?? false)
        XCTAssertTrue(parseError(#""\u12G4""#)?.message.contains("four hexadecimal digits") ?? false)
        XCTAssertTrue(parseError(#""abc"#)?.message.contains("end of file inside a string") ?? false)
    }

    // MARK: UTF-8

    func testInvalidUTF8IsRejectedWithItsLine() {
        let prefix = Array("{\n\"a\":\n\"".utf8)
        for bad: [UInt8] in [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE0, 0x80, 0x80], [0xC3]] {
            let error = parseError(prefix + bad + Array("\"}".utf8))
            XCTAssertEqual(error?.line, 3, "bytes \(bad)")
            XCTAssertTrue(error?.message.contains("invalid UTF-8") ?? false, "bytes \(bad): \(String(describing: error))")
            XCTAssertEqual(error?.path, JSONPath([.key("a")]))
        }
    }

    func testInvalidUTF8OutsideStringsIsNamedAsSuch() {
        let error = parseError([0x5B, 0x0A, 0xFF, 0x5D])
        XCTAssertEqual(error?.line, 2)
        XCTAssertTrue(error?.message.contains("invalid UTF-8") ?? false)
        XCTAssertTrue(parseError("[ก]")?.message.contains("found 'ก'") ?? false)
    }

    func testTruncatedUTF8AtEndOfFileIsRejected() {
        XCTAssertTrue(parseError([0x22, 0xE0, 0xB8])?.message.contains("invalid UTF-8") ?? false)
    }

    func testByteOrderMarkIsSkippedOnlyAtTheStart() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        XCTAssertEqual(try JSONParser.parse(bom + Array("{\"a\": 1}".utf8))["a"]?.kind, .number(1))
        XCTAssertNotNil(parseError(Array("[1, ".utf8) + bom + Array("2]".utf8)))
    }

    // MARK: Numbers

    func testNumbersFollowTheGrammar() {
        XCTAssertEqual(number("0"), 0)
        XCTAssertEqual(number("-0"), 0)
        XCTAssertEqual(number("7"), 7)
        XCTAssertEqual(number("1.5e3"), 1500)
        XCTAssertEqual(number("1E-2"), 0.01)
        XCTAssertEqual(number("2e+2"), 200)
        XCTAssertEqual(number("350000"), 350_000)
        for bad in ["01", "-01", "00", "-", "1.", ".5", "1e", "1e+", "+1", "1.e3", "0x10", "Infinity", "NaN", "- 1"] {
            XCTAssertNotNil(parseError(bad), bad)
        }
        XCTAssertTrue(parseError("[01]")?.message.contains("leading zeros") ?? false)
    }

    func testNumbersAreCorrectlyRounded() {
        XCTAssertEqual(number("0.1"), 0.1)
        XCTAssertEqual(number("0.3"), 0.3)
        XCTAssertEqual(number("123456.789"), 123456.789)
        XCTAssertEqual(number("9007199254740993"), 9007199254740992)
        XCTAssertEqual(number("1.7976931348623157e308"), Double.greatestFiniteMagnitude)
        XCTAssertEqual(number("2.2250738585072014e-308"), 2.2250738585072014e-308)
        XCTAssertEqual(number("5e-324"), Double.leastNonzeroMagnitude)
        XCTAssertEqual(number("1e-400"), 0, "underflow to zero is not an error")
        XCTAssertEqual(number("0.00000000000000000000000000001"), 1e-29)
        XCTAssertEqual(number("12345678901234567890123"), 12345678901234567890123.0)
    }

    func testPrintedDoublesReadBackExactly() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<20_000 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            let x = Double(bitPattern: state)
            guard x.isFinite else { continue }
            XCTAssertEqual(number(JSONOutput.format(x)), x, "\(x)")
            let money = Double(state % 10_000_000_000) / 100
            XCTAssertEqual(number(JSONOutput.format(money)), money, "\(money)")
        }
    }

    /// 1e400 is valid JSON; it reads as an infinity so the decoder can report it
    /// at its path and go on to find the file's other problems.
    func testNumbersOverflowingToInfinityReadAsInfinity() throws {
        let value = try JSONParser.parse("{\n\"budget\": [1,\n 1e400]}")
        guard case .number(let x)? = value["budget"]?[1]?.kind else { return XCTFail("not a number") }
        XCTAssertEqual(x, .infinity)
        XCTAssertEqual(value["budget"]?[1]?.line, 3)
        guard case .number(let y) = try JSONParser.parse("-1e400").kind else { return XCTFail("not a number") }
        XCTAssertEqual(y, -.infinity)
        guard case .number(let z) = try JSONParser.parse("1" + String(repeating: "0", count: 400)).kind else {
            return XCTFail("not a number")
        }
        XCTAssertEqual(z, .infinity)
    }

    // MARK: Structure

    func testTrailingGarbageIsRejected() {
        XCTAssertTrue(parseError("{} x")?.message.contains("after the end of the JSON value") ?? false)
        XCTAssertNotNil(parseError("{}{}"))
        XCTAssertNotNil(parseError("[1] ]"))
        XCTAssertNotNil(parseError("1 2"))
    }

    func testTrailingCommasAndMissingSeparatorsAreRejected() {
        XCTAssertTrue(parseError("[1, 2,]")?.message.contains("comma must not follow the last element") ?? false)
        XCTAssertTrue(parseError(#"{"a": 1,}"#)?.message.contains("comma must not follow the last member") ?? false)
        XCTAssertNotNil(parseError("[1 2]"))
        XCTAssertNotNil(parseError(#"{"a" 1}"#))
        XCTAssertNotNil(parseError(#"{"a": 1 "b": 2}"#))
        XCTAssertNotNil(parseError("{a: 1}"))
        XCTAssertNotNil(parseError("[,1]"))
        XCTAssertNotNil(parseError("[1"))
        XCTAssertNotNil(parseError(#"{"a": "#))
        XCTAssertNotNil(parseError("tru"))
        XCTAssertNotNil(parseError("nulls"))
    }

    func testEmptyFileIsAClearError() {
        let empty = parseError([UInt8]())
        XCTAssertEqual(empty?.line, 1)
        XCTAssertTrue(empty?.message.contains("the file is empty") ?? false)
        XCTAssertTrue(parseError([0xEF, 0xBB, 0xBF])?.message.contains("the file is empty") ?? false)
        let blank = parseError(" \n\n ")
        XCTAssertEqual(blank?.line, 3)
        XCTAssertTrue(blank?.message.contains("only white space") ?? false)
    }

    func testNestingUpToTheLimitIsAccepted() {
        let depth = JSONParser.maximumDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        XCTAssertNotNil(parse(text))
    }

    func testDeepNestingIsRefusedWithoutCrashing() {
        let depth = JSONParser.maximumDepth + 1
        let error = parseError(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        XCTAssertTrue(error?.message.contains("nested more than 512 levels") ?? false, "\(String(describing: error))")
        XCTAssertNotNil(parseError(String(repeating: "{\"a\":", count: 100_000)))
        XCTAssertNotNil(parseError(String(repeating: "[", count: 1_000_000)))
    }

    func testErrorsNameThePathBeingRead() {
        XCTAssertEqual(parseError(#"{"a": [1, 2, tru]}"#)?.path.description, "a[2]")
        XCTAssertEqual(parseError(#"{"projects": [{"id": "P1"}, {"id": "P2", "cost": 1.}]}"#)?.path.description,
                       "projects[1].cost")
        XCTAssertEqual(parseError(#"{"a": 1 x}"#)?.path.description, "$")
    }

    func testColumnsCountCharactersNotBytes() {
        let error = parseError("[\"ก\", x]")
        XCTAssertEqual(error?.line, 1)
        XCTAssertEqual(error?.column, 7)
    }

    func testPathsQuoteKeysThatAreNotIdentifiers() {
        XCTAssertEqual(JSONPath.root.description, "$")
        XCTAssertEqual(JSONPath([.key("projects"), .index(17), .key("requires"), .index(0)]).description,
                       "projects[17].requires[0]")
        XCTAssertEqual(JSONPath([.key("projects"), .index(3), .key("costAt"), .key("LAO-1")]).description,
                       #"projects[3].costAt["LAO-1"]"#)
        XCTAssertEqual(JSONPath([.key("x-note")]).description, #"$["x-note"]"#)
    }
}
