/// A CSV file read as a table: the header row names the columns, the other
/// non-blank rows are data. Columns are found by name (case and surrounding
/// spaces ignored), in any order; a column whose header starts with `x-` is
/// ignored, as `x-` keys are in a scenario; any other unknown header is a
/// problem (a typo must not silently drop a column), with the closest known
/// name as a hint. A row with fewer cells than the header has empty cells at
/// its end; a row with more is a problem.
struct CSVSheet {
    /// The file name used in problems.
    let file: String
    /// The data rows in file order, blank rows left out.
    let rows: [CSVRecord]
    /// Known column name -> its header as written.
    private(set) var headers: [String: String] = [:]
    /// Known column name -> its index in a record.
    private var index: [String: Int] = [:]

    /// Maps the header of `records` to `known` column names and checks that
    /// every name in `required` is there; problems are appended to `problems`.
    init(records: [CSVRecord], file: String, known: [String], required: [String], problems: inout [ImportProblem]) {
        self.file = file
        guard let header = records.first(where: { !$0.isBlank }) else {
            rows = []
            problems.append(ImportProblem(file: file, message: "the file has no header row (it is empty)"))
            return
        }
        let dataRows = records.drop(while: { $0.row <= header.row }).filter { !$0.isBlank }
        rows = Array(dataRows)
        if header.fields.count == 1, let other = [";", "\t"].first(where: { header.fields[0].contains($0) }) {
            let name = other == ";" ? ";" : "tabs"
            problems.append(ImportProblem(
                file: file, row: header.row,
                message: "the header is one cell, \"\(header.fields[0])\": the cells seem to be separated by \(name) "
                    + "instead of commas; save the sheet as CSV UTF-8 (comma delimited)"))
            return
        }
        for (k, written) in header.fields.enumerated() {
            let name = written.trimmingWhitespace()
            if name.isEmpty {
                if let row = dataRows.first(where: { k < $0.fields.count && !$0.fields[k].trimmingWhitespace().isEmpty }) {
                    problems.append(ImportProblem(
                        file: file, row: row.row,
                        message: "cell \(k + 1) has a value but its column has no header"))
                }
                continue
            }
            if name.lowercased().hasPrefix("x-") { continue }
            guard let key = known.first(where: { $0.lowercased() == name.lowercased() }) else {
                var message = "unknown column"
                if let suggestion = KeySuggestion.closest(to: name, among: known) {
                    message += "; did you mean \"\(suggestion)\"?"
                }
                message += " (known columns: \(known.joined(separator: ", ")); a column whose header starts with x- is ignored)"
                problems.append(ImportProblem(file: file, row: header.row, column: name, message: message))
                continue
            }
            if let first = headers[key] {
                problems.append(ImportProblem(
                    file: file, row: header.row, column: name, message: "a second column for \(key) (the first is \"\(first)\")"))
                continue
            }
            headers[key] = name
            index[key] = k
        }
        for key in required where headers[key] == nil {
            problems.append(ImportProblem(file: file, row: header.row, message: "missing required column \"\(key)\""))
        }
        // More cells than headers means the cells are not where their headers say (an
        // unquoted 45,000 is two cells), even when the extra cells are empty.
        for row in dataRows where row.fields.count > header.fields.count {
            var message = "the row has \(row.fields.count) cells but the header has \(header.fields.count) columns"
            if row.fields.contains(where: Self.looksLikeSplitThousands) {
                message += " (an amount with thousands separators must be in quotes: \"1,250,000\")"
            }
            problems.append(ImportProblem(file: file, row: row.row, message: message))
        }
    }

    /// Whether the sheet has a column `key`.
    func has(_ key: String) -> Bool { index[key] != nil }

    /// The cell of `record` in column `key`, spaces trimmed; nil when the column
    /// is absent or the cell is empty.
    func cell(_ record: CSVRecord, _ key: String) -> String? {
        guard let k = index[key], k < record.fields.count else { return nil }
        let text = record.fields[k].trimmingWhitespace()
        return text.isEmpty ? nil : text
    }

    /// A problem at `record`'s row in column `key`.
    func problem(_ record: CSVRecord, _ key: String, _ message: String) -> ImportProblem {
        ImportProblem(file: file, row: record.row, column: headers[key] ?? key, message: message)
    }

    /// Three digits alone, as what is left of `1,250,000` written without quotes.
    private static func looksLikeSplitThousands(_ cell: String) -> Bool {
        cell.count == 3 && cell.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
