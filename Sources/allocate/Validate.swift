import Allocator
import ArgumentParser

/// `allocate validate SCENARIO...`: every problem of each file with its JSON path
/// and line (exit 2 if any file is rejected), or a short census of each valid one.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check scenarios and list every problem found, each with its JSON path and line.")

    @Argument(help: "Scenario files (allocate/1 JSON).")
    var scenarios: [String]

    func run() throws {
        var rejected = false
        for path in scenarios {
            do {
                census(try ScenarioReader.read(contentsOf: path), path: path)
            } catch {
                Output.report(error, file: path)
                rejected = true
            }
        }
        if rejected { throw ExitCode(2) }
    }

    private func census(_ s: Scenario, path: String) {
        let model = ModelBuilder.build(s)
        print("\(path): valid allocate/1 scenario \"\(s.name)\"")
        print("  " + [
            NumberFormat.counted(s.areas.count, "area"), NumberFormat.counted(s.strategies.count, "strategy", plural: "strategies"),
            NumberFormat.counted(s.funders.count, "funder"), NumberFormat.counted(s.projects.count, "project"),
            "horizon \(s.horizon)",
        ].joined(separator: ", "))
        print("  model: \(NumberFormat.counted(model.linear.columnCount, "choice")), "
            + NumberFormat.counted(model.linear.rowCount, "constraint"))
        let unfundable = s.projects.indices.filter { model.choices(ofProject: $0).isEmpty }.count
        if unfundable > 0 {
            print("  note: \(NumberFormat.counted(unfundable, "project")) cannot be funded whatever the decision "
                + "(no eligible funder, no start year, or too large for every eligible budget)")
        }
        let missing = model.mandatoryWithoutChoice
        if !missing.isEmpty {
            print("  note: the scenario is infeasible: \(NumberFormat.counted(missing.count, "mandatory project")) cannot be funded")
            for p in missing.prefix(5) {
                print("    \(s.projects[p].id): \(UnfundedReason.unfundable(p, model: model).explanation)")
            }
        }
    }
}
