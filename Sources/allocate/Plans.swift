import Allocator
import ArgumentParser

/// `allocate plans RESULT --scenario SCENARIO`: each body's plan in a decision,
/// linked as the guideline links them: what it funds, what it forwards upward
/// and to whom, and what stays unfunded and why, per plan year.
struct Plans: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plans",
        abstract: "Print each body's plan in a decision: what it funds, what it forwards and to whom, what stays unfunded and why.",
        discussion: """
            A body's requests are the projects in its area (or below it) that no lower level \
            funds, at a level allowed for them (for a community body, all of them) and within its \
            sector mandate (docs/plans.md). \
            --funder, --level and --area each narrow the selection; without them every body's plan \
            is shown, then the projects that reach no body. A result file names its scenario but not \
            the scenario's file, so --scenario is required; the result must match it (same name, \
            projects, funders and budgets). Exit status: 0 the plans were printed or written, \
            2 a file was rejected, the result does not match the scenario, or a funder, level or \
            area is unknown or selects no body, 3 the CSV file cannot be written.
            """)

    @Argument(help: "A result file written by `allocate SCENARIO --output FILE` (allocate-result/1 JSON).")
    var result: String

    @Option(help: ArgumentHelp("The scenario file the result was made from (allocate/1 JSON).", valueName: "file"))
    var scenario: String

    @Option(name: .customLong("funder"), help: ArgumentHelp("Show this funder's plan (repeat the option for several).", valueName: "id"))
    var funders: [String] = []

    @Option(help: "Show the plans of the bodies at this level: community, lao, district, province or ministry.")
    var level: String?

    @Option(help: "Show the plans of the bodies whose area is this area or inside it.")
    var area: String?

    @Option(help: ArgumentHelp("Write the selected plans as CSV (UTF-8 with a byte order mark, for Excel) to this file, atomically, instead of printing them.", valueName: "file"))
    var csv: String?

    @OptionGroup var memory: MemoryOption

    func run() throws {
        let limit = memory.limit
        let scenario = try Input.read(self.scenario, memory: limit)
        let recorded: RecordedDecision
        do {
            recorded = try ResultFileReader.read(contentsOf: result, memoryLimit: limit).decision(for: scenario)
        } catch {
            Output.report(error, result: result, scenario: self.scenario)
            throw ExitCode(2)
        }
        let selection = PlanSelection(funders: funders, level: level, area: area)
        let bodies: [Int]
        do {
            bodies = try selection.bodies(in: scenario)
        } catch {
            Output.error("\(error)")
            throw ExitCode(2)
        }
        let plans = LinkedPlans(scenario: scenario, recorded: recorded)
        guard let csv else {
            print(plans.text(bodies: bodies, includeUnrouted: selection.isEverything), terminator: "")
            return
        }
        do {
            try AtomicFile.write(plans.csv(bodies: bodies, includeUnrouted: selection.isEverything), to: csv)
        } catch {
            Output.error("\(error)")
            throw ExitCode(3)
        }
        let rows = bodies.reduce(0) { $0 + plans.plan(of: $1).requests.count }
            + (selection.isEverything ? plans.unrouted.count : 0)
        print("Wrote \(bodies.count == 1 ? "1 plan" : "\(bodies.count) plans") (\(rows == 1 ? "1 row" : "\(rows) rows")) to \(csv)")
    }
}
