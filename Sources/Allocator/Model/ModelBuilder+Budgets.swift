extension ModelBuilder {
    /// The model of `scenario` made by editing `base`'s budget rows instead of
    /// building it afresh: for a what-if variation that changes budgets only
    /// (issue 4; docs/whatif.md, "How the batch is solved"), where building the
    /// 12,000-project model takes longer than many variations take to solve.
    ///
    /// Returns nil, and the caller builds the model, unless `scenario` differs
    /// from `base.scenario` in funders' budgets alone and has exactly the same
    /// choices: a budget cut below a project's cost, or raised to one, removes
    /// or adds a column (`fitsBudget`). Whenever it returns a model, that model
    /// equals `build(scenario)` entry for entry (tested), so a solve of it
    /// gives the same decision as a solve of the rebuilt one.
    ///
    /// - Complexity: O(funders × horizon + choices of the funders changed ×
    ///   duration) and one comparison of the two scenarios (quick when they
    ///   share their projects' storage, as a budget variation made by
    ///   `ScenarioChanger` does).
    public static func rebudgeted(_ base: AllocationModel, to scenario: Scenario) -> AllocationModel? {
        let old = base.scenario
        guard scenario.horizon == old.horizon, scenario.funders.count == old.funders.count else { return nil }
        var budgetsAsBefore = scenario
        for f in budgetsAsBefore.funders.indices { budgetsAsBefore.funders[f].budget = old.funders[f].budget }
        guard budgetsAsBefore == old else { return nil }
        // The same choices: every one still fits its funder's new budget, and
        // every one left out for its cost is still left out (each such choice
        // costs at least `leftOutCost` in a year it spends in, more than that
        // year's new budget).
        let horizon = scenario.horizon
        var changed = [Bool](repeating: false, count: scenario.funders.count)
        for (f, funder) in scenario.funders.enumerated() where funder.budget != old.funders[f].budget {
            changed[f] = true
            for y in 0 ..< horizon where fitsYear(base.leftOutCost[f * horizon + y], budget: funder.budget[y]) { return nil }
        }
        for c in base.choices where changed[c.funder] {
            guard fitsBudget(c.yearlyCost, from: c.start, budget: scenario.funders[c.funder].budget) else { return nil }
        }
        var linear = base.linear
        for (i, family) in base.rowFamilies.enumerated() {
            guard case .budget(let f, let year) = family else { continue }
            linear.setUpper(scenario.funders[f].budget[year - 1], ofRow: i)
        }
        return AllocationModel(
            scenario: scenario, index: base.index, choices: base.choices, choiceStart: base.choiceStart,
            linear: linear, rowFamilies: base.rowFamilies, leftOutCost: base.leftOutCost)
    }
}
