/// Where each entry of an imported scenario came from, so that a problem the
/// scenario validator finds at a JSON path (`projects[3].strategies[0]`) is
/// reported where the user can fix it: `projects.csv, row 5, column "strategies"`.
struct ImportSourceMap: Sendable {
    /// The row (or pabulib line) an entry was read from, and the header of each
    /// column, by the scenario key it fills.
    struct Entry: Sendable {
        var file: String
        var row: Int?
        var line: Int?
        /// Scenario key -> the column it came from, as written in the file.
        var columns: [String: String]
        /// The column for a key not in `columns` (the `value` column of a key,value file).
        var otherColumn: String?

        func problem(key: String?, message: String) -> ImportProblem {
            let column = key.flatMap { columns[$0] } ?? otherColumn
            return ImportProblem(file: file, row: row, line: line, column: column, message: message)
        }
    }

    /// Entries of each top-level list (`areas`, `strategies`, `funders`, `projects`), in scenario order.
    var lists: [String: [Entry]] = [:]
    /// Policy keys -> where each was set.
    var policy: [String: Entry] = [:]
    /// Top-level keys (`name`, `fiscalYear`, `horizon`) -> the command-line option that set them.
    var options: [String: String] = [:]

    /// `problem` (from `ScenarioReader`) located in the imported files.
    func locate(_ problem: ScenarioProblem) -> ImportProblem {
        let path = Self.components(of: problem.path)
        if let list = path.first, let index = path.index, let entries = lists[list], entries.indices.contains(index) {
            return entries[index].problem(key: path.key, message: problem.message)
        }
        if path.first == "policy", let key = path.key, let entry = policy[key] {
            return entry.problem(key: key, message: problem.message)
        }
        if let first = path.first, path.index == nil, path.key == nil, let option = options[first] {
            return ImportProblem(option: option, message: problem.message)
        }
        return ImportProblem(message: problem.description)
    }

    /// The leading parts of a problem path: `projects[3].costAt["X"]` -> ("projects", 3, "costAt"),
    /// `policy.mipGap` -> ("policy", nil, "mipGap"), `horizon` -> ("horizon", nil, nil).
    static func components(of path: String) -> (first: String?, index: Int?, key: String?) {
        let chars = Array(path)
        var i = 0
        func identifier() -> String? {
            let start = i
            while i < chars.count, chars[i] == "_" || (chars[i].isASCII && (chars[i].isLetter || chars[i].isNumber)) { i += 1 }
            return i > start ? String(chars[start..<i]) : nil
        }
        guard let first = identifier() else { return (nil, nil, nil) }
        var index: Int?
        if i < chars.count, chars[i] == "[" {
            i += 1
            let start = i
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
            guard i < chars.count, chars[i] == "]", let n = Int(String(chars[start..<i])) else { return (first, nil, nil) }
            index = n
            i += 1
        }
        guard i < chars.count, chars[i] == "." else { return (first, index, nil) }
        i += 1
        return (first, index, identifier())
    }
}
