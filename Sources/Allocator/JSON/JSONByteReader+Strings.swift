/// Strings: the fast path makes a `String` straight from the input bytes;
/// escapes take a slower path. UTF-8 is validated as it is read.
extension JSONByteReader {
    /// Reads a string starting at its opening quote; validates UTF-8 as it goes.
    mutating func readString() throws(JSONParseError) -> String {
        pos += 1
        let start = pos
        while pos < bytes.count {
            let byte = bytes[pos]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
                pos += 1
                return text
            }
            if byte == UInt8(ascii: "\\") {
                return try readEscapedString(from: start)
            }
            if byte < 0x20 { throw controlCharacter(byte) }
            if byte < 0x80 {
                pos += 1
            } else {
                try skipMultiByteCharacter()
            }
        }
        throw fail("unexpected end of file inside a string")
    }

    /// Slow path for strings with escapes: bytes before the first `\` are copied as they are.
    mutating func readEscapedString(from start: Int) throws(JSONParseError) -> String {
        var out = Array(bytes[start..<pos])
        while pos < bytes.count {
            let byte = bytes[pos]
            switch byte {
            case UInt8(ascii: "\""):
                pos += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try readEscape(into: &out)
            case 0..<0x20:
                throw controlCharacter(byte)
            case 0x20..<0x80:
                out.append(byte)
                pos += 1
            default:
                let from = pos
                try skipMultiByteCharacter()
                out.append(contentsOf: bytes[from..<pos])
            }
        }
        throw fail("unexpected end of file inside a string")
    }

    mutating func readEscape(into out: inout [UInt8]) throws(JSONParseError) {
        let escapeStart = pos
        pos += 1
        guard pos < bytes.count else { throw fail("unexpected end of file inside a string") }
        let letter = bytes[pos]
        pos += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(letter)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4(escapeStart: escapeStart)
            if (0xDC00...0xDFFF).contains(scalar) {
                throw fail("lone surrogate \\u\(hex(scalar)) in a string (a low surrogate must follow a high one)", at: escapeStart)
            }
            if (0xD800...0xDBFF).contains(scalar) {
                guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") else {
                    throw fail("lone surrogate \\u\(hex(scalar)) in a string (a low surrogate must follow it)", at: escapeStart)
                }
                let lowStart = pos
                pos += 2
                let low = try readHex4(escapeStart: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw fail("lone surrogate \\u\(hex(scalar)) in a string (followed by \\u\(hex(low)), not a low surrogate)", at: escapeStart)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            appendUTF8(scalar, to: &out)
        default:
            pos -= 1
            throw fail("invalid escape '\\\(describeCharacter(quoted: false))' in a string", at: escapeStart)
        }
    }

    mutating func readHex4(escapeStart: Int) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard pos < bytes.count, let digit = hexDigit(bytes[pos]) else {
                throw fail("\\u must be followed by four hexadecimal digits", at: escapeStart)
            }
            value = value << 4 | digit
            pos += 1
        }
        return value
    }

    func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18))
            out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Steps over one well-formed multi-byte UTF-8 character at `pos`, or fails.
    mutating func skipMultiByteCharacter() throws(JSONParseError) {
        guard let length = multiByteLength(at: pos) else {
            throw fail("invalid UTF-8 (byte 0x\(String(bytes[pos], radix: 16, uppercase: true)))")
        }
        pos += length
    }

    /// Length of the well-formed UTF-8 sequence starting at `at` (lead byte >= 0x80),
    /// or nil: overlong forms, surrogates and values above U+10FFFF are not well formed.
    func multiByteLength(at start: Int) -> Int? {
        let lead = bytes[start]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return nil
        }
        guard start + length <= bytes.count, secondRange.contains(bytes[start + 1]) else { return nil }
        for offset in 2..<length where !(0x80...0xBF).contains(bytes[start + offset]) {
            return nil
        }
        return length
    }
}
