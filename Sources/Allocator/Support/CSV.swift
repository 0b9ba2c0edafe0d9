/// CSV text as spreadsheets read it: UTF-8 with a byte order mark first (so
/// Excel shows Thai text instead of guessing a legacy code page), LF line
/// ends, fields quoted only when they hold a comma, a quote or a line break.
///
/// A text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return
/// gets a `'` in front: a spreadsheet would otherwise run it as a formula (a
/// project named `=HYPERLINK(...)` in a file that a budget office opens). A
/// number the writer made (`Cell.number`, `Cell.integer`) is written as it is,
/// so a negative amount stays a number.
public enum CSV {
    /// U+FEFF, written as the file's first character.
    public static let byteOrderMark = "\u{FEFF}"

    /// One cell of a row: text from the scenario or the result, or a number the writer made.
    public struct Cell: Sendable, Equatable, ExpressibleByStringLiteral {
        public var value: String
        /// Written as it is; text is guarded against being read as a formula.
        public var isNumber: Bool

        public init(stringLiteral value: String) {
            self.value = value
            self.isNumber = false
        }

        private init(value: String, isNumber: Bool) {
            self.value = value
            self.isNumber = isNumber
        }

        public static func text(_ value: String) -> Cell {
            Cell(value: value, isNumber: false)
        }

        /// `CSV.number(x)`, written as a number.
        public static func number(_ x: Double) -> Cell {
            Cell(value: CSV.number(x), isNumber: true)
        }

        /// `x` in its shortest exact form, not rounded (a figure as the scenario gives it).
        public static func exactNumber(_ x: Double) -> Cell {
            Cell(value: JSONOutput.format(x), isNumber: true)
        }

        public static func integer(_ n: Int) -> Cell {
            Cell(value: String(n), isNumber: true)
        }
    }

    /// The first characters that make a spreadsheet read a cell as a formula.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\r\n"]

    /// One field: text that a spreadsheet would read as a formula after a `'`, then
    /// quoted (with its quotes doubled) when it holds a comma, a quote or a line break.
    ///
    /// Looked for in the UTF-8 bytes, as a spreadsheet's reader splits them,
    /// not by comparing characters: that is many times slower on Thai text
    /// (the 200,000 projects of a national decision).
    public static func field(_ cell: Cell) -> String {
        var text = cell.value
        if !cell.isNumber, let first = text.first, formulaStarts.contains(first) { text = "'" + text }
        let special: (UInt8) -> Bool = { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard text.utf8.contains(where: special) else { return text }
        var out = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
        }
        return out + "\""
    }

    /// One line: the fields quoted as needed, joined by commas, ending in LF.
    public static func row(_ fields: [Cell]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    /// A whole file: the byte order mark, the header row and every row.
    public static func document(header: [String], rows: [[Cell]]) -> String {
        var out = byteOrderMark + row(header.map(Cell.text))
        for fields in rows { out += row(fields) }
        return out
    }

    /// A number as a spreadsheet reads it: no thousands separators, the
    /// shortest exact form, sums rounded to 15 significant digits as in result.json.
    public static func number(_ x: Double) -> String {
        JSONOutput.format(ResultDocument.rounded(x))
    }
}
