/// One thing wrong with a what-if request: where it was written, the change
/// expression and the column in it when the problem is inside one, and what is wrong.
///
/// `description` reads
/// `--set "funder:LAO-KK-01-3.budget*=0.9", column 8: unknown funder "LAO-KK-01-3"; did you mean "LAO-KK-01-03"?`
/// or `whatif.json, variations[2].changes[0] (line 14) "...", column 8: ...`.
public struct WhatIfProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: WhatIfLocation
    /// The change expression the problem is in, when it is in one.
    public var expression: String?
    /// 1-based column (in characters) in `expression`.
    public var column: Int?
    public var message: String

    public init(location: WhatIfLocation, expression: String? = nil, column: Int? = nil, message: String) {
        self.location = location
        self.expression = expression
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = location.description
        if let expression { place += " \"\(expression)\"" }
        if let column { place += ", column \(column)" }
        return "\(place): \(message)"
    }
}

/// A what-if request was refused: every problem found, in the order of the
/// variations and their changes. Nothing was solved or written.
public struct WhatIfError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [WhatIfProblem]

    public init(problems: [WhatIfProblem]) {
        self.problems = problems
    }

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
