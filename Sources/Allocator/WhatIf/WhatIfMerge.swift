/// The shards of a what-if batch put back together (`allocate whatif merge`,
/// docs/whatif.md "Sharding"): the comparison the whole batch would have made,
/// and the files of its `--output` folder, from the shards' folders.
///
/// Checked before anything is written: every folder is a shard's (its
/// comparison.json says which); the shards are of one split (the same N), each
/// number from 1 to N given exactly once; every shard was asked the same
/// (`WhatIfRequest`: the scenario given, by its bytes, the same variation list
/// and the same `--gap` and `--time-limit`); each solved exactly its deal of
/// the variations; every shard's base result is the same; each run's
/// result.json and scenario.json are there, match each other and its entry.
///
/// Each run's row is then worked out again from its result.json and
/// scenario.json by the code the batch uses (`DecisionMoney`, `DecisionChanges`),
/// and its status, bounds and times are its entry's, written exactly; so the
/// merged comparison has the bytes of the whole batch's when the solves are
/// the same. Only a few runs' files are in memory at once.
public struct WhatIfMerge: Sendable {
    /// The shards' folders, shard 1 first.
    public let folders: [WhatIfShardFolder]
    public let comparison: WhatIfComparison
    /// What the merge noticed but did not refuse (the base's proof figures
    /// differing between shards), each a sentence.
    public let notes: [String]
    /// For each run of `comparison`, the folder (index in `folders`) its files are in.
    let sources: [Int]

    /// Reads and checks the shard folders and builds the comparison.
    ///
    /// - Parameters:
    ///   - scenario: the base scenario, read from `scenarioFile`, whose bytes are `scenarioBytes`.
    ///   - includeTimings: whether the merged comparison has timings: then
    ///     every shard must have them (not solved with `--no-timings`).
    ///   - bestBase: when the shards' bases differ, compare every variation
    ///     with the best of them (`allocate whatif merge --best-base`) instead of refusing.
    ///   - workers: run folders read at once.
    /// - Throws: `WhatIfMergeError` with every problem found; nothing is written.
    public init(
        scenario: Scenario, scenarioBytes: [UInt8], scenarioFile: String, folders paths: [String],
        includeTimings: Bool, bestBase: Bool = false, workers: Int = WhatIfBatch.defaultWorkers
    ) throws(WhatIfMergeError) {
        var problems: [WhatIfMergeProblem] = []
        var read: [WhatIfShardFolder] = []
        for path in paths {
            do {
                read.append(try WhatIfShardFolder.read(path))
            } catch {
                problems += error.problems
            }
        }
        guard problems.isEmpty, !read.isEmpty else { throw WhatIfMergeError(problems: problems) }
        let folders = read.sorted { $0.shard.number < $1.shard.number }
        try Self.checkSet(folders, scenarioDigest: WhatIfRequest.digest(scenarioBytes), scenarioFile: scenarioFile,
                          includeTimings: includeTimings)

        let (chosen, baseDecision, notes) = try Self.checkBase(folders, scenario: scenario, bestBase: bestBase)
        let model = ModelBuilder.build(scenario)
        let baseEntry = folders[chosen].runs[0]
        let baseRun = WhatIfRun(
            index: 0, name: Variation.baseName, description: nil, changes: [], status: baseEntry.status,
            termination: baseEntry.termination, objective: baseEntry.objective, bound: baseEntry.bound, gap: baseEntry.gap,
            mipGap: baseEntry.mipGap, timeLimit: baseEntry.timeLimit, timings: baseEntry.timings ?? Timings(),
            money: DecisionMoney(scenario: scenario, decision: baseDecision), decision: baseDecision, baseDecision: baseDecision)
        let baseResult = AllocationResult(
            model: model, status: baseEntry.status, termination: baseEntry.termination, decision: baseDecision,
            objective: baseEntry.objective, bound: baseEntry.bound, gap: baseEntry.gap, mipGap: baseEntry.mipGap,
            timeLimit: baseEntry.timeLimit, nodes: nil, mandatoryWithoutChoice: model.mandatoryWithoutChoice,
            timings: baseEntry.timings ?? Timings(), columns: model.linear.columnCount, rows: model.linear.rowCount,
            nonzeros: model.linear.entryCount)

        // Every variation, in order of index, with the folder it is in.
        var jobs: [(folder: Int, entry: WhatIfShardFolder.Entry)] = []
        for (f, folder) in folders.enumerated() {
            for entry in folder.runs.dropFirst() { jobs.append((f, entry)) }
        }
        jobs.sort { $0.entry.index < $1.entry.index }
        let made = ParallelMap.run(count: jobs.count, threads: workers) { [jobs] k -> Result<WhatIfRun, WhatIfMergeError> in
            Result { () throws(WhatIfMergeError) -> WhatIfRun in
                try Self.run(jobs[k].entry, in: folders[jobs[k].folder], base: scenario, baseDecision: baseDecision)
            }
        }
        var runs = [baseRun]
        for outcome in made {
            switch outcome {
            case .success(let run): runs.append(run)
            case .failure(let error): problems += error.problems
            }
        }
        guard problems.isEmpty else { throw WhatIfMergeError(problems: problems) }

        let shardTimings = folders.compactMap(\.timings)
        let timings = WhatIfComparison.Timings(
            base: shardTimings.map(\.base).max() ?? 0, variations: shardTimings.map(\.variations).max() ?? 0,
            workers: shardTimings.reduce(0) { $0 + $1.workers }, shards: folders.count)
        self.folders = folders
        self.notes = notes
        sources = [chosen] + jobs.map(\.folder)
        comparison = WhatIfComparison(
            runs: runs, baseResult: baseResult, baseFigures: ResultFigures(model: model, decision: baseDecision), timings: timings)
    }

    /// The variation indices a list shows in a message: the first 12, then how many more.
    /// Missing shards named one by one; the rest are counted.
    static let missingShown = 12

    static func listed(_ indices: [Int]) -> String {
        let shown = indices.prefix(12).map(String.init).joined(separator: ", ")
        return indices.count > 12 ? shown + " and \(indices.count - 12) more" : shown
    }

    /// The folders make one batch: one split, each shard once, one request, each shard its deal.
    static func checkSet(
        _ folders: [WhatIfShardFolder], scenarioDigest: String, scenarioFile: String, includeTimings: Bool
    ) throws(WhatIfMergeError) {
        var problems: [WhatIfMergeProblem] = []
        let counts = folders.map(\.shard.count)
        if Set(counts).count > 1 {
            let each = folders.map { "\($0.path) is shard \($0.shard.number) of \($0.shard.count)" }.joined(separator: ", ")
            throw WhatIfMergeError(problems: [.init(message: "the folders are shards of different splits (\(each)): the shards of one batch all have the same N")])
        }
        let count = counts[0]
        let reference = folders[0]
        let variations = reference.request.variations
        // Folders by shard number: a split into very many shards (a typo such
        // as --shard 1/100000000) must not cost a pass per shard, so at most
        // `missingShown` missing shards are named and the rest counted.
        var byNumber: [Int: [WhatIfShardFolder]] = [:]
        for folder in folders { byNumber[folder.shard.number, default: []].append(folder) }
        let missing = count - byNumber.keys.filter { (1 ... count).contains($0) }.count
        var named = 0
        for number in 1 ... count where byNumber[number] == nil {
            if named == Self.missingShown { break }
            named += 1
            let deal = WhatIfShard(number: number, of: count).indices(of: variations)
            let solves = deal.isEmpty ? "it solves no variation, only the base" : "it solves variation\(deal.count == 1 ? "" : "s") \(listed(deal))"
            problems.append(.init(message: "shard \(number) of \(count) is missing (\(solves))"))
        }
        if missing > named { problems.append(.init(message: "and \(missing - named) more shards of \(count) are missing")) }
        for number in byNumber.keys.sorted() {
            guard let given = byNumber[number], given.count > 1 else { continue }
            problems.append(.init(message: "shard \(number) of \(count) is given \(given.count == 2 ? "twice" : "\(given.count) times"): "
                + given.map(\.path).joined(separator: ", ")))
        }
        for folder in folders {
            let file = WhatIfShardFolder.comparisonPath(folder.path)
            let request = folder.request
            if request.scenario != scenarioDigest {
                problems.append(.init(file: file, path: "shard.request.scenario", message:
                    "the shard was solved on another scenario file (\(request.scenario)) than the one given, \(scenarioFile) (\(scenarioDigest))"))
            }
            if folder.path != reference.path, request.variationList != reference.request.variationList || request.variations != variations {
                problems.append(.init(file: file, path: "shard.request", message:
                    "the shard was solved with another variation list (\(request.variations) variations, \(request.variationList)) than "
                        + "\(reference.path) (\(variations) variations, \(reference.request.variationList)): the variations file or the --set changes differ"))
            }
            if folder.path != reference.path, request.gap != reference.request.gap || request.timeLimit != reference.request.timeLimit {
                func limits(_ r: WhatIfRequest) -> String {
                    "--gap \(r.gap.map(JSONOutput.format) ?? "not given"), --time-limit \(r.timeLimit.map(JSONOutput.format) ?? "not given")"
                }
                problems.append(.init(file: file, path: "shard.request", message:
                    "the shard was solved with \(limits(request)), \(reference.path) with \(limits(reference.request)): every shard must be given the same"))
            }
            let deal = folder.shard.indices(of: request.variations)
            if folder.indices != deal {
                problems.append(.init(file: file, path: "shard.runs", message:
                    "shard \(folder.shard) of \(request.variations) variations solves [\(listed(deal))], the file lists [\(listed(folder.indices))]"))
            }
            let listedRuns = folder.runs.map(\.index)
            if listedRuns != [0] + folder.indices || folder.runs.first?.name != Variation.baseName {
                problems.append(.init(file: file, path: "runs", message:
                    "holds the runs [\(listed(listedRuns))], the base (0) and the shard's variations [\(listed(folder.indices))] expected"))
            }
            if includeTimings, folder.timings == nil || folder.runs.contains(where: { $0.timings == nil }) {
                problems.append(.init(file: file, message:
                    "the shard was solved with --no-timings, so its times are not known: merge with --no-timings"))
            }
        }
        guard problems.isEmpty else { throw WhatIfMergeError(problems: problems) }
    }

    /// Every shard's base result is the same (apart from its timings): the
    /// variations of every shard were then compared with one base. When only
    /// the proof figures differ (termination, bound, gap; docs/whatif.md,
    /// Determinism) the decision and objective the variations were compared
    /// with are the same: that is a note, and shard 1's base is kept. When the
    /// decisions differ the merge refuses, unless `bestBase`: then every
    /// variation is compared with the base of the highest objective (on a tie
    /// the lowest shard number), and a note says so. (A variation's own solve
    /// is valid whichever base it started from: a warm start changes how fast
    /// a solve gets somewhere, never what it proves; its row is worked out
    /// again against the base kept.)
    ///
    /// - Returns: the index in `folders` of the base kept, its decision (nil
    ///   when it has none) and the notes.
    static func checkBase(
        _ folders: [WhatIfShardFolder], scenario: Scenario, bestBase: Bool
    ) throws(WhatIfMergeError) -> (Int, Decision?, [String]) {
        var problems: [WhatIfMergeProblem] = []
        var texts: [String] = []
        var decisions: [Decision?] = []
        for folder in folders {
            let file = folder.file(Variation.baseName, WhatIfOutput.resultFile)
            do throws(WhatIfMergeError) {
                let (decision, text) = try resultFile(file, scenario: scenario, entry: folder.runs[0], folder: folder, text: true)
                decisions.append(decision)
                texts.append(text ?? "")
            } catch {
                problems += error.problems
            }
        }
        guard problems.isEmpty else { throw WhatIfMergeError(problems: problems) }
        let differing = folders.indices.dropFirst().filter { texts[$0] != texts[0] }
        guard !differing.isEmpty else { return (0, decisions[0], []) }
        func describe(_ k: Int) -> String {
            let e = folders[k].runs[0]
            var text = "shard \(folders[k].shard.number) (\(folders[k].path)): \(e.status.rawValue), termination \(e.termination.rawValue)"
            if let objective = e.objective { text += ", objective \(JSONOutput.format(objective))" }
            if let bound = e.bound { text += ", bound \(JSONOutput.format(bound))" }
            return text
        }
        let sameAnswer = differing.allSatisfy { k in
            decisions[k] == decisions[0] && folders[k].runs[0].objective == folders[0].runs[0].objective
                && folders[k].runs[0].status == folders[0].runs[0].status
        }
        let shards = ([0] + differing).map(describe).joined(separator: "; ")
        if sameAnswer {
            return (0, decisions[0], [
                "the shards' base results differ only in how the solve ended (\(shards)): the same decision and objective, "
                    + "so every variation was compared with the same base; the merge keeps shard \(folders[0].shard.number)'s base/result.json",
            ])
        }
        let projects = differing.map { k in
            zip(decisions[k]?.assignments ?? [], decisions[0]?.assignments ?? []).filter { $0 != $1 }.count
        }.max() ?? 0
        let decided = projects == 0 ? "" : "; up to \(projects) project\(projects == 1 ? "" : "s") decided differently from shard \(folders[0].shard.number)'s"
        guard bestBase else {
            throw WhatIfMergeError(problems: [.init(message:
                "the shards solved the base differently, so their variations were compared with different bases (\(shards)\(decided)): "
                    + "merge with --best-base to compare every variation with the best of these bases, or solve the shards again "
                    + "with a base that ends the same way everywhere (docs/whatif.md, Sharding)")])
        }
        let best = folders.indices.max { a, b in
            let (x, y) = (folders[a].runs[0].objective ?? -.infinity, folders[b].runs[0].objective ?? -.infinity)
            return x != y ? x < y : a > b
        }!
        return (best, decisions[best], [
            "the shards solved the base differently (\(shards)\(decided)); as --best-base asks, every variation is compared with "
                + "shard \(folders[best].shard.number)'s base, the best, and its base/result.json is kept",
        ])
    }

    /// A run's result.json read and checked against its scenario and its entry:
    /// its decision (nil without one) and, when `text`, its text without `timings`.
    static func resultFile(
        _ file: String, scenario: Scenario, entry: WhatIfShardFolder.Entry, folder: WhatIfShardFolder, text: Bool = false
    ) throws(WhatIfMergeError) -> (Decision?, String?) {
        let bytes: [UInt8]
        switch FileContents.read(at: file) {
        case .success(let contents): bytes = contents
        case .failure(let reason): throw WhatIfMergeError(problems: [.init(file: file, message: "cannot read it: \(reason.message)")])
        }
        let recorded: RecordedDecision
        let read: ResultFile
        do {
            read = try ResultFileReader.read(bytes: bytes)
            recorded = try read.decision(for: scenario)
        } catch {
            throw WhatIfMergeError(problems: error.problems.map { .init(file: file, path: $0.path, line: $0.line, message: $0.message) })
        }
        var differences: [String] = []
        if read.status != entry.status.rawValue { differences.append("status \(read.status) against \(entry.status.rawValue)") }
        if read.gap != entry.gap || read.mipGap != entry.mipGap || read.timeLimit != entry.timeLimit {
            differences.append("gap, mipGap or timeLimit")
        }
        let decision = entry.status.hasDecision ? recorded.decision : nil
        let funded = decision.map { $0.assignments.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }
        if funded != entry.funded { differences.append("\(funded ?? 0) projects funded against \(entry.funded ?? 0)") }
        guard differences.isEmpty else {
            throw WhatIfMergeError(problems: [.init(file: file, message:
                "is not the result of its entry \(entry.path) in \(WhatIfShardFolder.comparisonPath(folder.path)): "
                    + differences.joined(separator: "; "))])
        }
        return (decision, text ? try withoutTimings(bytes, file: file) : nil)
    }

    /// The text of a result file this tool wrote, without its `timings`.
    static func withoutTimings(_ bytes: [UInt8], file: String) throws(WhatIfMergeError) -> String {
        do {
            let root = try JSONParser.parse(bytes)
            guard case .object(let members) = root.kind else { return String(decoding: bytes, as: UTF8.self) }
            return JSONOutput.object(members.filter { $0.key != "timings" }.map { ($0.key, $0.value.output) }).serialized()
        } catch {
            throw WhatIfMergeError(problems: [.init(file: file, path: error.path.description, line: error.line, message: error.message)])
        }
    }

    /// A variation's run from its folder: its scenario.json read and checked
    /// (the base's projects and funders, in order), its result.json against it.
    static func run(
        _ entry: WhatIfShardFolder.Entry, in folder: WhatIfShardFolder, base: Scenario, baseDecision: Decision?
    ) throws(WhatIfMergeError) -> WhatIfRun {
        let scenarioFile = folder.file(entry.name, WhatIfOutput.scenarioFile)
        let scenario: Scenario
        do {
            scenario = try ScenarioReader.read(contentsOf: scenarioFile)
        } catch {
            throw WhatIfMergeError(problems: error.problems.map { .init(file: scenarioFile, path: $0.path, line: $0.line, message: $0.message) })
        }
        guard scenario.projects.map(\.id) == base.projects.map(\.id), scenario.funders.map(\.id) == base.funders.map(\.id) else {
            throw WhatIfMergeError(problems: [.init(file: scenarioFile, message:
                "is not a variation of the scenario given: its projects or funders are not the scenario's, in the same order")])
        }
        let (decision, _) = try resultFile(folder.file(entry.name, WhatIfOutput.resultFile), scenario: scenario, entry: entry, folder: folder)
        return WhatIfRun(
            index: entry.index, name: entry.name, description: entry.description, changes: entry.changes, status: entry.status,
            termination: entry.termination, objective: entry.objective, bound: entry.bound, gap: entry.gap,
            mipGap: entry.mipGap, timeLimit: entry.timeLimit, timings: entry.timings ?? Timings(),
            money: DecisionMoney(scenario: scenario, decision: decision), decision: decision, baseDecision: baseDecision)
    }

    /// Writes the runs' files into `directory` (made if missing): `base/result.json`
    /// from shard 1, and each variation's `NAME/result.json` and `NAME/scenario.json`
    /// from its shard, `workers` runs at a time; result files without their
    /// `timings` unless `includeTimings`. The comparison files are `WhatIfOutput.writeComparison`'s.
    ///
    /// - Throws: the first file (in the runs' order) that cannot be written (or, gone since, read).
    public func writeRuns(to directory: String, includeTimings: Bool, workers: Int = WhatIfBatch.defaultWorkers) throws(AtomicFile.WriteError) {
        try WhatIfOutput.prepare(directory)
        let runs = comparison.runs
        let folders = self.folders
        let sources = self.sources
        let failures = ParallelMap.run(count: runs.count, threads: workers) { k -> AtomicFile.WriteError? in
            let name = runs[k].name
            let target = WhatIfOutput.folder(directory, name)
            do throws(AtomicFile.WriteError) {
                try OutputDirectory.prepare(target)
                let files = k == 0 ? [WhatIfOutput.resultFile] : [WhatIfOutput.resultFile, WhatIfOutput.scenarioFile]
                for file in files {
                    let source = folders[sources[k]].file(name, file)
                    let path = OutputDirectory.path(target, file)
                    guard case .success(let bytes) = FileContents.read(at: source) else {
                        throw AtomicFile.WriteError(path: path, reason: "cannot read \(source)")
                    }
                    var text = String(decoding: bytes, as: UTF8.self)
                    if file == WhatIfOutput.resultFile, !includeTimings {
                        do {
                            text = try Self.withoutTimings(bytes, file: source)
                        } catch {
                            throw AtomicFile.WriteError(path: path, reason: "\(error)")
                        }
                    }
                    try AtomicFile.write(text, to: path)
                }
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
    }
}
