/// Makes the scenario of each variation from one base scenario: resolves
/// each change's ids (suggesting the nearest id for an unknown one), checks
/// its plan year against the horizon, applies the changes in order to a copy
/// of the base, and validates the result with the scenario reader's checks on
/// the document `ScenarioWriter` makes of it, so a variation's scenario is
/// exactly what `allocate` would read from its file.
///
/// Rules that are not the format's (docs/whatif.md): an amount of money
/// changed by `+=`, `-=` or `*=` is rounded to the satang (0.01 baht), other
/// numbers to 15 significant digits (no floating-point dust); a funder without
/// `maxProjects` or `maxProjectCost` keeps none under `+=`, `-=` and `*=`
/// (no limit plus or times anything is no limit); `sectors+=` on a funder
/// without `sectors` (every sector) leaves it so; a per-year `cost` is scaled
/// in proportion; `costAt` and `valueAt` are left as they are.
public struct ScenarioChanger: Sendable {
    public let base: Scenario
    let index: ScenarioIndex
    /// The funders whose area is each area or inside it, in scenario order.
    let fundersInSubtree: [[Int]]
    /// Every sector a project or a funder of the base names, in first-seen order.
    let sectors: [String]

    /// - Complexity: O(areas + funders × area depth + projects).
    public init(base: Scenario) {
        self.base = base
        let index = ScenarioIndex(base)
        self.index = index
        var subtree = Array(repeating: [Int](), count: base.areas.count)
        for (f, funder) in base.funders.enumerated() {
            guard let area = funder.area, let a = index.areaIndex[area] else { continue }
            for ancestor in index.lineage(ofArea: a) { subtree[ancestor].append(f) }
        }
        fundersInSubtree = subtree
        var seen = Set<String>()
        var sectors: [String] = []
        for name in base.projects.compactMap(\.sector) + base.funders.flatMap({ $0.sectors ?? [] })
        where seen.insert(name).inserted {
            sectors.append(name)
        }
        self.sectors = sectors
    }

    /// The validated scenario of `variation`.
    ///
    /// - Throws: `WhatIfError` with every change that cannot be applied (an
    ///   unknown id, a plan year beyond the horizon, ...) or, when all apply,
    ///   every rule of the format the changed scenario breaks, each named by the
    ///   change that last touched the entry (a funder, a project, ...) concerned.
    public func scenario(for variation: Variation) throws(WhatIfError) -> Scenario {
        let (scenario, touchedBy) = try applied(variation)
        if changesBudgetsOnly(variation, in: scenario) { return scenario }
        do {
            return try ScenarioReader.read(document: ScenarioWriter.json(scenario).document())
        } catch {
            throw WhatIfError(problems: error.problems.map { problem in
                let entry = Self.entry(of: problem.path)
                let message = "makes the scenario invalid: \(problem.path)\(label(entry)): \(problem.message)"
                guard let k = touchedBy[entry] else {
                    return WhatIfProblem(location: variation.location, message: message)
                }
                return WhatIfProblem(
                    location: variation.changeLocations[k], expression: variation.changes[k].text, message: message)
            })
        }
    }

    /// `variation`'s changes applied in order to a copy of the base, not yet
    /// validated, and for each entry touched ("funders[3]", "policy") the last
    /// change that touched it.
    func applied(_ variation: Variation) throws(WhatIfError) -> (scenario: Scenario, touchedBy: [String: Int]) {
        var scenario = base
        var problems: [WhatIfProblem] = []
        var touchedBy: [String: Int] = [:]
        for (k, change) in variation.changes.enumerated() {
            var application = ChangeApplication(changer: self, scenario: scenario, change: change)
            do {
                try application.run()
            } catch {
                problems.append(WhatIfProblem(
                    location: variation.changeLocations[k], expression: change.text, column: error.column,
                    message: error.message))
                continue
            }
            scenario = application.scenario
            for entry in application.touched { touchedBy[entry] = k }
        }
        guard problems.isEmpty else { throw WhatIfError(problems: problems) }
        return (scenario, touchedBy)
    }

    /// Whether `variation` changes nothing but funders' budgets and leaves
    /// every budget valid (`scenario` is the variation applied to the base).
    /// The reader's only rules for a budget are on its amounts (`ScenarioDecoder.accepts`,
    /// non-negative) and its length (one per plan year, which a change keeps), so the
    /// changed scenario is then valid as it is and equal to what the reader makes of
    /// its file (tested): the round trip through the writer and the reader, most
    /// of the time a budget variation takes to make at 12,000 projects, is
    /// skipped, and its projects keep the base's storage.
    func changesBudgetsOnly(_ variation: Variation, in scenario: Scenario) -> Bool {
        guard variation.changes.allSatisfy({ $0.field == .budget }) else { return false }
        for (f, funder) in scenario.funders.enumerated() where funder.budget != base.funders[f].budget {
            guard funder.budget.count == scenario.horizon,
                funder.budget.allSatisfy({ ScenarioDecoder.accepts($0, .nonNegative) })
            else { return false }
        }
        return true
    }

    /// The entry a JSON path is in: `funders[3]` for `funders[3].budget[0]`, `policy` for `policy.mipGap`.
    static func entry(of path: String) -> String {
        if let close = path.firstIndex(of: "]") { return String(path[...close]) }
        return String(path.prefix { $0 != "." && $0 != "[" })
    }

    /// ` (funder "LAO-KK-01-03")` for `funders[k]`, and the like; empty for other entries.
    private func label(_ entry: String) -> String {
        let lists: [(String, String, [String])] = [
            ("funders[", "funder", base.funders.map(\.id)), ("projects[", "project", base.projects.map(\.id)),
            ("strategies[", "strategy", base.strategies.map(\.id)),
        ]
        for (prefix, noun, ids) in lists where entry.hasPrefix(prefix) {
            if let k = Int(entry.dropFirst(prefix.count).dropLast()), ids.indices.contains(k) {
                return " (\(noun) \"\(ids[k])\")"
            }
        }
        return ""
    }

    /// The funder ids, project ids, ... nearest to an unknown one, for a message.
    func unknown(_ noun: String, _ id: String, among ids: [String]) -> String {
        var message = "unknown \(noun) \"\(id)\""
        if let guess = KeySuggestion.closest(to: id, among: ids) { message += "; did you mean \"\(guess)\"?" }
        return message
    }
}
