/// A strict RFC 8259 JSON parser over raw bytes that records each value's line.
///
/// Strict means a budget file that is not exactly JSON is refused rather than
/// guessed at: invalid UTF-8, control characters or lone surrogates in strings,
/// leading zeros, numbers too large for a Double (`1e400`), trailing commas and
/// anything after the top value are errors. A UTF-8 byte order mark at the very
/// start is skipped (spreadsheet exports write one).
///
/// The parser is iterative (an explicit stack, never recursion), so hostile
/// nesting cannot overflow the call stack; nesting deeper than `maximumDepth`
/// is refused with its own message. Strings without escapes are made straight
/// from the input bytes, and most numbers are converted without going through
/// text, so a 20 MB scenario parses in a fraction of a second.
public enum JSONParser {
    /// Deepest nesting of arrays and objects accepted. A scenario needs 4.
    public static let maximumDepth = 512

    /// Parses one JSON document. With `memoryLimit`, a document whose values
    /// would take more memory than the limit is refused when the values read so
    /// far reach it (a file of many tiny values costs up to 32 times its size;
    /// see `JSONByteReader.charge`), before memory runs out.
    ///
    /// - Complexity: O(n) in the number of bytes.
    public static func parse(_ bytes: [UInt8], memoryLimit: MemoryLimit? = nil) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONByteReader(buffer, memoryLimit: memoryLimit)
            do throws(JSONParseError) {
                return .success(try reader.parseDocument())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Parses one JSON document from text.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }
}
