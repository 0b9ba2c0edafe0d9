import Allocator

/// A short census of a valid scenario, as `validate` and `import` print it:
/// what it holds, the size of its model, and the projects that cannot be funded.
enum Census {
    static func text(_ s: Scenario, path: String) -> String {
        let model = ModelBuilder.build(s)
        var out = "\(path): valid allocate/1 scenario \"\(s.name)\"\n"
        out += "  " + [
            NumberFormat.counted(s.areas.count, "area"), NumberFormat.counted(s.strategies.count, "strategy", plural: "strategies"),
            NumberFormat.counted(s.funders.count, "funder"), NumberFormat.counted(s.projects.count, "project"),
            "horizon \(s.horizon)",
        ].joined(separator: ", ") + "\n"
        out += "  model: \(NumberFormat.counted(model.linear.columnCount, "choice")), "
            + NumberFormat.counted(model.linear.rowCount, "constraint") + "\n"
        let unfundable = s.projects.indices.filter { model.choices(ofProject: $0).isEmpty }.count
        if unfundable > 0 {
            out += "  note: \(NumberFormat.counted(unfundable, "project")) cannot be funded whatever the decision "
                + "(no eligible funder, no start year, or too large for every eligible budget)\n"
        }
        let missing = model.mandatoryWithoutChoice
        if !missing.isEmpty {
            out += "  note: the scenario is infeasible: \(NumberFormat.counted(missing.count, "mandatory project")) cannot be funded\n"
            for p in missing.prefix(5) {
                out += "    \(s.projects[p].id): \(UnfundedReason.unfundable(p, model: model).explanation)\n"
            }
        }
        return out
    }
}
