/// Writes the constraint rows of the spec's model, family by family, in a
/// fixed order that depends only on the scenario's arrays.
struct RowsBuilder {
    let scenario: Scenario
    let index: ScenarioIndex
    let choices: [Choice]
    let choiceStart: [Int]

    func columns(ofProject p: Int) -> Range<Int> { choiceStart[p] ..< choiceStart[p + 1] }

    /// Adds every row to `model` and returns each row's family, in row order.
    func addRows(to model: inout LinearModel) -> [RowFamily] {
        var families: [RowFamily] = []
        families += addProjectRows(to: &model)
        families += addOverlapRows(to: &model)
        families += addBudgetRows(to: &model)
        families += addCapacityRows(to: &model)
        families += addRequiresRows(to: &model)
        families += addShareRows(to: &model)
        return families
    }

    /// Each project funded at most once; exactly once if mandatory.
    private func addProjectRows(to model: inout LinearModel) -> [RowFamily] {
        var families: [RowFamily] = []
        for (p, project) in scenario.projects.enumerated() {
            let cols = columns(ofProject: p)
            guard project.mandatory || cols.count > 1 else { continue }
            model.addRow(
                name: "once[\(project.id)]", lower: project.mandatory ? 1 : nil, upper: 1,
                entries: cols.map { ($0, 1) })
            families.append(.project(p))
        }
        return families
    }

    /// Each overlap group: at most one of its projects funded. Groups in order of first mention.
    private func addOverlapRows(to model: inout LinearModel) -> [RowFamily] {
        var families: [RowFamily] = []
        var groupOrder: [String] = []
        var members: [String: [Int]] = [:]
        for (p, project) in scenario.projects.enumerated() {
            var seen = Set<String>()
            for group in project.overlaps where seen.insert(group).inserted {
                if members[group] == nil { groupOrder.append(group) }
                members[group, default: []].append(p)
            }
        }
        for group in groupOrder {
            let projects = members[group]!.filter { !columns(ofProject: $0).isEmpty }
            guard projects.count > 1 else { continue }
            model.addRow(
                name: "overlap[\(group)]", lower: nil, upper: 1,
                entries: projects.flatMap { p in columns(ofProject: p).map { ($0, 1.0) } })
            families.append(.overlap(group: group))
        }
        return families
    }

    /// Each funder and plan year: cost falling in that year within that year's budget.
    private func addBudgetRows(to model: inout LinearModel) -> [RowFamily] {
        var families: [RowFamily] = []
        let horizon = scenario.horizon
        var entries = Array(repeating: [(column: Int, value: Double)](), count: scenario.funders.count * horizon)
        for (j, c) in choices.enumerated() {
            for (k, amount) in c.yearlyCost.enumerated() where amount != 0 {
                entries[c.funder * horizon + c.start - 1 + k].append((j, amount))
            }
        }
        for (f, funder) in scenario.funders.enumerated() {
            for y in 0 ..< horizon where !entries[f * horizon + y].isEmpty {
                model.addRow(
                    name: "budget[\(funder.id),\(y + 1)]", lower: nil, upper: funder.budget[y],
                    entries: entries[f * horizon + y])
                families.append(.budget(funder: f, year: y + 1))
            }
        }
        return families
    }

    /// Each funder: funded projects within `maxProjects`.
    private func addCapacityRows(to model: inout LinearModel) -> [RowFamily] {
        var families: [RowFamily] = []
        var entries = Array(repeating: [(column: Int, value: Double)](), count: scenario.funders.count)
        for (j, c) in choices.enumerated() where scenario.funders[c.funder].maxProjects != nil {
            entries[c.funder].append((j, 1))
        }
        for (f, funder) in scenario.funders.enumerated() {
            guard let limit = funder.maxProjects, !entries[f].isEmpty else { continue }
            model.addRow(name: "capacity[\(funder.id)]", lower: nil, upper: Double(limit), entries: entries[f])
            families.append(.capacity(funder: f))
        }
        return families
    }

    /// Each `requires` edge q -> p: p funded only if q is. With horizon > 1 the
    /// rows are cumulative in time: p started by year t needs q started by
    /// t - duration(q), which is both the precedence rule and a tight relaxation.
    private func addRequiresRows(to model: inout LinearModel) -> [RowFamily] {
        var families: [RowFamily] = []
        for (p, project) in scenario.projects.enumerated() {
            let pCols = columns(ofProject: p)
            guard !pCols.isEmpty else { continue }
            var seen = Set<String>()
            for required in project.requires where seen.insert(required).inserted {
                guard let q = index.projectIndex[required] else { continue }
                let qCols = columns(ofProject: q)
                let name = "requires[\(project.id),\(required)]"
                if scenario.horizon == 1 {
                    model.addRow(
                        name: name, lower: nil, upper: 0,
                        entries: pCols.map { ($0, 1.0) } + qCols.map { ($0, -1.0) })
                    families.append(.requires(project: p, required: q))
                    continue
                }
                let qDuration = scenario.projects[q].duration
                var starts: [Int] = []
                for j in pCols where starts.last != choices[j].start && !starts.contains(choices[j].start) {
                    starts.append(choices[j].start)
                }
                for t in starts.sorted() {
                    let pBy = pCols.filter { choices[$0].start <= t }
                    let qBy = qCols.filter { choices[$0].start + qDuration <= t }
                    model.addRow(
                        name: "\(name)[\(t)]", lower: nil, upper: 0,
                        entries: pBy.map { ($0, 1.0) } + qBy.map { ($0, -1.0) })
                    families.append(.requires(project: p, required: q))
                }
            }
        }
        return families
    }

    /// Each strategy with a minimum share s: Σ (serves − s) × cost ≥ 0 over funded choices.
    private func addShareRows(to model: inout LinearModel) -> [RowFamily] {
        var families: [RowFamily] = []
        for (k, strategy) in scenario.strategies.enumerated() where strategy.minShare > 0 {
            var entries: [(column: Int, value: Double)] = []
            for (j, c) in choices.enumerated() {
                let serves = scenario.projects[c.project].strategies.contains(strategy.id)
                entries.append((j, c.totalCost * ((serves ? 1 : 0) - strategy.minShare)))
            }
            guard !entries.isEmpty else { continue }
            model.addRow(name: "share[\(strategy.id)]", lower: 0, upper: nil, entries: entries)
            families.append(.share(strategy: k))
        }
        return families
    }
}
