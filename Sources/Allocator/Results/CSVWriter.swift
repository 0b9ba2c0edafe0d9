/// Writes CSV that Excel opens with Thai text intact: UTF-8 with a byte order
/// mark (without it Excel reads the bytes in the machine's code page), CRLF
/// line ends and RFC 4180 quoting (a cell holding a comma, a quote or a line
/// break is quoted, quotes doubled).
public enum CSVWriter {
    /// The whole file: the byte order mark, the header row and every row.
    public static func document(header: [String], rows: [[String]]) -> String {
        var out = "\u{FEFF}"
        out += line(header)
        for row in rows { out += line(row) }
        return out
    }

    /// One row, ended by CRLF.
    public static func line(_ cells: [String]) -> String {
        cells.map(field).joined(separator: ",") + "\r\n"
    }

    /// A cell, quoted when it must be.
    public static func field(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return text
        }
        var out = "\""
        for character in text {
            if character == "\"" { out += "\"\"" } else { out.append(character) }
        }
        return out + "\""
    }

    /// A number as a spreadsheet reads it: no thousands separators, the
    /// shortest exact form, sums rounded to 15 significant digits as in result.json.
    public static func number(_ x: Double) -> String {
        JSONOutput.format(ResultDocument.rounded(x))
    }
}
