/// Reads the typed values of one data row of a `CSVSheet`, collecting a
/// problem (file, row, column, what was expected, what was found) for every
/// cell that cannot be read. An empty cell is an absent value.
struct RowReader {
    let sheet: CSVSheet
    let record: CSVRecord
    private(set) var problems: [ImportProblem] = []

    init(sheet: CSVSheet, record: CSVRecord) {
        self.sheet = sheet
        self.record = record
    }

    mutating func report(_ key: String, _ message: String) {
        problems.append(sheet.problem(record, key, message))
    }

    /// The trimmed text, or nil for an empty cell.
    func text(_ key: String) -> String? {
        sheet.cell(record, key)
    }

    /// The text of a cell that must not be empty.
    mutating func required(_ key: String) -> String? {
        guard let text = text(key) else {
            if sheet.has(key) { report(key, "must not be empty") }
            return nil
        }
        return text
    }

    mutating func number(_ key: String, _ kind: CellText.NumberKind = .plain) -> Double? {
        guard let text = text(key) else { return nil }
        return parse(text, key, kind)
    }

    mutating func integer(_ key: String) -> Int? {
        guard let text = text(key) else { return nil }
        guard let value = CellText.integer(text) else {
            report(key, "expected a whole number, found \"\(text)\"")
            return nil
        }
        return value
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let text = text(key) else { return nil }
        guard let value = CellText.bool(text) else {
            report(key, "expected yes or no (true/false, yes/no, 1/0, ใช่/ไม่ใช่), found \"\(text)\"")
            return nil
        }
        return value
    }

    /// A `;`-separated list; nil for an empty cell. Repeated items are a problem when `unique`.
    mutating func list(_ key: String, unique: Bool = false) -> [String]? {
        guard let text = text(key) else { return nil }
        let items = CellText.list(text)
        if unique {
            var seen = Set<String>()
            for item in items where !seen.insert(item).inserted {
                report(key, "\"\(item)\" is listed twice")
            }
        }
        return items
    }

    /// One number, or a `;`-separated list of numbers (per-year amounts); nil for an empty cell or a bad item.
    mutating func numbers(_ key: String, _ kind: CellText.NumberKind) -> [Double]? {
        guard let text = text(key) else { return nil }
        let items = CellText.list(text)
        var values: [Double] = []
        for item in items {
            guard let value = parse(item, key, kind) else { return nil }
            values.append(value)
        }
        return values.isEmpty ? nil : values
    }

    /// Level names (`lao; district`), each at most once.
    mutating func levels(_ key: String) -> [Level]? {
        guard let items = list(key, unique: true) else { return nil }
        var levels: [Level] = []
        for item in items {
            guard let level = Self.level(item) else {
                report(key, "unknown level \"\(item)\"; expected \(Self.levelNames)")
                return nil
            }
            levels.append(level)
        }
        return levels
    }

    /// `key=amount` pairs (`community=200,000; LAO-1=150000`), in order.
    mutating func amounts(_ key: String, _ kind: CellText.NumberKind) -> [(key: String, value: Double)]? {
        guard let text = text(key) else { return nil }
        let (pairs, bad) = CellText.pairs(text)
        if let bad {
            report(key, "expected funder=amount items separated by ; (e.g. \"community=200,000; LAO-1=150000\"), found \"\(bad)\"")
            return nil
        }
        var result: [(key: String, value: Double)] = []
        var seen = Set<String>()
        for pair in pairs {
            guard seen.insert(pair.key).inserted else {
                report(key, "\"\(pair.key)\" is given twice")
                return nil
            }
            guard let value = parse(pair.value, key, kind) else { return nil }
            result.append((pair.key, value))
        }
        return result
    }

    /// A level name as the scenario format writes it, case ignored.
    static func level(_ text: String) -> Level? {
        Level(name: text.lowercased())
    }

    static var levelNames: String {
        Level.allCases.map(\.name).joined(separator: ", ")
    }

    private mutating func parse(_ text: String, _ key: String, _ kind: CellText.NumberKind) -> Double? {
        if let value = CellText.number(text, kind) { return value }
        let expected = switch kind {
        case .plain: "a number (e.g. 8 or 7.5)"
        case .money: "an amount in baht (e.g. 1250000 or \"1,250,000.50\"; commas only between groups of three digits)"
        case .fraction: "a fraction (e.g. 0.2 or 20%)"
        }
        report(key, "expected \(expected), found \"\(text)\"")
        return nil
    }
}
