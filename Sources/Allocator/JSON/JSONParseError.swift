/// Why a document is not strict JSON (RFC 8259), and where: the 1-based line
/// and column (in characters) and the path of the value being read.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int
    /// The innermost value being read when the problem was found (`$` at top level).
    public var path: JSONPath

    public init(message: String, line: Int, column: Int, path: JSONPath = .root) {
        self.message = message
        self.line = line
        self.column = column
        self.path = path
    }

    public var description: String {
        "\(path) (line \(line), column \(column)): \(message)"
    }
}
