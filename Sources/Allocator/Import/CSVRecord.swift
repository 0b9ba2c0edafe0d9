/// One record (spreadsheet row) of a CSV file: its cells as written, and where it is.
public struct CSVRecord: Sendable, Equatable {
    /// The cells, unquoted, with nothing trimmed.
    public var fields: [String]
    /// 1-based record number, as a spreadsheet numbers its rows (the header is row 1).
    public var row: Int
    /// 1-based line of the file where the record begins (differs from `row`
    /// after a quoted cell that holds line breaks).
    public var line: Int

    public init(fields: [String], row: Int, line: Int) {
        self.fields = fields
        self.row = row
        self.line = line
    }

    /// Whether every cell is empty or white space (Excel leaves such rows, e.g. `,,,`).
    public var isBlank: Bool {
        fields.allSatisfy { $0.allSatisfy(\.isWhitespace) }
    }
}
