/// Reads CSV text as RFC 4180 defines it, the way Excel and LibreOffice write
/// it: UTF-8 with or without a byte order mark; records end in CRLF, LF or CR;
/// a cell in double quotes may hold the delimiter, line breaks and doubled
/// quotes (`""` for `"`).
///
/// Two readings go beyond the RFC, both unambiguous: a quote inside an
/// unquoted cell is kept as written (`ถนน "สายหลัก"`), and a file that is not
/// UTF-8 is refused with the line of the first bad byte (Excel's plain "CSV"
/// on a Thai Windows saves Windows-874; "CSV UTF-8" is the format to choose).
public enum CSVReader {
    /// How a file is delimited and how strictly quotes are read.
    public struct Options: Sendable {
        /// The cell delimiter, an ASCII character: `,` for CSV, `;` for pabulib files.
        public var delimiter: UInt8
        /// true: text after a quoted cell's closing quote (`"abc"def`) is an error.
        /// false: such a cell is kept exactly as written, quotes included, up to
        /// the next delimiter (pabulib files contain names like `"Odkupmy" i my`).
        public var strictQuotes: Bool

        public init(delimiter: UInt8 = UInt8(ascii: ","), strictQuotes: Bool = true) {
            self.delimiter = delimiter
            self.strictQuotes = strictQuotes
        }

        /// Comma-separated, strict quotes: what `allocate import` reads.
        public static let csv = Options()
    }

    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    /// Every record of the file's bytes, blank ones included (they keep the row numbers right).
    ///
    /// - Parameter file: the name used in problems.
    /// - Throws: `ImportError` with one problem: the text is not UTF-8, a quoted
    ///   cell is never closed, or (strict) text follows a closing quote.
    /// - Complexity: O(bytes).
    public static func records(_ bytes: [UInt8], file: String, options: Options = .csv) throws(ImportError) -> [CSVRecord] {
        if let line = firstInvalidUTF8Line(bytes) {
            throw ImportError(problems: [ImportProblem(
                file: file, line: line,
                message: "the file is not UTF-8 text (a byte that is not UTF-8 on this line); "
                    + "save it as \"CSV UTF-8\" (in Excel: Save As, CSV UTF-8 (Comma delimited))")])
        }
        var parser = Parser(bytes: bytes, file: file, options: options)
        return try parser.run()
    }

    /// The 1-based line holding the first byte that is not part of valid UTF-8, or nil.
    static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
            case .emptyInput:
                return nil
            case .error:
                return line
            }
        }
    }

    /// The state of one pass over the bytes.
    private struct Parser {
        let bytes: [UInt8]
        let file: String
        let options: Options
        var position = 0
        /// Line of the byte at `position`.
        var line = 1
        var records: [CSVRecord] = []

        init(bytes: [UInt8], file: String, options: Options) {
            self.bytes = bytes
            self.file = file
            self.options = options
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }

        mutating func run() throws(ImportError) -> [CSVRecord] {
            while position < bytes.count {
                let recordLine = line
                var fields: [String] = []
                while true {
                    fields.append(try field(row: records.count + 1, recordLine: recordLine))
                    guard position < bytes.count else { break }
                    let byte = bytes[position]
                    position += 1
                    if byte == options.delimiter { continue }
                    // A line break ends the record; CRLF counts as one.
                    if byte == CSVReader.cr, position < bytes.count, bytes[position] == CSVReader.lf { position += 1 }
                    line += 1
                    break
                }
                records.append(CSVRecord(fields: fields, row: records.count + 1, line: recordLine))
            }
            return records
        }

        /// One cell, leaving `position` at the delimiter or line break that ends it (or at the end).
        private mutating func field(row: Int, recordLine: Int) throws(ImportError) -> String {
            let start = position
            guard position < bytes.count, bytes[position] == CSVReader.quote else {
                return String(decoding: bytes[start ..< unquotedEnd()], as: UTF8.self)
            }
            let startLine = line
            position += 1
            var text: [UInt8] = []
            while true {
                guard position < bytes.count else {
                    throw problem(row: row, line: startLine,
                                  "a quoted cell starting on line \(startLine) is never closed (a closing \" is missing)")
                }
                let byte = bytes[position]
                position += 1
                if byte == CSVReader.quote {
                    if position < bytes.count, bytes[position] == CSVReader.quote {
                        text.append(CSVReader.quote)
                        position += 1
                        continue
                    }
                    break
                }
                if byte == CSVReader.lf || (byte == CSVReader.cr && (position == bytes.count || bytes[position] != CSVReader.lf)) {
                    line += 1
                }
                text.append(byte)
            }
            if position < bytes.count, !isEndOfField(bytes[position]) {
                if options.strictQuotes {
                    throw problem(
                        row: row, line: line,
                        "text after the closing quote of a quoted cell; inside quotes write a quote as \"\" "
                            + "(\"say \"\"hi\"\"\"), or leave the cell unquoted")
                }
                return String(decoding: bytes[start ..< unquotedEnd()], as: UTF8.self)
            }
            return String(decoding: text, as: UTF8.self)
        }

        /// Moves to the delimiter or line break that ends an unquoted cell and returns that position.
        private mutating func unquotedEnd() -> Int {
            while position < bytes.count, !isEndOfField(bytes[position]) { position += 1 }
            return position
        }

        private func isEndOfField(_ byte: UInt8) -> Bool {
            byte == options.delimiter || byte == CSVReader.lf || byte == CSVReader.cr
        }

        private func problem(row: Int, line: Int, _ message: String) -> ImportError {
            ImportError(problems: [ImportProblem(file: file, row: row, line: line, message: message)])
        }
    }
}
