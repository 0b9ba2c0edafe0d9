/// A plain-text table for the terminal whose columns line up for Thai text
/// (see `DisplayWidth`). Numbers are right-aligned.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    public init(headers: [String], alignments: [Alignment]) {
        precondition(headers.count == alignments.count)
        self.headers = headers
        self.alignments = alignments
    }

    public mutating func add(_ row: [String]) {
        precondition(row.count == headers.count)
        rows.append(row)
    }

    /// The table as lines, each column as wide as its widest cell (at most `maxWidth`),
    /// separated by two spaces, with a rule under the header.
    public func render(indent: String = "  ", maxWidth: Int = 40) -> String {
        var widths = headers.map(DisplayWidth.of)
        for row in rows {
            for (k, cell) in row.enumerated() { widths[k] = max(widths[k], DisplayWidth.of(cell)) }
        }
        widths = widths.map { min($0, maxWidth) }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { k, cell in
                DisplayWidth.pad(cell, to: widths[k], alignRight: alignments[k] == .right)
            }
            var text = indent + padded.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var out = [line(headers), indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        out += rows.map(line)
        return out.joined(separator: "\n") + "\n"
    }

    /// `text` cut at spaces into lines for a wrapped cell: the first at most `width`
    /// terminal columns, the others at most `width - 2`, as a table indents its
    /// continuation lines by two; a longer word stays whole.
    public static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            let limit = lines.isEmpty ? width : width - 2
            if !line.isEmpty, DisplayWidth.of(candidate) > limit {
                lines.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
