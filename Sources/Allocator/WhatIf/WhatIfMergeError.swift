/// One thing wrong with the shards given to `allocate whatif merge`: the file
/// and JSON path it is in, when it is in one, and what is wrong.
///
/// `description` reads `runs/s2/comparison.json, shard.of (line 6): expected a whole number, found "4"`,
/// or, for the set of shards, `shard 3 of 4 is missing (it solves variations 3, 7, 11)`.
public struct WhatIfMergeProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String?
    /// The JSON path, as problems write it (`runs[2].status`).
    public var path: String?
    public var line: Int?
    public var message: String

    public init(file: String? = nil, path: String? = nil, line: Int? = nil, message: String) {
        self.file = file
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        guard let file else { return message }
        var place = file
        if let path { place += ", \(path)" }
        if let line { place += " (line \(line))" }
        return "\(place): \(message)"
    }
}

/// The shards cannot be merged: every problem found, the shards' own first
/// (in the order given), then those of the set. Nothing was written.
public struct WhatIfMergeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [WhatIfMergeProblem]

    public init(problems: [WhatIfMergeProblem]) {
        self.problems = problems
    }

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
