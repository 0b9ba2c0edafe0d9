/// One thing wrong with a scenario file (or a result file read back), located by
/// JSON path (and line when known), e.g. `projects[17].requires[0]: unknown project "P-9"`.
public struct ScenarioProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// JSON path from the document root, `$` for the root itself.
    public var path: String
    /// 1-based line in the file, when known.
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

/// A scenario was rejected: every problem found, in file order.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [ScenarioProblem]

    public init(problems: [ScenarioProblem]) {
        self.problems = problems
    }

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
