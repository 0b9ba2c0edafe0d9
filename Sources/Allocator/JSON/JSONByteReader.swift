/// `JSONParser`'s cursor over one document's bytes, with the stack of arrays
/// and objects still open.
///
/// Elements and members of open containers wait on two shared scratch stacks
/// and are copied into an exactly sized array when their container closes:
/// one allocation per container instead of one per growth step.
struct JSONByteReader {
    /// An array or object still being read.
    struct Frame {
        var isObject: Bool
        var line: Int
        /// Where its elements (or members) begin on the scratch stack.
        var start: Int
        /// The key of the member whose value is being read.
        var key = ""
        var keyLine = 0
        /// True while one of its elements (or a member's value) is being read.
        var inValue = false
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0
    var line = 1
    /// Offset of the first byte of the current line (for columns).
    var lineStart = 0
    var stack: [Frame] = []
    var elementScratch: [JSONValue] = []
    var memberScratch: [JSONMember] = []
    /// The limit the parsed values must stay within, if any.
    let memoryLimit: MemoryLimit?
    /// Bytes charged so far (see `charge(_:)`), starting with the document's own.
    var charged: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, memoryLimit: MemoryLimit? = nil) {
        self.bytes = bytes
        self.memoryLimit = memoryLimit
        self.charged = bytes.count
    }

    /// Counts the memory of one value handed to its container (`entry` is the
    /// stride of a `JSONValue` or `JSONMember`, `text` the heap bytes of its
    /// strings), and refuses the document once the count passes the limit.
    /// Each entry is charged twice: it sits on the scratch stack, whose
    /// capacity doubles as it grows, and then in its container's own array.
    /// Measured: a 94 MB array of zeros peaks at 3.0 GB, 32 bytes per byte,
    /// and is charged 47 million × 64 bytes = 3.0 GB.
    mutating func charge(entry: Int, text: Int) throws(JSONParseError) {
        guard let memoryLimit else { return }
        charged += 2 * entry + text
        if charged > memoryLimit.bytes {
            throw fail("the file holds more values than fit in memory: reading it needs more than "
                + "\(memoryLimit), the limit; give more with --max-memory or use a larger machine")
        }
    }

    /// Heap bytes of a string (Swift keeps up to 15 UTF-8 bytes inline).
    static func heapBytes(_ string: String) -> Int {
        let count = string.utf8.count
        return count > 15 ? count + 32 : 0
    }

    /// Heap bytes of a scalar value's own string, if it is one.
    static func heapBytes(_ value: JSONValue) -> Int {
        if case .string(let text) = value.kind { return heapBytes(text) }
        return 0
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            pos = 3
            lineStart = 3
        }
        let contentStart = pos
        skipWhitespace()
        if pos == bytes.count {
            throw fail(contentStart == bytes.count
                ? "the file is empty; expected a JSON object"
                : "the file holds only white space; expected a JSON object")
        }
        while true {
            guard var completed = try readValueOrOpen() else { continue }
            // A value is complete: hand it to its container, closing containers as they end.
            while let top = stack.indices.last {
                skipWhitespace()
                if stack[top].isObject {
                    try charge(entry: MemoryLayout<JSONMember>.stride,
                               text: Self.heapBytes(stack[top].key) + Self.heapBytes(completed))
                    memberScratch.append(JSONMember(key: stack[top].key, value: completed, line: stack[top].keyLine))
                    stack[top].inValue = false
                    guard pos < bytes.count else { throw fail("unexpected end of file; expected ',' or '}'") }
                    if bytes[pos] == UInt8(ascii: ",") {
                        pos += 1
                        try readKey()
                        break
                    }
                    guard bytes[pos] == UInt8(ascii: "}") else {
                        throw fail("expected ',' or '}' after the member, found \(describeCharacter())")
                    }
                    pos += 1
                    let frame = stack.removeLast()
                    let members = Array(memberScratch[frame.start...])
                    memberScratch.removeSubrange(frame.start...)
                    completed = JSONValue(.object(members), line: frame.line)
                } else {
                    try charge(entry: MemoryLayout<JSONValue>.stride, text: Self.heapBytes(completed))
                    elementScratch.append(completed)
                    stack[top].inValue = false
                    guard pos < bytes.count else { throw fail("unexpected end of file; expected ',' or ']'") }
                    if bytes[pos] == UInt8(ascii: ",") {
                        pos += 1
                        skipWhitespace()
                        if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") {
                            throw fail("a comma must not follow the last element")
                        }
                        stack[top].inValue = true
                        break
                    }
                    guard bytes[pos] == UInt8(ascii: "]") else {
                        throw fail("expected ',' or ']' after the element, found \(describeCharacter())")
                    }
                    pos += 1
                    let frame = stack.removeLast()
                    let elements = Array(elementScratch[frame.start...])
                    elementScratch.removeSubrange(frame.start...)
                    completed = JSONValue(.array(elements), line: frame.line)
                }
            }
            if stack.isEmpty {
                skipWhitespace()
                guard pos == bytes.count else {
                    throw fail("unexpected \(describeCharacter()) after the end of the JSON value")
                }
                return completed
            }
        }
    }

    /// Reads a scalar (returned) or opens an array or object (pushed; nil is
    /// returned and the caller reads its first element). Empty containers are
    /// returned whole.
    mutating func readValueOrOpen() throws(JSONParseError) -> JSONValue? {
        skipWhitespace()
        guard pos < bytes.count else { throw fail("unexpected end of file; expected a value") }
        let startLine = line
        switch bytes[pos] {
        case UInt8(ascii: "{"):
            try checkDepth()
            pos += 1
            skipWhitespace()
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") {
                pos += 1
                return JSONValue(.object([]), line: startLine)
            }
            stack.append(Frame(isObject: true, line: startLine, start: memberScratch.count))
            try readKey()
            return nil
        case UInt8(ascii: "["):
            try checkDepth()
            pos += 1
            skipWhitespace()
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") {
                pos += 1
                return JSONValue(.array([]), line: startLine)
            }
            stack.append(Frame(isObject: false, line: startLine, start: elementScratch.count, inValue: true))
            return nil
        case UInt8(ascii: "\""):
            return JSONValue(.string(try readString()), line: startLine)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONValue(.number(try readNumber()), line: startLine)
        case UInt8(ascii: "t"):
            try readLiteral("true")
            return JSONValue(.bool(true), line: startLine)
        case UInt8(ascii: "f"):
            try readLiteral("false")
            return JSONValue(.bool(false), line: startLine)
        case UInt8(ascii: "n"):
            try readLiteral("null")
            return JSONValue(.null, line: startLine)
        default:
            throw unexpectedCharacter(expecting: "a value")
        }
    }

    mutating func checkDepth() throws(JSONParseError) {
        if stack.count >= JSONParser.maximumDepth {
            throw fail("arrays and objects are nested more than \(JSONParser.maximumDepth) levels deep")
        }
    }

    /// Reads `"key" :` of the top object's next member.
    mutating func readKey() throws(JSONParseError) {
        skipWhitespace()
        guard pos < bytes.count else { throw fail("unexpected end of file; expected a key in double quotes") }
        guard bytes[pos] == UInt8(ascii: "\"") else {
            if bytes[pos] == UInt8(ascii: "}") { throw fail("a comma must not follow the last member") }
            throw unexpectedCharacter(expecting: "a key in double quotes")
        }
        let keyLine = line
        let key = try readString()
        skipWhitespace()
        guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else {
            throw fail("expected ':' after the key \"\(key)\", found \(describeCharacter())")
        }
        pos += 1
        let top = stack.count - 1
        stack[top].key = key
        stack[top].keyLine = keyLine
        stack[top].inValue = true
    }

    mutating func skipWhitespace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x09:
                pos += 1
            case 0x0A:
                pos += 1
                line += 1
                lineStart = pos
            case 0x0D:
                pos += 1
                if pos < bytes.count, bytes[pos] == 0x0A { pos += 1 }
                line += 1
                lineStart = pos
            default:
                return
            }
        }
    }

    mutating func readLiteral(_ word: StaticString) throws(JSONParseError) {
        let count = word.utf8CodeUnitCount
        let text = UnsafeBufferPointer(start: word.utf8Start, count: count)
        guard pos + count <= bytes.count, (0..<count).allSatisfy({ bytes[pos + $0] == text[$0] }) else {
            throw unexpectedCharacter(expecting: "a value")
        }
        pos += count
    }
}
