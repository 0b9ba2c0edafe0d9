/// Reads one change expression (docs/whatif.md):
///
///     target "." field ["[" year "]"] operator value
///     target   = "policy" | kind ":" id      kind = funder | level | area | project | strategy
///     operator = "=" | "+=" | "-=" | "*="    ("=+" and "=-" are read as "+=" and "-=")
///
/// An id runs from the `:` to the last `.` before the operator, so ids may
/// hold dots and dashes; an id holding `=` or `[` (or starting with a space)
/// is written in double quotes, with `\"` and `\\` inside. Spaces around the
/// operator and the value are ignored.
public enum ChangeParser {
    /// - Throws: `ChangeExpressionError` with the column of the first problem.
    /// - Complexity: O(length of the expression).
    public static func parse(_ text: String) throws(ChangeExpressionError) -> Change {
        var reader = Reader(Array(text))
        return try reader.change(text)
    }

    /// Examples for messages.
    static let example = "e.g. level:province.budget*=0.9 or project:P-00017.exclude=true"

    private struct Reader {
        let chars: [Character]
        var i = 0

        init(_ chars: [Character]) {
            self.chars = chars
        }

        func fail(_ index: Int, _ message: String) -> ChangeExpressionError {
            ChangeExpressionError(column: index + 1, message: message)
        }

        func string(_ range: Range<Int>) -> String {
            String(chars[range])
        }

        mutating func skipSpaces() {
            while i < chars.count, chars[i].isWhitespace { i += 1 }
        }

        mutating func change(_ text: String) throws(ChangeExpressionError) -> Change {
            skipSpaces()
            guard i < chars.count else { throw fail(0, "empty change; expected a change such as \(ChangeParser.example)") }
            let kind = try targetKind()
            var id = ""
            var idColumn = i + 1
            var fieldStart: Int
            var quoted = false
            if kind == .policy {
                i += 1 // the dot
                fieldStart = i
            } else {
                i += 1 // the colon
                idColumn = i + 1
                if i < chars.count, chars[i] == "\"" {
                    id = try quotedText()
                    quoted = true
                    guard i < chars.count, chars[i] == "." else {
                        throw fail(i, "expected . and a field after the quoted id")
                    }
                    i += 1
                }
                fieldStart = i
            }
            // The operator: the first "=" from here, with a +, - or * just before it.
            guard let equals = chars[i...].firstIndex(of: "=") else {
                throw fail(chars.count, "expected an operator (=, +=, -= or *=) and a value")
            }
            var operation = ChangeOperation.set
            var operatorStart = equals
            if equals > i, let op = Self.operation(before: chars[equals - 1]) {
                operation = op
                operatorStart = equals - 1
            }
            // The left side: [id "."] field ["[" year "]"].
            var leftEnd = operatorStart
            while leftEnd > fieldStart, chars[leftEnd - 1].isWhitespace { leftEnd -= 1 }
            var year: Int?
            var yearColumn: Int?
            if leftEnd > fieldStart, chars[leftEnd - 1] == "]" {
                guard let open = chars[fieldStart ..< leftEnd].lastIndex(of: "[") else {
                    throw fail(leftEnd - 1, "\"]\" without \"[\"")
                }
                let yearText = string(open + 1 ..< leftEnd - 1).trimmingWhitespace()
                guard let y = Int(yearText), y >= 1 else {
                    throw fail(open + 1, "expected a plan year (a whole number from 1) in [ ], found \"\(yearText)\"")
                }
                year = y
                yearColumn = open + 2
                leftEnd = open
            }
            if kind != .policy, !quoted {
                guard let dot = chars[fieldStart ..< leftEnd].lastIndex(of: ".") else {
                    throw fail(leftEnd, "expected .FIELD after the \(kind.rawValue) id (\(kind.rawValue):ID.\(kind.fields[0].rawValue)...)")
                }
                id = string(fieldStart ..< dot).trimmingWhitespace()
                fieldStart = dot + 1
            }
            if kind != .policy, id.isEmpty {
                throw fail(idColumn - 1, "expected \(kind == .level ? "a level name" : "an id") after \"\(kind.rawValue):\"")
            }
            let target = try self.target(kind, id: id, at: idColumn - 1)
            let field = try self.field(string(fieldStart ..< leftEnd), of: kind, at: fieldStart)
            if let yearColumn, !field.hasPlanYears {
                throw fail(yearColumn - 2, "only budget has plan years; [\(year!)] cannot follow \(field.rawValue)")
            }
            // The value, and a sign just after "=" (read as += or -=).
            i = equals + 1
            skipSpaces()
            if operation == .set, i < chars.count, chars[i] == "+" || chars[i] == "-" {
                operation = chars[i] == "+" ? .add : .subtract
                i += 1
                skipSpaces()
            }
            guard field.operations.contains(operation) else {
                let allowed = field.operations.map(\.rawValue)
                throw fail(operatorStart, "\(field.rawValue) takes \(Self.list(allowed)), not \(operation.rawValue)"
                    + (operation == .add || operation == .subtract ? " (a sign after = adds or subtracts)" : ""))
            }
            let valueStart = i
            let valueText = string(i ..< chars.count).trimmingWhitespace()
            guard !valueText.isEmpty else {
                throw fail(chars.count, "expected a value after \(operation.rawValue): \(field.expected)")
            }
            let value = try self.value(valueText, field: field, operation: operation, at: valueStart)
            return Change(
                text: text, target: target, field: field, year: year, operation: operation, value: value,
                idColumn: idColumn, fieldColumn: fieldStart + 1, yearColumn: yearColumn, valueColumn: valueStart + 1)
        }

        /// The word before `:` (or `policy` before `.`), leaving `i` at the `:` or `.`.
        mutating func targetKind() throws(ChangeExpressionError) -> ChangeTarget.Kind {
            let start = i
            while i < chars.count, chars[i].isLetter { i += 1 }
            let word = string(start ..< i)
            let next = i < chars.count ? chars[i] : nil
            let kinds = ChangeTarget.Kind.allCases.map(\.rawValue)
            if word == "policy" {
                guard next == "." else {
                    throw fail(i, next == ":" ? "policy has no id: write policy.FIELD=VALUE (e.g. policy.escalationPenalty=0.01)"
                        : "expected .FIELD after policy (e.g. policy.escalationPenalty=0.01)")
                }
                return .policy
            }
            guard next == ":", let kind = ChangeTarget.Kind(rawValue: word) else {
                var message = word.isEmpty || next != ":"
                    ? "expected a target: funder:ID, level:NAME, area:ID, project:ID, strategy:ID or policy"
                    : "unknown target \"\(word)\"; expected funder, level, area, project, strategy or policy"
                if !word.isEmpty, let guess = KeySuggestion.closest(to: word, among: kinds) {
                    message += " (did you mean \"\(guess)\"?)"
                }
                throw fail(start, message)
            }
            return kind
        }

        /// A double-quoted id, `\"` and `\\` inside; `i` starts at the opening quote and ends after the closing one.
        mutating func quotedText() throws(ChangeExpressionError) -> String {
            let open = i
            i += 1
            var text = ""
            while i < chars.count {
                let c = chars[i]
                if c == "\"" {
                    i += 1
                    return text
                }
                if c == "\\", i + 1 < chars.count, chars[i + 1] == "\"" || chars[i + 1] == "\\" {
                    text.append(chars[i + 1])
                    i += 2
                    continue
                }
                text.append(c)
                i += 1
            }
            throw fail(open, "the quoted id has no closing \"")
        }

        func field(_ raw: String, of kind: ChangeTarget.Kind, at start: Int) throws(ChangeExpressionError) -> ChangeField {
            let name = raw.trimmingWhitespace()
            let fields = kind.fields.map(\.rawValue)
            guard !name.isEmpty else {
                throw fail(start, "expected a field after the dot: \(Self.list(fields))")
            }
            if let field = ChangeField(rawValue: name), kind.fields.contains(field) { return field }
            var message = "unknown field \"\(name)\" of \(kind.noun)"
            if let guess = KeySuggestion.closest(to: name, among: fields) {
                message += "; did you mean \"\(guess)\"?"
            }
            throw fail(start, message + " (fields: \(fields.joined(separator: ", ")))")
        }

        func target(_ kind: ChangeTarget.Kind, id: String, at column: Int) throws(ChangeExpressionError) -> ChangeTarget {
            switch kind {
            case .funder: return .funder(id)
            case .area: return .area(id)
            case .project: return .project(id)
            case .strategy: return .strategy(id)
            case .policy: return .policy
            case .level:
                guard let level = Level(name: id) else {
                    throw fail(column, Self.unknownLevel(id))
                }
                return .level(level)
            }
        }

        func value(
            _ text: String, field: ChangeField, operation: ChangeOperation, at start: Int
        ) throws(ChangeExpressionError) -> ChangeValue {
            if let word = field.unsetWord, text.lowercased() == word {
                guard operation == .set else {
                    throw fail(start, "\(word) goes only with = (\(field.rawValue)=\(word))")
                }
                return .unset
            }
            func number(_ kind: CellText.NumberKind, _ expected: String) throws(ChangeExpressionError) -> ChangeValue {
                guard let x = CellText.number(text, kind) else {
                    throw fail(start, "expected \(expected), found \"\(text)\"")
                }
                return .number(x)
            }
            if operation == .multiply {
                return try number(.fraction, "a factor (e.g. 0.9 or 90%)")
            }
            switch field.kind {
            case .money: return try number(.money, field.expected)
            case .fraction: return try number(.fraction, field.expected)
            case .number: return try number(.plain, field.expected)
            case .integer:
                guard let n = CellText.integer(text) else {
                    throw fail(start, "expected \(field.expected)\(field.unsetWord.map { " or \($0)" } ?? ""), found \"\(text)\"")
                }
                return .integer(n)
            case .flag:
                guard let flag = CellText.bool(text) else { throw fail(start, "expected true or false, found \"\(text)\"") }
                return .flag(flag)
            case .sectors:
                let names = CellText.list(text)
                guard !names.isEmpty else { throw fail(start, "expected \(field.expected)") }
                return .names(names)
            case .levels:
                var levels: [Level] = []
                for name in CellText.list(text) {
                    guard let level = Level(name: name) else { throw fail(start, Self.unknownLevel(name)) }
                    if !levels.contains(level) { levels.append(level) }
                }
                guard !levels.isEmpty else { throw fail(start, "expected \(field.expected) or none") }
                return .levels(levels)
            case .funderID:
                var id = text
                if id.count >= 2, id.hasPrefix("\""), id.hasSuffix("\"") {
                    var inner = Reader(Array(id))
                    id = try inner.quotedText()
                }
                return .identifier(id)
            }
        }

        static func unknownLevel(_ name: String) -> String {
            let levels = Level.allCases.map(\.name)
            var message = "unknown level \"\(name)\""
            if let guess = KeySuggestion.closest(to: name, among: levels) { message += "; did you mean \"\(guess)\"?" }
            return message + " (levels: \(levels.joined(separator: ", ")))"
        }

        static func operation(before c: Character) -> ChangeOperation? {
            switch c {
            case "+": .add
            case "-": .subtract
            case "*": .multiply
            default: nil
            }
        }

        /// "=, += or -=".
        static func list(_ items: [String]) -> String {
            items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " or " + items.last!
        }
    }
}
