/// One shard's `--output` folder as `allocate whatif merge` reads it: its
/// `comparison.json` (which shard it is, the request, one entry per run), with
/// the paths of the runs' files beside it.
///
/// Only what the merge uses is read: `shard` (`number`, `of`, `runs`,
/// `request`), `timings` when present, and of each run `index`, `name`,
/// `description`, `changes`, `status`, `termination`, `objective`, `bound`,
/// `gap`, `mipGap`, `timeLimit`, `funded` and `timings`. The rest of a run's
/// row (its money, its changed projects) is worked out again from its
/// result.json and scenario.json, by the code that wrote it.
public struct WhatIfShardFolder: Sendable {
    /// A run's entry of `runs`.
    public struct Entry: Sendable {
        public var index: Int
        public var name: String
        public var description: String?
        public var changes: [String]
        public var status: SolveStatus
        public var termination: Termination
        public var objective: Double?
        public var bound: Double?
        public var gap: Double?
        public var mipGap: Double
        public var timeLimit: Double
        /// Projects funded (null without a decision).
        public var funded: Int?
        /// nil when the shard was solved with `--no-timings`.
        public var timings: Timings?
        /// The JSON path of the entry, and its line, for problems found later.
        public var path: JSONPath
        public var line: Int
    }

    /// The folder, as given.
    public var path: String
    public var shard: WhatIfShard
    public var request: WhatIfRequest
    /// `shard.runs`: the indices of the variations the shard solved.
    public var indices: [Int]
    /// The base's entry first, then the variations' in order.
    public var runs: [Entry]
    /// The batch's `timings`; nil when solved with `--no-timings`.
    public var timings: WhatIfComparison.Timings?

    /// `comparison.json` in `folder`.
    public static func comparisonPath(_ folder: String) -> String {
        OutputDirectory.path(folder, WhatIfComparison.jsonFile)
    }

    /// The path of run `name`'s file `file` in the folder.
    public func file(_ name: String, _ file: String) -> String {
        OutputDirectory.path(OutputDirectory.path(path, name), file)
    }

    /// Reads `folder/comparison.json`.
    ///
    /// - Throws: `WhatIfMergeError` with every problem found in the file.
    public static func read(_ folder: String) throws(WhatIfMergeError) -> WhatIfShardFolder {
        let file = comparisonPath(folder)
        let root: JSONValue
        switch FileContents.read(at: file) {
        case .failure(let reason):
            throw WhatIfMergeError(problems: [.init(
                file: file, message: "cannot read it: \(reason.message) (give the --output folders of allocate whatif --shard)")])
        case .success(let bytes):
            do {
                root = try JSONParser.parse(bytes)
            } catch {
                throw WhatIfMergeError(problems: [.init(
                    file: file, path: error.path.description, line: error.line, message: "\(error.message) (column \(error.column))")])
            }
        }
        var decoder = Decoder(file: file)
        guard let folder = decoder.folder(root, path: folder), decoder.problems.isEmpty else {
            throw WhatIfMergeError(problems: decoder.problems)
        }
        return folder
    }

    /// Typed reads that record a problem and return nil on a wrong or missing value.
    private struct Decoder {
        let file: String
        var problems: [WhatIfMergeProblem] = []

        mutating func report(_ path: JSONPath, _ line: Int?, _ message: String) {
            problems.append(.init(file: file, path: path.description, line: line, message: message))
        }

        mutating func folder(_ root: JSONValue, path folder: String) -> WhatIfShardFolder? {
            guard case .object = root.kind else {
                report(.root, root.line, "expected a JSON object (an \(WhatIfComparison.format) file), found \(root.typeDescription)")
                return nil
            }
            guard let format = string(root, "format", at: .root) else { return nil }
            guard format == WhatIfComparison.format else {
                report(JSONPath.root.key("format"), root["format"]?.line,
                       "expected \"\(WhatIfComparison.format)\", found \"\(format)\": this is not the comparison of allocate whatif")
                return nil
            }
            guard let shardValue = root["shard"] else {
                report(.root, root.line, "has no \"shard\": it is the comparison of a whole batch, not of one shard (allocate whatif --shard I/N)")
                return nil
            }
            let shardPath = JSONPath.root.key("shard")
            guard case .object = shardValue.kind else {
                report(shardPath, shardValue.line, "expected an object, found \(shardValue.typeDescription)")
                return nil
            }
            let number = integer(shardValue, "number", at: shardPath)
            let count = integer(shardValue, "of", at: shardPath)
            let indices = array(shardValue, "runs", at: shardPath).map { elements in
                elements.enumerated().compactMap { k, element in integer(element, at: shardPath.key("runs").index(k)) }
            }
            let request = self.request(shardValue, at: shardPath)
            var shard: WhatIfShard?
            if let number, let count {
                if count >= 1, (1 ... count).contains(number) {
                    shard = WhatIfShard(number: number, of: count)
                } else {
                    report(shardPath, shardValue.line, "shard \(number) of \(count): shards are numbered from 1 to the number of shards")
                }
            }
            let runsPath = JSONPath.root.key("runs")
            let runs = array(root, "runs", at: .root).map { elements in
                elements.enumerated().compactMap { k, element in entry(element, at: runsPath.index(k)) }
            }
            let timings = root["timings"].flatMap { batchTimings($0, at: JSONPath.root.key("timings")) }
            guard let shard, let indices, let request, let runs, problems.isEmpty else { return nil }
            return WhatIfShardFolder(path: folder, shard: shard, request: request, indices: indices, runs: runs, timings: timings)
        }

        mutating func request(_ object: JSONValue, at parent: JSONPath) -> WhatIfRequest? {
            guard let value = member(object, "request", at: parent) else { return nil }
            let path = parent.key("request")
            guard case .object = value.kind else {
                report(path, value.line, "expected an object, found \(value.typeDescription)")
                return nil
            }
            let scenario = string(value, "scenario", at: path)
            let list = string(value, "variationList", at: path)
            let variations = integer(value, "variations", at: path)
            let gap = optionalNumber(value, "gap", at: path)
            let timeLimit = optionalNumber(value, "timeLimit", at: path)
            guard let scenario, let list, let variations, let gap, let timeLimit else { return nil }
            return WhatIfRequest(scenario: scenario, variationList: list, variations: variations, gap: gap, timeLimit: timeLimit)
        }

        mutating func entry(_ value: JSONValue, at path: JSONPath) -> Entry? {
            guard case .object = value.kind else {
                report(path, value.line, "expected an object, found \(value.typeDescription)")
                return nil
            }
            let index = integer(value, "index", at: path)
            let name = string(value, "name", at: path)
            let description = optionalString(value, "description", at: path)
            let changes = array(value, "changes", at: path).map { elements in
                elements.enumerated().compactMap { k, element -> String? in
                    guard case .string(let text) = element.kind else {
                        report(path.key("changes").index(k), element.line, "expected a string, found \(element.typeDescription)")
                        return nil
                    }
                    return text
                }
            }
            let status = string(value, "status", at: path).flatMap { text -> SolveStatus? in
                guard let status = SolveStatus(rawValue: text) else {
                    report(path.key("status"), value["status"]?.line, "\"\(text)\" is not a status (optimal, feasible, infeasible, noSolution)")
                    return nil
                }
                return status
            }
            let termination = string(value, "termination", at: path).flatMap { text -> Termination? in
                guard let termination = Termination(rawValue: text) else {
                    report(path.key("termination"), value["termination"]?.line, "\"\(text)\" is not a termination of allocate")
                    return nil
                }
                return termination
            }
            let objective = optionalNumber(value, "objective", at: path)
            let bound = optionalNumber(value, "bound", at: path)
            let gap = optionalNumber(value, "gap", at: path)
            let mipGap = number(value, "mipGap", at: path)
            let timeLimit = number(value, "timeLimit", at: path)
            let funded = optionalInteger(value, "funded", at: path)
            let timings = value["timings"].flatMap { runTimings($0, at: path.key("timings")) }
            guard let index, let name, let description, let changes, let status, let termination, let objective, let bound,
                  let gap, let mipGap, let timeLimit, let funded
            else { return nil }
            return Entry(
                index: index, name: name, description: description, changes: changes, status: status,
                termination: termination, objective: objective, bound: bound, gap: gap, mipGap: mipGap,
                timeLimit: timeLimit, funded: funded, timings: timings, path: path, line: value.line)
        }

        mutating func runTimings(_ value: JSONValue, at path: JSONPath) -> Timings? {
            let read = number(value, "read", at: path)
            let build = number(value, "build", at: path)
            let solve = number(value, "solve", at: path)
            let total = number(value, "total", at: path)
            guard let read, let build, let solve, let total else { return nil }
            return Timings(read: read, build: build, solve: solve, total: total)
        }

        mutating func batchTimings(_ value: JSONValue, at path: JSONPath) -> WhatIfComparison.Timings? {
            let base = number(value, "base", at: path)
            let variations = number(value, "variations", at: path)
            let workers = integer(value, "workers", at: path)
            guard let base, let variations, let workers else { return nil }
            return WhatIfComparison.Timings(base: base, variations: variations, workers: workers)
        }

        mutating func member(_ object: JSONValue, _ key: String, at path: JSONPath) -> JSONValue? {
            guard let value = object[key] else {
                report(path, object.line, "missing required key \"\(key)\"")
                return nil
            }
            return value
        }

        mutating func string(_ object: JSONValue, _ key: String, at path: JSONPath) -> String? {
            guard let value = member(object, key, at: path) else { return nil }
            guard case .string(let text) = value.kind else {
                report(path.key(key), value.line, "expected a string, found \(value.typeDescription)")
                return nil
            }
            return text
        }

        /// A string or null (`.some(nil)`); nil after a problem.
        mutating func optionalString(_ object: JSONValue, _ key: String, at path: JSONPath) -> String?? {
            guard let value = member(object, key, at: path) else { return nil }
            switch value.kind {
            case .null: return .some(nil)
            case .string(let text): return .some(text)
            default:
                report(path.key(key), value.line, "expected a string or null, found \(value.typeDescription)")
                return nil
            }
        }

        mutating func number(_ object: JSONValue, _ key: String, at path: JSONPath) -> Double? {
            guard let value = member(object, key, at: path) else { return nil }
            guard case .number(let x) = value.kind else {
                report(path.key(key), value.line, "expected a number, found \(value.typeDescription)")
                return nil
            }
            return x
        }

        /// A number or null (`.some(nil)`); nil after a problem.
        mutating func optionalNumber(_ object: JSONValue, _ key: String, at path: JSONPath) -> Double?? {
            guard let value = member(object, key, at: path) else { return nil }
            switch value.kind {
            case .null: return .some(nil)
            case .number(let x): return .some(x)
            default:
                report(path.key(key), value.line, "expected a number or null, found \(value.typeDescription)")
                return nil
            }
        }

        /// A whole number or null (`.some(nil)`); nil after a problem.
        mutating func optionalInteger(_ object: JSONValue, _ key: String, at path: JSONPath) -> Int?? {
            guard let value = member(object, key, at: path) else { return nil }
            if case .null = value.kind { return .some(nil) }
            return integer(value, at: path.key(key)).map { .some($0) }
        }

        mutating func integer(_ object: JSONValue, _ key: String, at path: JSONPath) -> Int? {
            guard let value = member(object, key, at: path) else { return nil }
            return integer(value, at: path.key(key))
        }

        mutating func integer(_ value: JSONValue, at path: JSONPath) -> Int? {
            guard case .number(let x) = value.kind else {
                report(path, value.line, "expected a whole number, found \(value.typeDescription)")
                return nil
            }
            guard x == x.rounded(), x >= 0, x < 1e9 else {
                report(path, value.line, "expected a whole number, found \(JSONOutput.format(x))")
                return nil
            }
            return Int(x)
        }

        mutating func array(_ object: JSONValue, _ key: String, at path: JSONPath) -> [JSONValue]? {
            guard let value = member(object, key, at: path) else { return nil }
            guard case .array(let elements) = value.kind else {
                report(path.key(key), value.line, "expected an array, found \(value.typeDescription)")
                return nil
            }
            return elements
        }
    }
}
