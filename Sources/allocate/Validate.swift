import Allocator
import ArgumentParser

/// `allocate validate SCENARIO`: every problem with its JSON path, exit 2; or a short census, exit 0.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario and list every problem found, each with its JSON path.")

    @Argument(help: "The scenario file (allocate/1 JSON).")
    var scenario: String

    func run() throws {
        let s = try Input.read(scenario)
        let model = ModelBuilder.build(s)
        print("\(scenario): valid allocate/1 scenario \"\(s.name)\"")
        print("  \(NumberFormat.grouped(s.areas.count)) areas, \(NumberFormat.grouped(s.strategies.count)) strategies, "
            + "\(NumberFormat.grouped(s.funders.count)) funders, \(NumberFormat.grouped(s.projects.count)) projects, horizon \(s.horizon)")
        print("  model: \(NumberFormat.grouped(model.linear.columnCount)) choices, \(NumberFormat.grouped(model.linear.rowCount)) constraints")
        let unfundable = s.projects.indices.filter { model.choices(ofProject: $0).isEmpty }.count
        if unfundable > 0 {
            print("  note: \(NumberFormat.grouped(unfundable)) projects have no eligible funder or start year")
        }
        let missing = model.mandatoryWithoutChoice
        if !missing.isEmpty {
            print("  note: \(missing.count) mandatory projects have no eligible funder: the scenario is infeasible "
                + "(\(missing.prefix(5).map { s.projects[$0].id }.joined(separator: ", ")))")
        }
    }
}
