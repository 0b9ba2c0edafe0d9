/// CSV text as spreadsheets read it: UTF-8 with a byte order mark first (so
/// Excel shows Thai text instead of guessing a legacy code page), LF line
/// ends, fields quoted only when they hold a comma, a quote or a line break.
public enum CSV {
    /// U+FEFF, written as the file's first character.
    public static let byteOrderMark = "\u{FEFF}"

    /// One field, quoted (with its quotes doubled) when it holds a comma, a quote or a line break.
    ///
    /// Looked for in the UTF-8 bytes, as a spreadsheet's reader splits them,
    /// not by comparing characters: that is many times slower on Thai text
    /// (the 200,000 projects of a national decision).
    public static func field(_ text: String) -> String {
        let special: (UInt8) -> Bool = { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard text.utf8.contains(where: special) else { return text }
        var out = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
        }
        return out + "\""
    }

    /// One line: the fields quoted as needed, joined by commas, ending in LF.
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    /// A whole file: the byte order mark, the header row and every row.
    public static func document(header: [String], rows: [[String]]) -> String {
        var out = byteOrderMark + row(header)
        for fields in rows { out += row(fields) }
        return out
    }

    /// A number as a spreadsheet reads it: no thousands separators, the
    /// shortest exact form, sums rounded to 15 significant digits as in result.json.
    public static func number(_ x: Double) -> String {
        JSONOutput.format(ResultDocument.rounded(x))
    }
}
