/// Reads the parts of an `allocate-result/1` file that `allocate plans` and `allocate explain` use
/// (`ResultFile`), with the repository's strict JSON parser, reporting every
/// problem found with its JSON path and line.
///
/// Only the keys that the plans and explanations use are read: `format`,
/// `scenario`, `status`, each project's `id`, `funded`, `funder`, `level`,
/// `start`, `cost`, `reason`, `explanation`, each funder's `id`, `level`,
/// `budget`, and, when present, `mipGap`, `timeLimit` and `gap` (numbers or
/// `null`). Other keys (added by this tool or another) are ignored,
/// as the format allows. A funded project must have all four of `funder`,
/// `level`, `start` and `cost`; an unfunded one must have `reason` and
/// `explanation` (the format says it carries them), and `null` for the four.
public enum ResultFileReader {
    /// Reads the result file at `path`.
    ///
    /// - Parameter memoryLimit: when given, a file estimated to need more memory
    ///   to read is refused unread, and one whose values take more is refused
    ///   while parsing (the checks of `ScenarioReader.read(contentsOf:memoryLimit:)`).
    /// - Throws: `ResultFileError` (kind `unreadable`); a file that cannot be read, is
    ///   larger than `ScenarioReader.maximumFileSize` or too large for the memory is one problem at `$`.
    /// - Complexity: O(file size).
    public static func read(contentsOf path: String, memoryLimit: MemoryLimit? = nil) throws(ResultFileError) -> ResultFile {
        switch InputFile.bytes(at: path, memoryLimit: memoryLimit, kind: "result file") {
        case .success(let bytes):
            return try read(bytes: bytes, memoryLimit: memoryLimit)
        case .failure(let refusal):
            throw ResultFileError(kind: .unreadable, problems: [.init(path: "$", message: refusal.message)])
        }
    }

    /// Reads a result from the bytes of a UTF-8 JSON document.
    ///
    /// - Throws: `ResultFileError` (kind `unreadable`) listing every problem, in file order.
    public static func read(bytes: [UInt8], memoryLimit: MemoryLimit? = nil) throws(ResultFileError) -> ResultFile {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes, memoryLimit: memoryLimit)
        } catch {
            throw ResultFileError(kind: .unreadable, problems: [
                .init(path: error.path.description, line: error.line, message: "\(error.message) (column \(error.column))"),
            ])
        }
        return try read(document: root)
    }

    /// Reads a result from a parsed document: the checks of `read(bytes:)` after parsing.
    ///
    /// - Throws: `ResultFileError` (kind `unreadable`) listing every problem, in file order.
    public static func read(document root: JSONValue) throws(ResultFileError) -> ResultFile {
        var decoder = Decoder()
        let file = decoder.decode(root)
        guard let file, decoder.problems.isEmpty else {
            throw ResultFileError(kind: .unreadable, problems: decoder.problems)
        }
        return file
    }

    /// Typed reads that record a problem and return nil on a wrong or missing value.
    private struct Decoder {
        var problems: [ResultFileError.Problem] = []

        mutating func report(_ path: JSONPath, _ line: Int?, _ message: String) {
            problems.append(.init(path: path.description, line: line, message: message))
        }

        mutating func decode(_ root: JSONValue) -> ResultFile? {
            guard case .object = root.kind else {
                report(.root, root.line, "expected a JSON object (an allocate-result/1 file), found \(root.typeDescription)")
                return nil
            }
            let formatPath = JSONPath.root.key("format")
            if let format = string(root, "format", at: .root) {
                guard format == ResultDocument.format else {
                    report(formatPath, root["format"]?.line,
                           "expected \"\(ResultDocument.format)\", found \"\(format)\": this is not a result file of allocate")
                    return nil
                }
            } else {
                return nil
            }
            let scenario = string(root, "scenario", at: .root)
            let status = string(root, "status", at: .root)
            let projects = array(root, "projects", at: .root).map { elements in
                elements.enumerated().compactMap { k, element in project(element, at: JSONPath.root.key("projects").index(k)) }
            }
            let funders = array(root, "funders", at: .root).map { elements in
                elements.enumerated().compactMap { k, element in funder(element, at: JSONPath.root.key("funders").index(k)) }
            }
            guard let scenario, let status, let projects, let funders else { return nil }
            let lines = ResultFile.Lines(
                scenario: root["scenario"]?.line ?? root.line, status: root["status"]?.line ?? root.line,
                projects: root["projects"]?.line ?? root.line, funders: root["funders"]?.line ?? root.line)
            return ResultFile(
                scenario: scenario, status: status, projects: projects, funders: funders, lines: lines,
                mipGap: optionalNumber(root, "mipGap"), timeLimit: optionalNumber(root, "timeLimit"),
                gap: optionalNumber(root, "gap"))
        }

        private mutating func project(_ value: JSONValue, at path: JSONPath) -> ResultFile.ProjectLine? {
            guard case .object = value.kind else {
                report(path, value.line, "expected an object, found \(value.typeDescription)")
                return nil
            }
            let id = string(value, "id", at: path)
            guard let funded = bool(value, "funded", at: path) else { return nil }
            let keys = ["funder", "level", "start", "cost"]
            if funded {
                let funder = string(value, "funder", at: path)
                let level = string(value, "level", at: path)
                let start = integer(value, "start", at: path)
                let cost = number(value, "cost", at: path)
                guard let id, let funder, let level, let start, let cost else { return nil }
                return .init(id: id, funding: .init(funder: funder, level: level, start: start, cost: cost),
                             reason: nil, line: value.line)
            }
            var fine = true
            for key in keys {
                guard let member = value[key] else {
                    report(path, value.line, "missing required key \"\(key)\"")
                    fine = false
                    continue
                }
                if member.kind != .null {
                    report(path.key(key), member.line, "must be null for an unfunded project, found \(member.typeDescription)")
                    fine = false
                }
            }
            let code = string(value, "reason", at: path)
            let explanation = string(value, "explanation", at: path)
            guard fine, let id, let code, let explanation else { return nil }
            return .init(id: id, funding: nil, reason: UnfundedReason(code: code, explanation: explanation), line: value.line)
        }

        private mutating func funder(_ value: JSONValue, at path: JSONPath) -> ResultFile.FunderLine? {
            guard case .object = value.kind else {
                report(path, value.line, "expected an object, found \(value.typeDescription)")
                return nil
            }
            let id = string(value, "id", at: path)
            let level = string(value, "level", at: path)
            let budget: [Double]? = array(value, "budget", at: path).map { elements in
                elements.enumerated().compactMap { k, element in
                    guard case .number(let x) = element.kind else {
                        report(path.key("budget").index(k), element.line, "expected a number, found \(element.typeDescription)")
                        return nil
                    }
                    return x
                }
            }
            guard let id, let level, let budget else { return nil }
            return .init(id: id, level: level, budget: budget, line: value.line)
        }

        /// The member `key` of `object`, or a "missing required key" problem.
        private mutating func member(_ object: JSONValue, _ key: String, at path: JSONPath) -> JSONValue? {
            guard let value = object[key] else {
                report(path, object.line, "missing required key \"\(key)\"")
                return nil
            }
            return value
        }

        /// The member `key` of `object` as the type `extract` accepts, or a
        /// problem naming the type `expected` and what was found.
        private mutating func typed<T>(
            _ object: JSONValue, _ key: String, at path: JSONPath, expected: String, _ extract: (JSONValue.Kind) -> T?
        ) -> T? {
            guard let value = member(object, key, at: path) else { return nil }
            guard let typed = extract(value.kind) else {
                report(path.key(key), value.line, "expected \(expected), found \(value.typeDescription)")
                return nil
            }
            return typed
        }

        private mutating func string(_ object: JSONValue, _ key: String, at path: JSONPath) -> String? {
            typed(object, key, at: path, expected: "a string") { if case .string(let text) = $0 { text } else { nil } }
        }

        private mutating func bool(_ object: JSONValue, _ key: String, at path: JSONPath) -> Bool? {
            typed(object, key, at: path, expected: "true or false") { if case .bool(let flag) = $0 { flag } else { nil } }
        }

        private mutating func number(_ object: JSONValue, _ key: String, at path: JSONPath) -> Double? {
            typed(object, key, at: path, expected: "a number") { if case .number(let x) = $0 { x } else { nil } }
        }

        /// The number at `key`; nil when the key is absent or `null`, a problem when it is something else.
        private mutating func optionalNumber(_ object: JSONValue, _ key: String) -> Double? {
            guard let value = object[key], value.kind != .null else { return nil }
            guard case .number(let x) = value.kind else {
                report(JSONPath.root.key(key), value.line, "expected a number or null, found \(value.typeDescription)")
                return nil
            }
            return x
        }

        private mutating func integer(_ object: JSONValue, _ key: String, at path: JSONPath) -> Int? {
            guard let x = number(object, key, at: path) else { return nil }
            guard x == x.rounded(), abs(x) < 1e9 else {
                report(path.key(key), object[key]?.line, "expected an integer plan year, found \(JSONOutput.format(x))")
                return nil
            }
            return Int(x)
        }

        private mutating func array(_ object: JSONValue, _ key: String, at path: JSONPath) -> [JSONValue]? {
            typed(object, key, at: path, expected: "an array") { if case .array(let elements) = $0 { elements } else { nil } }
        }
    }
}
