/// One thing wrong with the files given to `allocate import`, located the way
/// the user finds it: the file, the spreadsheet row (or the text line of a
/// pabulib file) and the column header, or the command-line option.
///
/// `description` reads `projects.csv, row 5, column "cost": expected ...`.
public struct ImportProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as given on the command line; nil for a problem with an option.
    public var file: String?
    /// 1-based spreadsheet row: the header is row 1, and a record whose quoted
    /// cell holds line breaks is still one row, as in Excel.
    public var row: Int?
    /// 1-based text line, for files read as text (pabulib) and for syntax errors.
    public var line: Int?
    /// The column's header as written in the file.
    public var column: String?
    /// The command-line option the problem is about (`--horizon`), when it is one.
    public var option: String?
    public var message: String

    public init(
        file: String? = nil, row: Int? = nil, line: Int? = nil, column: String? = nil, option: String? = nil,
        message: String
    ) {
        self.file = file
        self.row = row
        self.line = line
        self.column = column
        self.option = option
        self.message = message
    }

    public var description: String {
        var place: [String] = []
        if let file { place.append(file) }
        if let row { place.append("row \(row)") }
        if let line, line != row { place.append("line \(line)") }
        if let column { place.append("column \"\(column)\"") }
        if let option { place.append(option) }
        return place.isEmpty ? message : place.joined(separator: ", ") + ": " + message
    }
}

/// The import was refused: every problem found, in the order of the files and rows.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [ImportProblem]

    public init(problems: [ImportProblem]) {
        self.problems = problems
    }

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
