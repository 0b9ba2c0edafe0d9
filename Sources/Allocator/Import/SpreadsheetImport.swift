/// Builds a scenario from spreadsheets saved as CSV: one file each for areas,
/// strategies (optional), funders and projects, and an optional key,value file
/// for the policy. Each file's header row names its columns with the scenario
/// format's own keys (`id`, `name`, `cost`, ...); docs/import.md lists them.
///
/// Every cell is read, and every problem found is reported (file, row, column,
/// what was expected) before anything is built; then the built scenario goes
/// through the scenario reader, as `allocate validate` would read it, and its
/// problems are reported at their rows and columns too.
public enum SpreadsheetImport {
    /// The files, by role; `strategies` and `policy` may be absent.
    public struct Files: Sendable {
        public var areas: CSVFile
        public var strategies: CSVFile?
        public var funders: CSVFile
        public var projects: CSVFile
        public var policy: CSVFile?

        public init(areas: CSVFile, strategies: CSVFile? = nil, funders: CSVFile, projects: CSVFile, policy: CSVFile? = nil) {
            self.areas = areas
            self.strategies = strategies
            self.funders = funders
            self.projects = projects
            self.policy = policy
        }
    }

    /// What the files do not hold: the scenario's name, fiscal year and horizon (command-line options).
    public struct Settings: Sendable {
        public var name: String
        public var fiscalYear: Int?
        public var horizon: Int

        public init(name: String, fiscalYear: Int? = nil, horizon: Int = 1) {
            self.name = name
            self.fiscalYear = fiscalYear
            self.horizon = horizon
        }
    }

    /// The columns of each file, in the order docs/import.md lists them (the format's order).
    static let areaColumns = ["id", "name", "parent", "kind"]
    static let strategyColumns = ["id", "name", "weight", "minShare"]
    static let funderColumns = ["id", "name", "level", "area", "budget", "maxProjects", "maxProjectCost", "sectors"]
    static let projectColumns = [
        "id", "name", "area", "cost", "priority", "sector", "strategies", "selfReliant", "levels",
        "overlaps", "requires", "mandatory", "funder", "exclude", "duration", "earliestStart",
        "latestStart", "costAt", "valueAt",
    ]
    static let policyColumns = ["key", "value"]
    static let policyKeys = ["escalationPenalty", "delayDiscount", "strategyRequired", "mipGap", "timeLimit"]

    /// Reads the files and builds the scenario; nothing is validated beyond the
    /// cells (call `ImportedScenario.validated()` for the format's rules).
    ///
    /// - Throws: `ImportError` with every problem found in every file.
    /// - Complexity: O(total size of the files).
    public static func read(_ files: Files, settings: Settings) throws(ImportError) -> ImportedScenario {
        var problems: [ImportProblem] = []
        var sources = ImportSourceMap()
        sources.options = ["name": "--name", "fiscalYear": "--fiscal-year", "horizon": "--horizon"]
        let horizon = settings.horizon
        if !(1...10).contains(horizon) {
            problems.append(ImportProblem(option: "--horizon", message: "must be a whole number of plan years from 1 to 10, found \(horizon)"))
        }

        func sheet(_ file: CSVFile?, known: [String], required: [String]) -> CSVSheet? {
            guard let file else { return nil }
            do {
                let records = try CSVReader.records(file.bytes, file: file.name)
                return CSVSheet(records: records, file: file.name, known: known, required: required, problems: &problems)
            } catch {
                problems += error.problems
                return nil
            }
        }

        var scenario = Scenario(name: settings.name, fiscalYear: settings.fiscalYear, horizon: horizon,
                                areas: [], funders: [], projects: [])
        if let areas = sheet(files.areas, known: areaColumns, required: ["id"]) {
            scenario.areas = read(areas, into: &sources, list: "areas", problems: &problems, area)
        }
        if let strategies = sheet(files.strategies, known: strategyColumns, required: ["id"]) {
            scenario.strategies = read(strategies, into: &sources, list: "strategies", problems: &problems, strategy)
        }
        if let funders = sheet(files.funders, known: funderColumns, required: ["id", "level", "budget"]) {
            scenario.funders = read(funders, into: &sources, list: "funders", problems: &problems) { row in
                funder(&row, horizon: horizon)
            }
        }
        if let projects = sheet(files.projects, known: projectColumns, required: ["id", "area", "cost", "priority"]) {
            scenario.projects = read(projects, into: &sources, list: "projects", problems: &problems, project)
        }
        if let policy = sheet(files.policy, known: policyColumns, required: policyColumns) {
            scenario.policy = self.policy(policy, into: &sources, problems: &problems)
        }
        guard problems.isEmpty else { throw ImportError(problems: problems) }
        return ImportedScenario(scenario: scenario, sources: sources)
    }

    /// Reads every data row of `sheet` with `entry`, records where each entry
    /// came from, and reports ids used twice (at the later row).
    private static func read<Entry>(
        _ sheet: CSVSheet, into sources: inout ImportSourceMap, list: String, problems: inout [ImportProblem],
        _ entry: (inout RowReader) -> Entry
    ) -> [Entry] {
        var entries: [Entry] = []
        var firstRow: [String: Int] = [:]
        var located: [ImportSourceMap.Entry] = []
        for record in sheet.rows {
            var row = RowReader(sheet: sheet, record: record)
            if let id = row.text("id") {
                if let first = firstRow[id] {
                    row.report("id", "the id \"\(id)\" is already used in row \(first)")
                } else {
                    firstRow[id] = record.row
                }
            }
            entries.append(entry(&row))
            problems += row.problems
            located.append(ImportSourceMap.Entry(file: sheet.file, row: record.row, columns: sheet.headers))
        }
        sources.lists[list] = located
        return entries
    }

    private static func area(_ row: inout RowReader) -> Area {
        var area = Area(id: row.required("id") ?? "")
        area.name = row.text("name")
        area.parent = row.text("parent")
        if let text = row.text("kind") {
            area.kind = Area.Kind(rawValue: text.lowercased())
            if area.kind == nil {
                row.report("kind", "unknown kind \"\(text)\"; expected \(Area.Kind.allCases.map(\.rawValue).joined(separator: ", ")) (or leave it empty)")
            }
        }
        return area
    }

    private static func strategy(_ row: inout RowReader) -> Strategy {
        var strategy = Strategy(id: row.required("id") ?? "")
        strategy.name = row.text("name")
        if let weight = row.number("weight") { strategy.weight = weight }
        if let minShare = row.number("minShare", .fraction) { strategy.minShare = minShare }
        return strategy
    }

    private static func funder(_ row: inout RowReader, horizon: Int) -> Funder {
        var funder = Funder(id: row.required("id") ?? "", level: .ministry, budget: [])
        funder.name = row.text("name")
        if let text = row.required("level") {
            if let level = RowReader.level(text) {
                funder.level = level
            } else {
                row.report("level", "unknown level \"\(text)\"; expected \(RowReader.levelNames)")
            }
        }
        funder.area = row.text("area")
        if let budget = row.numbers("budget", .money) {
            if budget.count == 1 {
                funder.budget = Array(repeating: budget[0], count: max(horizon, 1))
            } else if budget.count == horizon {
                funder.budget = budget
            } else {
                row.report("budget", "\(budget.count) yearly amounts but the horizon (--horizon) is \(horizon): "
                    + "give one amount for every year, or one per plan year separated by ;")
            }
        } else if row.text("budget") == nil {
            _ = row.required("budget")
        }
        funder.maxProjects = row.integer("maxProjects")
        funder.maxProjectCost = row.number("maxProjectCost", .money)
        funder.sectors = row.list("sectors", unique: true)
        return funder
    }

    private static func project(_ row: inout RowReader) -> Project {
        var project = Project(id: row.required("id") ?? "", area: row.required("area") ?? "", cost: .total(1), priority: 0)
        project.name = row.text("name")
        if let cost = row.numbers("cost", .money) {
            project.cost = cost.count == 1 ? .total(cost[0]) : .perYear(cost)
            if cost.count > 1 { project.duration = cost.count }
        } else if row.text("cost") == nil {
            _ = row.required("cost")
        }
        if let priority = row.number("priority") {
            project.priority = priority
        } else if row.text("priority") == nil {
            _ = row.required("priority")
        }
        project.sector = row.text("sector")
        project.strategies = row.list("strategies") ?? []
        project.selfReliant = row.bool("selfReliant") ?? false
        project.levels = row.levels("levels")
        project.overlaps = row.list("overlaps") ?? []
        project.requires = row.list("requires") ?? []
        project.mandatory = row.bool("mandatory") ?? false
        project.funder = row.text("funder")
        project.exclude = row.bool("exclude") ?? false
        if let duration = row.integer("duration") { project.duration = duration }
        if let earliest = row.integer("earliestStart") { project.earliestStart = earliest }
        project.latestStart = row.integer("latestStart")
        project.costAt = (row.amounts("costAt", .money) ?? []).map { .init(key: $0.key, value: .total($0.value)) }
        project.valueAt = (row.amounts("valueAt", .plain) ?? []).map { .init(key: $0.key, value: $0.value) }
        return project
    }

    /// The key,value policy file: one row per policy key that differs from the default.
    private static func policy(_ sheet: CSVSheet, into sources: inout ImportSourceMap, problems: inout [ImportProblem]) -> Policy {
        var policy = Policy()
        for record in sheet.rows {
            var row = RowReader(sheet: sheet, record: record)
            defer { problems += row.problems }
            guard let written = row.required("key") else { continue }
            guard let key = policyKeys.first(where: { $0.lowercased() == written.lowercased() }) else {
                var message = "unknown policy key \"\(written)\""
                if let suggestion = KeySuggestion.closest(to: written, among: policyKeys) { message += "; did you mean \"\(suggestion)\"?" }
                row.report("key", message + " (known keys: \(policyKeys.joined(separator: ", ")))")
                continue
            }
            if let first = sources.policy[key] {
                row.report("key", "\(key) is already set in row \(first.row ?? 0)")
                continue
            }
            sources.policy[key] = ImportSourceMap.Entry(file: sheet.file, row: record.row, columns: [:],
                                                        otherColumn: sheet.headers["value"])
            guard row.required("value") != nil else { continue }
            switch key {
            case "escalationPenalty": if let x = row.number("value", .fraction) { policy.escalationPenalty = x }
            case "delayDiscount": if let x = row.number("value", .fraction) { policy.delayDiscount = x }
            case "mipGap": if let x = row.number("value", .fraction) { policy.mipGap = x }
            case "timeLimit": if let x = row.number("value") { policy.timeLimit = x }
            default:
                if row.text("value")?.lowercased() == "none" {
                    policy.strategyRequired = []
                } else if let levels = row.levels("value") {
                    policy.strategyRequired = levels
                }
            }
        }
        return policy
    }
}
