/// A named variation of a scenario: changes made to it in order, each
/// remembered with where it was written.
public struct Variation: Sendable, Equatable {
    public var name: String
    /// A sentence saying what question the variation asks (optional, shown in outputs).
    public var description: String?
    public var changes: [Change]
    /// Where each change was written, in the order of `changes`.
    public var changeLocations: [WhatIfLocation]
    /// Where the variation itself was written.
    public var location: WhatIfLocation

    public init(
        name: String, description: String? = nil, changes: [Change], changeLocations: [WhatIfLocation],
        location: WhatIfLocation
    ) {
        precondition(changes.count == changeLocations.count)
        self.name = name
        self.description = description
        self.changes = changes
        self.changeLocations = changeLocations
        self.location = location
    }

    /// The name of the unchanged scenario in a comparison; no variation may take it.
    public static let baseName = "base"
    /// The name of the variation made of the `--set` flags, unless given another.
    public static let commandLineName = "command-line"
    /// Longest variation name, in characters.
    public static let maximumNameLength = 80

    /// The variation made of change expressions given as command-line flags
    /// (`--set`), in order.
    ///
    /// - Throws: `WhatIfError` with a problem for each expression that cannot be read, and for a bad name.
    public static func fromFlags(
        _ expressions: [String], flag: String = "--set", name: String = commandLineName
    ) throws(WhatIfError) -> Variation {
        var problems: [WhatIfProblem] = []
        if let problem = nameProblem(name) {
            problems.append(WhatIfProblem(location: .flag("--name"), message: problem))
        }
        var changes: [Change] = []
        for text in expressions {
            do {
                changes.append(try ChangeParser.parse(text))
            } catch {
                problems.append(WhatIfProblem(location: .flag(flag), expression: text, column: error.column, message: error.message))
            }
        }
        guard problems.isEmpty else { throw WhatIfError(problems: problems) }
        return Variation(
            name: name, changes: changes, changeLocations: changes.map { _ in .flag(flag) }, location: .flag(flag))
    }

    /// What is wrong with a variation name, or nil. A name becomes a folder
    /// of `--output` and a row of the comparison, so it must be a usable file
    /// name: not empty, not `base` nor the name of a file of the folder
    /// (`comparison.json`, ...), no `/`, `\` or control characters, not
    /// starting with a dot or a space, at most `maximumNameLength` characters.
    public static func nameProblem(_ name: String) -> String? {
        if name.isEmpty { return "a variation name must not be empty" }
        if name.lowercased() == baseName {
            return "\"\(baseName)\" is the name of the unchanged scenario in the comparison; choose another name"
        }
        let files = [WhatIfComparison.jsonFile, WhatIfComparison.comparisonFile, WhatIfComparison.changedProjectsFile]
        if let file = files.first(where: { $0.lowercased() == name.lowercased() }) {
            return "\"\(file)\" is the name of a file of the --output folder; choose another name"
        }
        if name.unicodeScalars.contains(where: { $0 == "/" || $0 == "\\" || $0.properties.generalCategory == .control }) {
            return "a variation name must not contain /, \\ or control characters (it names a folder of --output)"
        }
        if name.hasPrefix(".") || name.first!.isWhitespace || name.last!.isWhitespace {
            return "a variation name must not start with a dot, or start or end with a space"
        }
        if name.count > maximumNameLength {
            return "a variation name may have at most \(maximumNameLength) characters, this one has \(name.count)"
        }
        return nil
    }
}
