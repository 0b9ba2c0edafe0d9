import Allocator
import ArgumentParser

/// `allocate import`: a scenario from spreadsheets saved as CSV (areas,
/// strategies, funders, projects, policy), or from participatory-budgeting
/// files in the pabulib format. The scenario is checked as `allocate validate`
/// checks a file before anything is written.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Build a scenario from CSV spreadsheets or pabulib participatory-budgeting files.",
        discussion: """
            From spreadsheets: --areas, --funders, --projects (and optionally --strategies, --policy) \
            name CSV files (UTF-8, with or without a byte order mark) whose header rows use the \
            scenario format's keys; lists inside a cell are separated by ';'. \
            From pabulib: --pabulib FILE.pb... makes one funder per file. \
            docs/import.md lists every column and mapping. \
            Exit status: 0 the scenario was written, 2 a file was rejected (every problem is listed \
            with its file, row and column), 3 the output cannot be written.
            """)

    @Option(help: ArgumentHelp("Projects CSV: id, area, cost, priority, and optional columns named after the format's project keys.", valueName: "projects.csv"))
    var projects: String?

    @Option(help: ArgumentHelp("Funders CSV: id, level, budget (one amount, or one per plan year separated by ;), area, ...", valueName: "funders.csv"))
    var funders: String?

    @Option(help: ArgumentHelp("Areas CSV: id, name, parent, kind.", valueName: "areas.csv"))
    var areas: String?

    @Option(help: ArgumentHelp("Strategies CSV (optional): id, name, weight, minShare.", valueName: "strategies.csv"))
    var strategies: String?

    @Option(help: ArgumentHelp("Policy CSV (optional): rows of key,value (escalationPenalty, delayDiscount, strategyRequired, mipGap, timeLimit).", valueName: "policy.csv"))
    var policy: String?

    @Option(help: "The scenario's name (required with CSV files; with pabulib files it defaults to one made from their META).")
    var name: String?

    @Option(help: "Thai fiscal year in the Buddhist Era, e.g. 2570 (CSV import).")
    var fiscalYear: Int?

    @Option(help: "Number of plan years, 1...10 (CSV import; default 1).")
    var horizon: Int?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Pabulib files (.pb): one funder per file.", valueName: "file.pb"))
    var pabulib: [String] = []

    @Option(help: "With --pabulib: the project priority, score (points or approvals) or votes (supporters).")
    var pabulibPriority: PabulibImport.Priority = .score

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the scenario to this file, atomically (default: standard output).", valueName: "file"))
    var output: String?

    func validate() throws {
        let csvFiles = [projects, funders, areas, strategies, policy].contains { $0 != nil }
        if pabulib.isEmpty {
            guard csvFiles else {
                throw ValidationError("give the CSV files (--projects, --funders, --areas) or --pabulib FILE.pb...")
            }
            for (option, value) in [("--projects", projects), ("--funders", funders), ("--areas", areas)] where value == nil {
                throw ValidationError("\(option) is required when importing CSV files")
            }
            guard name != nil else { throw ValidationError("--name is required when importing CSV files (the scenario's name)") }
        } else if csvFiles || fiscalYear != nil || horizon != nil {
            throw ValidationError("--pabulib cannot be combined with CSV files, --fiscal-year or --horizon")
        }
        if let horizon, !(1 ... 10).contains(horizon) { throw ValidationError("--horizon must be 1...10") }
    }

    func run() throws {
        let imported: ImportedScenario
        let scenario: Scenario
        do {
            imported = try pabulib.isEmpty ? readSpreadsheets() : readPabulib()
            scenario = try imported.validated()
        } catch {
            report(error)
            throw ExitCode(2)
        }
        let text = imported.json().serialized()
        guard let output else {
            print(text, terminator: "")
            return
        }
        do {
            try AtomicFile.write(text, to: output)
        } catch {
            Output.error("\(error)")
            throw ExitCode(3)
        }
        print(Census.text(scenario, path: output), terminator: "")
    }

    private func readSpreadsheets() throws(ImportError) -> ImportedScenario {
        var problems: [ImportProblem] = []
        func file(_ path: String?) -> CSVFile? {
            guard let path else { return nil }
            do {
                return try CSVFile.read(path)
            } catch {
                problems += error.problems
                return nil
            }
        }
        let areasFile = file(areas), strategiesFile = file(strategies), fundersFile = file(funders)
        let projectsFile = file(projects), policyFile = file(policy)
        guard problems.isEmpty, let areasFile, let fundersFile, let projectsFile else { throw ImportError(problems: problems) }
        return try SpreadsheetImport.read(
            SpreadsheetImport.Files(areas: areasFile, strategies: strategiesFile, funders: fundersFile, projects: projectsFile,
                                    policy: policyFile),
            settings: SpreadsheetImport.Settings(name: name ?? "", fiscalYear: fiscalYear, horizon: horizon ?? 1))
    }

    private func readPabulib() throws(ImportError) -> ImportedScenario {
        var problems: [ImportProblem] = []
        var files: [CSVFile] = []
        for path in pabulib {
            do {
                files.append(try CSVFile.read(path))
            } catch {
                problems += error.problems
            }
        }
        guard problems.isEmpty else { throw ImportError(problems: problems) }
        return try PabulibImport.read(files, priority: pabulibPriority, name: name)
    }

    private func report(_ error: ImportError) {
        var stderr = StandardError()
        let count = error.problems.count
        print("allocate: import rejected: \(count) problem\(count == 1 ? "" : "s")", to: &stderr)
        for problem in error.problems {
            print("  \(problem)", to: &stderr)
        }
    }
}

extension PabulibImport.Priority: ExpressibleByArgument {}
