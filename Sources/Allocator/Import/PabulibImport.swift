/// Turns participatory-budgeting instances (pabulib files) into one scenario,
/// so that community-voted budgets can be analysed with `allocate`: each file
/// is one funder with its budget, and its projects can be funded only from it.
///
/// The mapping, documented in docs/import.md:
/// * area: the file's `unit` (a city: kind `province`, a root), and for a file
///   with a `subunit` (or `district`) a child area `unit/subunit` (kind `district`);
/// * funder: id = the file name without `.pb`; level `district` for a subunit's
///   budget, `province` for a unit's; area as above; budget = `META budget`;
/// * project: id = `project_id` (prefixed `<funder id>:` on every project when
///   some id occurs in two files); name, cost; priority = the project's score or
///   votes (`Priority`); `levels` = its funder's level and `funder` = its funder
///   (a project competes only for the budget it was voted in); `category` and
///   `target` items become strategies `category:<item>` and `target:<item>`
///   (weight 0: the summary shows each one's share of the money, and a
///   `minShare` can be added to ask for one);
/// * policy: `strategyRequired` empty (PB projects serve no provincial strategy),
///   `mipGap` 0 (these instances are small: a proven optimum);
/// * kept as `x-` notes: each file's META facts (`x-source`), every project's
///   `votes`, `score` and `selected` as written (`x-votes`, `x-score`, `x-selected`).
///
/// Amounts stay in the file's currency (`META currency`); the scenario format
/// calls them baht, and the summary prints "baht".
public enum PabulibImport {
    /// What a project's priority is.
    public enum Priority: String, CaseIterable, Sendable {
        /// The `score` column: the points voters gave it (cumulative and scoring
        /// votes), or the number of approvals; counted from `VOTES` (sum of
        /// `points`, 1 per ballot without points) when the column is absent.
        case score
        /// The `votes` column: how many voters supported it; counted from `VOTES`
        /// (ballots listing it) when the column is absent.
        case votes
    }

    /// Reads every file and builds the scenario.
    ///
    /// - Parameter name: the scenario's name; nil makes one from the files' META.
    /// - Throws: `ImportError` with every problem of every file.
    public static func read(_ files: [CSVFile], priority: Priority = .score, name: String? = nil) throws(ImportError) -> ImportedScenario {
        var problems: [ImportProblem] = []
        var parsed: [PabulibFile] = []
        for file in files {
            do {
                parsed.append(try PabulibFile.read(file))
            } catch {
                problems += error.problems
            }
        }
        var budgets: [Budget] = []
        for file in parsed {
            do {
                budgets.append(try Budget(file, priority: priority, funderId: funderId(file.name)))
            } catch {
                problems += error.problems
            }
        }
        var firstFile: [String: String] = [:]
        for budget in budgets {
            if let other = firstFile[budget.funderId] {
                problems.append(ImportProblem(
                    file: budget.file.name,
                    message: "two files are named \(budget.funderId).pb (the other is \(other)); each file's name becomes its funder's id"))
            } else {
                firstFile[budget.funderId] = budget.file.name
            }
        }
        guard problems.isEmpty else { throw ImportError(problems: problems) }
        return assemble(budgets, priority: priority, name: name)
    }

    /// The funder id of a file: its name without directories and `.pb`.
    static func funderId(_ path: String) -> String {
        var base = path.split(separator: "/").last.map(String.init) ?? path
        if base.lowercased().hasSuffix(".pb") { base.removeLast(3) }
        return base
    }

    /// One file read into what the scenario needs.
    struct Budget {
        struct Item {
            var id: String
            var name: String?
            var cost: Double
            var priority: Double
            var categories: [String]
            var targets: [String]
            var notes: [(String, JSONOutput)]
            var line: Int
        }

        var file: PabulibFile
        var funderId: String
        var unit: String
        var subunit: String?
        var amount: Double
        var budgetLine: Int
        var items: [Item] = []
        /// Column headers as written, by scenario key, for locating validator problems.
        var columns: [String: String] = [:]

        init(_ file: PabulibFile, priority: Priority, funderId: String) throws(ImportError) {
            self.file = file
            self.funderId = funderId
            var problems: [ImportProblem] = []
            var unitName = file.meta("unit")?.value ?? file.meta("city")?.value ?? ""
            if unitName.isEmpty { unitName = funderId }
            unit = unitName
            subunit = [file.meta("subunit"), file.meta("district")].compactMap { $0?.value }.first { !$0.isEmpty && $0 != unitName }
            amount = 0
            budgetLine = 0
            if let budget = file.meta("budget") {
                budgetLine = budget.line
                if let value = PabulibFile.amount(budget.value) {
                    amount = value
                } else {
                    problems.append(ImportProblem(file: file.name, line: budget.line, column: "budget",
                                                  message: "expected an amount, found \"\(budget.value)\""))
                }
            } else {
                problems.append(ImportProblem(file: file.name, message: "the META section has no budget"))
            }
            let section = file.projects
            let idColumn = section.column("project_id"), costColumn = section.column("cost")
            for (key, column) in [("project_id", idColumn), ("cost", costColumn)] where column == nil {
                problems.append(ImportProblem(file: file.name, line: section.headerLine, message: "the PROJECTS header has no \(key) column"))
            }
            guard problems.isEmpty, let idColumn, let costColumn else { throw ImportError(problems: problems) }
            let nameColumn = section.column("name")
            let categoryColumn = section.column("category") ?? section.column("categories")
            let targetColumn = section.column("target") ?? section.column("targets")
            let votesColumn = section.column("votes"), scoreColumn = section.column("score")
            let selectedColumn = section.column("selected")
            columns = ["id": section.header[idColumn], "cost": section.header[costColumn]]
            if let nameColumn { columns["name"] = section.header[nameColumn] }
            if let categoryColumn { columns["strategies"] = section.header[categoryColumn] }
            let priorityColumn = priority == .score ? scoreColumn : votesColumn
            if let priorityColumn { columns["priority"] = section.header[priorityColumn] }

            var seen: [String: Int] = [:]
            for record in section.rows {
                guard let id = section.cell(record, idColumn) else {
                    problems.append(ImportProblem(file: file.name, line: record.line, column: section.header[idColumn], message: "must not be empty"))
                    continue
                }
                if let first = seen[id] {
                    problems.append(ImportProblem(file: file.name, line: record.line, column: section.header[idColumn],
                                                  message: "project \"\(id)\" is already listed on line \(first)"))
                    continue
                }
                seen[id] = record.line
                var item = Item(id: id, name: section.cell(record, nameColumn), cost: 0, priority: 0,
                                categories: Self.items(section.cell(record, categoryColumn)),
                                targets: Self.items(section.cell(record, targetColumn)), notes: [], line: record.line)
                if let text = section.cell(record, costColumn), let cost = PabulibFile.amount(text) {
                    item.cost = cost
                } else {
                    problems.append(ImportProblem(file: file.name, line: record.line, column: section.header[costColumn],
                                                  message: "expected an amount, found \"\(section.cell(record, costColumn) ?? "")\""))
                }
                for (key, column) in [("votes", votesColumn), ("score", scoreColumn)] {
                    guard let column, let text = section.cell(record, column) else { continue }
                    guard let value = PabulibFile.amount(text), value >= 0 else {
                        problems.append(ImportProblem(file: file.name, line: record.line, column: section.header[column],
                                                      message: "expected a number >= 0, found \"\(text)\""))
                        continue
                    }
                    item.notes.append(("x-\(key)", .number(value)))
                    if column == priorityColumn { item.priority = value }
                }
                if let text = section.cell(record, selectedColumn) {
                    item.notes.append(("x-selected", CellText.integer(text).map { .int($0) } ?? .string(text)))
                }
                items.append(item)
            }
            guard problems.isEmpty else { throw ImportError(problems: problems) }
            if priorityColumn == nil {
                guard file.votes != nil else {
                    var message = "the PROJECTS header has no \(priority.rawValue) column and there is no VOTES section to count it from"
                    if priority == .score, votesColumn != nil { message += " (--pabulib-priority votes uses the votes column)" }
                    throw ImportError(problems: [ImportProblem(file: file.name, line: section.headerLine, message: message)])
                }
                let tally = try file.tally(projectIds: Set(items.map(\.id)))
                for k in items.indices {
                    items[k].priority = priority == .votes
                        ? Double(tally.ballots[items[k].id] ?? 0) : tally.points[items[k].id] ?? 0
                }
            }
        }

        /// A `category` or `target` cell's items (comma-separated, as pabulib writes them).
        static func items(_ text: String?) -> [String] {
            guard let text else { return [] }
            return text.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        }

        var level: Level { subunit == nil ? .province : .district }
        var areaId: String { subunit.map { "\(unit)/\($0)" } ?? unit }
    }

    private static func assemble(_ budgets: [Budget], priority: Priority, name: String?) -> ImportedScenario {
        var areas: [Area] = []
        var areaIds = Set<String>()
        func addArea(_ area: Area) {
            if areaIds.insert(area.id).inserted { areas.append(area) }
        }
        for budget in budgets {
            addArea(Area(id: budget.unit, name: budget.unit, kind: .province))
            if let subunit = budget.subunit {
                addArea(Area(id: budget.areaId, name: subunit, parent: budget.unit, kind: .district))
            }
        }

        var counts: [String: Int] = [:]
        for budget in budgets { for item in budget.items { counts[item.id, default: 0] += 1 } }
        let prefixIds = counts.values.contains { $0 > 1 }

        var strategies: [Strategy] = []
        var strategyIds = Set<String>()
        var funders: [Funder] = []
        var projects: [Project] = []
        var projectNotes: [[(String, JSONOutput)]] = []
        var sources = ImportSourceMap()
        var funderSources: [ImportSourceMap.Entry] = []
        var projectSources: [ImportSourceMap.Entry] = []
        for budget in budgets {
            let description = budget.file.meta("description")?.value
            let instance = budget.file.meta("instance")?.value
            funders.append(Funder(
                id: budget.funderId, name: [description, instance.map { "(\($0))" }].compactMap { $0 }.joined(separator: " "),
                level: budget.level, area: budget.areaId, budget: [budget.amount]))
            funderSources.append(ImportSourceMap.Entry(
                file: budget.file.name, line: budget.budgetLine == 0 ? nil : budget.budgetLine, columns: ["budget": "budget"]))
            for item in budget.items {
                var links: [String] = []
                for (prefix, names) in [("category", item.categories), ("target", item.targets)] {
                    for name in names {
                        let id = "\(prefix):\(name)"
                        if strategyIds.insert(id).inserted { strategies.append(Strategy(id: id, name: name)) }
                        if !links.contains(id) { links.append(id) }
                    }
                }
                projects.append(Project(
                    id: prefixIds ? "\(budget.funderId):\(item.id)" : item.id, name: item.name, area: budget.areaId,
                    cost: .total(item.cost), priority: item.priority, strategies: links, levels: [budget.level],
                    funder: budget.funderId))
                projectNotes.append(item.notes)
                projectSources.append(ImportSourceMap.Entry(file: budget.file.name, line: item.line, columns: budget.columns))
            }
        }
        sources.lists = ["funders": funderSources, "projects": projectSources]

        var policy = Policy()
        policy.strategyRequired = []
        policy.mipGap = 0
        let scenario = Scenario(name: name ?? scenarioName(budgets), areas: areas, strategies: strategies,
                                funders: funders, projects: projects, policy: policy)
        return ImportedScenario(scenario: scenario, notes: notes(budgets, priority: priority, prefixedIds: prefixIds),
                                projectNotes: projectNotes, sources: sources)
    }

    /// `Częstochowa 2020: 5 participatory budgets (pabulib)`, or the one file's description and instance.
    private static func scenarioName(_ budgets: [Budget]) -> String {
        if budgets.count == 1, let description = budgets[0].file.meta("description")?.value {
            return [description, budgets[0].file.meta("instance")?.value].compactMap { $0 }.joined(separator: " ")
        }
        var units: [String] = []
        var instances: [String] = []
        for budget in budgets {
            if !units.contains(budget.unit) { units.append(budget.unit) }
            if let instance = budget.file.meta("instance")?.value, !instances.contains(instance) { instances.append(instance) }
        }
        return "\(units.joined(separator: ", ")) \(instances.joined(separator: ", ")): "
            + "\(budgets.count) participatory budget\(budgets.count == 1 ? "" : "s") (pabulib)"
    }

    private static func notes(_ budgets: [Budget], priority: Priority, prefixedIds: Bool) -> [(String, JSONOutput)] {
        let sources: [JSONOutput] = budgets.map { budget in
            var members: [(String, JSONOutput)] = [
                ("file", .string(budget.file.name.split(separator: "/").last.map(String.init) ?? budget.file.name)),
                ("funder", .string(budget.funderId)),
            ]
            for key in ["description", "country", "unit", "subunit", "instance", "budget", "currency", "vote_type", "rule",
                        "num_projects", "num_votes"] {
                if let value = budget.file.meta(key)?.value { members.append((key, .string(value))) }
            }
            return .object(members)
        }
        let currencies = budgets.compactMap { $0.file.meta("currency")?.value }
        var uniqueCurrencies: [String] = []
        for c in currencies where !uniqueCurrencies.contains(c) { uniqueCurrencies.append(c) }
        let money = uniqueCurrencies.isEmpty ? "the files' currency" : uniqueCurrencies.joined(separator: ", ")
        let priorityRule = switch priority {
        case .score: "priority = the project's score (points given by voters, or approvals), from the score column or counted from VOTES"
        case .votes: "priority = the project's votes (voters supporting it), from the votes column or counted from VOTES"
        }
        var notes: [JSONOutput] = [
            .string("Imported by allocate import --pabulib (docs/import.md): one funder per file and budget; "
                + "a project can be funded only by the budget it was voted in (funder and levels pinned)."),
            .string("Amounts are in \(money), not baht: the summary's \"baht\" means \(money) here."),
            .string(priorityRule + "; x-votes, x-score and x-selected are the file's own columns."),
            .string("The objective is the sum of the funded projects' priorities (a knapsack per budget); the files' own rule "
                + "(META rule, e.g. greedy) may select a different set: allocate maximises the total, it does not replay the rule."),
        ]
        if prefixedIds {
            notes.append(.string("Some project_id occurs in two files, so every project id is <funder>:<project_id>."))
        }
        return [("x-source", .array(sources)), ("x-notes", .array(notes))]
    }
}
