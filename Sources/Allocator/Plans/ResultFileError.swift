/// A result file that cannot be used: it cannot be read, is not an
/// `allocate-result/1` document, or was not made from the scenario given
/// with it. Every problem found, each located by JSON path and line.
public struct ResultFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One thing wrong, e.g. `projects[3].funder (line 24): unknown funder "LAO-9"`.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// JSON path in the result file, `$` for the whole file.
        public var path: String
        public var line: Int?
        public var message: String

        public init(path: String, line: Int? = nil, message: String) {
            self.path = path
            self.line = line
            self.message = message
        }

        public var description: String {
            if let line { return "\(path) (line \(line)): \(message)" }
            return "\(path): \(message)"
        }
    }

    public enum Kind: Sendable, Equatable {
        /// The file cannot be read, or is not an `allocate-result/1` document.
        case unreadable
        /// A well-formed result of another scenario (or of another version of it).
        case scenarioMismatch
    }

    public var kind: Kind
    /// Every problem, in file order.
    public var problems: [Problem]

    public init(kind: Kind, problems: [Problem]) {
        self.kind = kind
        self.problems = problems
    }

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
