/// A result file that cannot be used: it cannot be read, is not an
/// `allocate-result/1` document, or was not made from the scenario given
/// with it. Every problem found, each located by JSON path and line.
public struct ResultFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One thing wrong, e.g. `projects[3].funder (line 24): unknown funder "LAO-9"`:
    /// located the same way as a scenario file's problems.
    public typealias Problem = ScenarioProblem

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
