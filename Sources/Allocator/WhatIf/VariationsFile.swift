/// Reads a variations file (`allocate-whatif/1`, docs/whatif.md):
///
///     {"format": "allocate-whatif/1",
///      "variations": [
///        {"name": "province-cut-10", "description": "...", "changes": ["level:province.budget*=0.9"]}]}
///
/// Strict like the scenario reader: unknown keys are errors (with the nearest
/// known key suggested), keys starting with `x-` are ignored, `null` is not
/// "absent", duplicate keys and duplicate variation names are errors. Every
/// problem is collected, each named by its JSON path and line, and every
/// change expression's problem also by its column.
public enum VariationsFile {
    /// The only format this version reads.
    public static let format = "allocate-whatif/1"

    static let topKeys = ["format", "description", "variations"]
    static let variationKeys = ["name", "description", "changes"]

    /// The variations of the file at `path`, in file order.
    ///
    /// - Throws: `WhatIfError`; a file that cannot be read is one problem at `$`.
    public static func read(contentsOf path: String) throws(WhatIfError) -> [Variation] {
        switch FileContents.read(at: path) {
        case .success(let bytes):
            return try read(bytes: bytes, file: path)
        case .failure(let reason):
            throw WhatIfError(problems: [
                WhatIfProblem(location: .file(path, path: .root, line: nil), message: "cannot read the file: \(reason.message)"),
            ])
        }
    }

    /// The variations in the UTF-8 JSON `bytes`; `file` names the file in problems.
    ///
    /// - Throws: `WhatIfError` with every problem, in file order.
    /// - Complexity: O(size of the file).
    public static func read(bytes: [UInt8], file: String) throws(WhatIfError) -> [Variation] {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw WhatIfError(problems: [
                WhatIfProblem(location: .file(file, path: error.path, line: error.line),
                              message: "\(error.message) (column \(error.column))"),
            ])
        }
        var reader = Reader(file: file)
        let variations = reader.document(root)
        guard reader.problems.isEmpty else { throw WhatIfError(problems: reader.problems) }
        return variations
    }

    private struct Reader {
        let file: String
        var problems: [WhatIfProblem] = []

        mutating func report(_ path: JSONPath, _ line: Int?, _ message: String) {
            problems.append(WhatIfProblem(location: .file(file, path: path, line: line), message: message))
        }

        /// The members of an object by known key (the first of each), reporting
        /// unknown and repeated keys; nil (reported) when `value` is not an object.
        mutating func members(_ value: JSONValue, at path: JSONPath, known: [String]) -> [String: JSONValue]? {
            guard case .object(let members) = value.kind else {
                report(path, value.line, "expected an object, found \(value.typeDescription)")
                return nil
            }
            var found: [String: JSONValue] = [:]
            for member in members where !member.key.hasPrefix("x-") {
                guard known.contains(member.key) else {
                    var message = "unknown key \"\(member.key)\""
                    if let guess = KeySuggestion.closest(to: member.key, among: known) { message += "; did you mean \"\(guess)\"?" }
                    report(path.key(member.key), member.line, message + " (keys starting with x- are ignored)")
                    continue
                }
                guard found[member.key] == nil else {
                    report(path.key(member.key), member.line, "key \"\(member.key)\" appears twice")
                    continue
                }
                found[member.key] = member.value
            }
            return found
        }

        mutating func string(_ value: JSONValue, at path: JSONPath) -> String? {
            guard case .string(let text) = value.kind else {
                report(path, value.line, "expected a string, found \(value.typeDescription)")
                return nil
            }
            return text
        }

        mutating func document(_ root: JSONValue) -> [Variation] {
            guard let top = members(root, at: .root, known: VariationsFile.topKeys) else { return [] }
            if let format = top["format"] {
                if let text = string(format, at: JSONPath.root.key("format")), text != VariationsFile.format {
                    report(JSONPath.root.key("format"), format.line, "expected \"\(VariationsFile.format)\", found \"\(text)\"")
                }
            } else {
                report(.root, root.line, "missing required key \"format\" (\"\(VariationsFile.format)\")")
            }
            if let description = top["description"] { _ = string(description, at: JSONPath.root.key("description")) }
            guard let list = top["variations"] else {
                report(.root, root.line, "missing required key \"variations\"")
                return []
            }
            let listPath = JSONPath.root.key("variations")
            guard case .array(let elements) = list.kind else {
                report(listPath, list.line, "expected an array of variations, found \(list.typeDescription)")
                return []
            }
            if elements.isEmpty { report(listPath, list.line, "the file lists no variation") }
            var variations: [Variation] = []
            var firstByName: [String: JSONPath] = [:]
            for (k, element) in elements.enumerated() {
                let path = listPath.index(k)
                guard let variation = self.variation(element, at: path) else { continue }
                let key = variation.name.lowercased()
                if let first = firstByName[key] {
                    report(path.key("name"), element["name"]?.line, "the name \"\(variation.name)\" is already used at \(first)")
                    continue
                }
                firstByName[key] = path
                variations.append(variation)
            }
            return variations
        }

        mutating func variation(_ value: JSONValue, at path: JSONPath) -> Variation? {
            guard let m = members(value, at: path, known: VariationsFile.variationKeys) else { return nil }
            var name: String?
            if let value = m["name"] {
                name = string(value, at: path.key("name"))
                if let text = name, let problem = Variation.nameProblem(text) {
                    report(path.key("name"), value.line, problem)
                    name = nil
                }
            } else {
                report(path, value.line, "missing required key \"name\"")
            }
            var description: String?
            if let value = m["description"] { description = string(value, at: path.key("description")) }
            var changes: [Change] = []
            var locations: [WhatIfLocation] = []
            var complete = true
            if let list = m["changes"] {
                let listPath = path.key("changes")
                if case .array(let elements) = list.kind {
                    if elements.isEmpty { report(listPath, list.line, "a variation needs at least one change") }
                    for (j, element) in elements.enumerated() {
                        let at = listPath.index(j)
                        guard let text = string(element, at: at) else {
                            complete = false
                            continue
                        }
                        let location = WhatIfLocation.file(file, path: at, line: element.line)
                        do {
                            changes.append(try ChangeParser.parse(text))
                            locations.append(location)
                        } catch {
                            problems.append(WhatIfProblem(location: location, expression: text, column: error.column, message: error.message))
                            complete = false
                        }
                    }
                } else {
                    report(listPath, list.line, "expected an array of change expressions, found \(list.typeDescription)")
                    complete = false
                }
            } else {
                report(path, value.line, "missing required key \"changes\"")
                complete = false
            }
            guard let name, complete, !changes.isEmpty else { return nil }
            return Variation(
                name: name, description: description, changes: changes, changeLocations: locations,
                location: .file(file, path: path, line: value.line))
        }
    }
}
