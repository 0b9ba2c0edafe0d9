/// Error construction: where the cursor is (line, column in characters, path
/// of the value being read) and how the offending character reads.
extension JSONByteReader {
    /// An error at `position` (default: the cursor), which must be on the current line.
    func fail(_ message: String, at position: Int? = nil) -> JSONParseError {
        let at = min(position ?? pos, bytes.count)
        var column = 1
        var i = lineStart
        while i < at {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return JSONParseError(message: message, line: line, column: column, path: currentPath())
    }

    /// The path of the value being read, from the container stack.
    func currentPath() -> JSONPath {
        var components: [JSONPath.Component] = []
        for (depth, frame) in stack.enumerated() {
            guard frame.inValue else { break }
            if frame.isObject {
                components.append(.key(frame.key))
            } else {
                // Elements of this array sit on the scratch stack up to where the next open array's begin.
                let end = stack[(depth + 1)...].first(where: { !$0.isObject })?.start ?? elementScratch.count
                components.append(.index(end - frame.start))
            }
        }
        return JSONPath(components)
    }

    func unexpectedCharacter(expecting expected: String) -> JSONParseError {
        if bytes[pos] >= 0x80, multiByteLength(at: pos) == nil {
            return fail("invalid UTF-8 (byte 0x\(String(bytes[pos], radix: 16, uppercase: true)))")
        }
        return fail("expected \(expected), found \(describeCharacter())")
    }

    func controlCharacter(_ byte: UInt8) -> JSONParseError {
        let name = byte == 0x0A ? "a line break" : byte == 0x09 ? "a tab" : "control character U+\(hex(UInt32(byte)))"
        return fail("\(name) inside a string must be escaped (is a closing quote missing?)")
    }

    /// The character at the cursor for a message: `'x'`, `end of file`, or a byte.
    func describeCharacter(quoted: Bool = true) -> String {
        guard pos < bytes.count else { return "end of file" }
        let byte = bytes[pos]
        var text: String
        if byte < 0x20 || byte == 0x7F {
            return "control character 0x\(String(byte, radix: 16, uppercase: true))"
        } else if byte < 0x80 {
            text = String(UnicodeScalar(byte))
        } else if let length = multiByteLength(at: pos) {
            text = String(decoding: UnsafeBufferPointer(rebasing: bytes[pos..<pos + length]), as: UTF8.self)
        } else {
            return "byte 0x\(String(byte, radix: 16, uppercase: true))"
        }
        if quoted { text = "'\(text)'" }
        return text
    }
}
