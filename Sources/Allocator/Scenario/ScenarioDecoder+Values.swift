/// Typed reads of single JSON values. Each returns nil after reporting a
/// problem when the value has the wrong type or is out of range, so a caller
/// can keep going and the reader reports every problem in one pass.
///
/// Paths are passed as autoclosures: they are built only when a problem is
/// reported, never for the millions of values that are fine.
extension ScenarioDecoder {
    /// A range rule for a JSON number.
    enum NumberRule {
        /// >= 0
        case nonNegative
        /// > 0
        case positive
        /// 0 ... 1
        case fraction
        /// 0 ..< 1
        case fractionBelowOne

        func allows(_ x: Double) -> Bool {
            switch self {
            case .nonNegative: x >= 0
            case .positive: x > 0
            case .fraction: x >= 0 && x <= 1
            case .fractionBelowOne: x >= 0 && x < 1
            }
        }

        var requirement: String {
            switch self {
            case .nonNegative: "must be >= 0"
            case .positive: "must be > 0"
            case .fraction: "must be from 0 to 1"
            case .fractionBelowOne: "must be at least 0 and less than 1"
            }
        }
    }

    mutating func report(_ path: JSONPath, line: Int?, _ message: String) {
        problems.append(ScenarioProblem(path: path.description, line: line, message: message))
    }

    mutating func wrongType(_ value: JSONValue, expected: String, at path: JSONPath) {
        report(path, line: value.line, "expected \(expected), found \(value.typeDescription)")
    }

    mutating func missing(_ key: String, in path: JSONPath, line: Int) {
        report(path, line: line, "missing required key \"\(key)\"")
    }

    /// A number as a message quotes it; `-0` keeps its sign, so a file's `-0`
    /// is not reported as "found 0".
    func describe(_ x: Double) -> String {
        x == 0 && x.sign == .minus ? "-0" : JSONOutput.format(x)
    }

    mutating func string(_ value: JSONValue, at path: @autoclosure () -> JSONPath) -> String? {
        guard case .string(let text) = value.kind else {
            wrongType(value, expected: "a string", at: path())
            return nil
        }
        return text
    }

    /// A string naming something (an id or a reference to one): never empty.
    mutating func identifier(_ value: JSONValue, at path: @autoclosure () -> JSONPath) -> String? {
        guard case .string(let text) = value.kind else {
            wrongType(value, expected: "a string", at: path())
            return nil
        }
        guard !text.isEmpty else {
            report(path(), line: value.line, "must not be empty")
            return nil
        }
        return text
    }

    mutating func bool(_ value: JSONValue, at path: @autoclosure () -> JSONPath) -> Bool? {
        guard case .bool(let flag) = value.kind else {
            wrongType(value, expected: "true or false", at: path())
            return nil
        }
        return flag
    }

    mutating func number(
        _ value: JSONValue, _ rule: NumberRule, at path: @autoclosure () -> JSONPath
    ) -> Double? {
        guard case .number(let x) = value.kind else {
            wrongType(value, expected: "a number", at: path())
            return nil
        }
        guard x.isFinite else {
            report(path(), line: value.line, "number is too large (it overflows a double-precision number)")
            return nil
        }
        guard rule.allows(x) else {
            report(path(), line: value.line, "\(rule.requirement), found \(describe(x))")
            return nil
        }
        guard abs(x) <= Self.largestAmount else {
            report(path(), line: value.line, "must be at most 1e15 (a thousand trillion baht), found \(describe(x))")
            return nil
        }
        return x
    }

    /// Whether `number(_:_:at:)` takes `x` under `rule` without a problem:
    /// finite, allowed by the rule, at most `largestAmount` (its checks, as one test).
    static func accepts(_ x: Double, _ rule: NumberRule) -> Bool {
        x.isFinite && rule.allows(x) && abs(x) <= largestAmount
    }

    /// No amount, priority or weight may exceed this: sums over projects and
    /// years then stay finite and exact enough for the solver.
    static let largestAmount = 1e15

    /// An integral JSON number (`2` or `2.0`, not `2.5`) in `range`.
    /// `requirement` replaces the generated "must be an integer from a to b".
    mutating func integer(
        _ value: JSONValue, in range: ClosedRange<Int>, requirement: String? = nil,
        at path: @autoclosure () -> JSONPath
    ) -> Int? {
        guard case .number(let x) = value.kind else {
            wrongType(value, expected: "an integer", at: path())
            return nil
        }
        let requirement = requirement ?? (range.upperBound == Int.max
            ? "must be an integer >= \(range.lowerBound)"
            : "must be an integer from \(range.lowerBound) to \(range.upperBound)")
        guard x.isFinite, x == x.rounded(.towardZero), x >= -9.0e18, x <= 9.0e18 else {
            report(path(), line: value.line, "\(requirement), found \(describe(x))")
            return nil
        }
        let n = Int(x)
        guard range.contains(n) else {
            report(path(), line: value.line, "\(requirement), found \(n)")
            return nil
        }
        return n
    }

    mutating func array(_ value: JSONValue, at path: @autoclosure () -> JSONPath) -> [JSONValue]? {
        guard case .array(let elements) = value.kind else {
            wrongType(value, expected: "an array", at: path())
            return nil
        }
        return elements
    }

    mutating func object(_ value: JSONValue, at path: @autoclosure () -> JSONPath) -> [JSONMember]? {
        guard case .object(let members) = value.kind else {
            wrongType(value, expected: "an object", at: path())
            return nil
        }
        return members
    }

    /// A level name (`community` ... `ministry`).
    mutating func level(_ value: JSONValue, at path: @autoclosure () -> JSONPath) -> Level? {
        guard let name = string(value, at: path()) else { return nil }
        guard let level = Level(name: name) else {
            report(path(), line: value.line,
                   "unknown level \"\(name)\"; expected one of \(Level.allCases.map(\.name).joined(separator: ", "))")
            return nil
        }
        return level
    }

    /// An array of level names without repeats; nil after reporting any problem.
    mutating func levels(
        _ value: JSONValue, nonEmpty: Bool, rejectRepeats: Bool, at path: JSONPath
    ) -> [Level]? {
        guard let elements = array(value, at: path) else { return nil }
        if nonEmpty, elements.isEmpty {
            report(path, line: value.line, "must list at least one level")
            return nil
        }
        var result: [Level] = []
        var valid = true
        for (i, element) in elements.enumerated() {
            guard let level = level(element, at: path.index(i)) else {
                valid = false
                continue
            }
            if rejectRepeats, result.contains(level) {
                report(path.index(i), line: element.line, "level \"\(level.name)\" is listed twice")
                valid = false
                continue
            }
            result.append(level)
        }
        return valid ? result : nil
    }

    /// An array of non-empty strings (ids or group names). Elements that are
    /// not are reported and kept as "" so indices still match the file.
    mutating func identifiers(_ value: JSONValue, at path: @autoclosure () -> JSONPath) -> [String] {
        guard case .array(let elements) = value.kind else {
            wrongType(value, expected: "an array of strings", at: path())
            return []
        }
        var result: [String] = []
        result.reserveCapacity(elements.count)
        for (i, element) in elements.enumerated() {
            result.append(identifier(element, at: path().index(i)) ?? "")
        }
        return result
    }

    /// A cost: a total > 0, or yearly amounts >= 0 (at least one, not all zero).
    mutating func cost(_ value: JSONValue, at path: @autoclosure () -> JSONPath) -> CostProfile? {
        switch value.kind {
        case .number:
            return number(value, .positive, at: path()).map { .total($0) }
        case .array(let elements):
            guard !elements.isEmpty else {
                report(path(), line: value.line, "must list at least one yearly amount")
                return nil
            }
            var amounts: [Double] = []
            amounts.reserveCapacity(elements.count)
            var valid = true
            for (i, element) in elements.enumerated() {
                if let amount = number(element, .nonNegative, at: path().index(i)) {
                    amounts.append(amount)
                } else {
                    valid = false
                }
            }
            guard valid else { return nil }
            guard amounts.contains(where: { $0 > 0 }) else {
                report(path(), line: value.line, "yearly amounts must not all be zero")
                return nil
            }
            return .perYear(amounts)
        default:
            wrongType(value, expected: "a number or an array of yearly amounts", at: path())
            return nil
        }
    }

    /// Reports a repeated key of one object (the later occurrence), keeping the first.
    mutating func take(_ slot: inout JSONMember?, _ member: JSONMember, in path: @autoclosure () -> JSONPath) {
        if let first = slot {
            report(path().key(member.key), line: member.line,
                   "duplicate key \"\(member.key)\" (first at line \(first.line))")
        } else {
            slot = member
        }
    }

    /// A key no `take` claimed: ignored when it starts with `x-` (but still
    /// checked for repeats), else an error naming the closest known key.
    /// `xKeyLines` holds the line of each `x-` key seen so far in the same
    /// object, so an object with a million of them is checked in linear time.
    mutating func otherKey(
        _ member: JSONMember, in path: @autoclosure () -> JSONPath, known: [String],
        xKeyLines: inout [String: Int]
    ) {
        if member.key.hasPrefix("x-") {
            if let first = xKeyLines[member.key] {
                report(path().key(member.key), line: member.line,
                       "duplicate key \"\(member.key)\" (first at line \(first))")
            } else {
                xKeyLines[member.key] = member.line
            }
            return
        }
        var message = "unknown key \"\(member.key)\""
        if let suggestion = KeySuggestion.closest(to: member.key, among: known) {
            message += "; did you mean \"\(suggestion)\"?"
        } else {
            message += "; expected one of \(known.joined(separator: ", ")) (or a key starting with \"x-\")"
        }
        report(path().key(member.key), line: member.line, message)
    }
}
