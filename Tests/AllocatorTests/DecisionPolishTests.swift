import Testing
@testable import Allocator

/// `DecisionPolish` against a check written from the definition: every single
/// move (one project to another of its choices, or funded when it was not) is
/// tried, and every row of the moved decision checked from scratch.
@Suite struct DecisionPolishTests {
    /// A single move of `columns` that holds every row and raises the
    /// objective, if there is one.
    static func improvingMove(in model: AllocationModel, from columns: [Int]) -> (project: Int, column: Int)? {
        let linear = model.linear
        let value = linear.objectiveValue(ofColumns: columns)
        let chosen = Set(columns)
        for p in model.scenario.projects.indices {
            let rest = columns.filter { model.choices[$0].project != p }
            for k in model.choices(ofProject: p) where !chosen.contains(k) {
                let moved = rest + [k]
                if linear.objectiveValue(ofColumns: moved) > value + 1e-9 * max(1, abs(value)),
                    linear.maximumViolation(ofColumns: moved) <= LinearModel.feasibilityTolerance
                {
                    return (p, k)
                }
            }
        }
        return nil
    }

    /// From the empty decision, the greedy start and feasible points spread
    /// over all of them (enumerated), on the brute-force scenarios: the
    /// polished decision holds every row, is worth at least as much as where
    /// it started and at most the optimum, and no single move improves it.
    @Test(arguments: UInt64(1) ... 300)
    func polishedDecisionsHoldAndNoSingleMoveImprovesThem(seed: UInt64) throws {
        let scenario = RandomScenario.make(seed: seed)
        let optimum = try BruteForce.solve(scenario)
        let model = ModelBuilder.build(scenario)
        let linear = model.linear
        let polish = DecisionPolish(model: model)
        let feasible = HybridSearchTests.feasiblePoints(of: linear)
        var starts = stride(from: 0, to: feasible.count, by: max(1, feasible.count / 40)).map { feasible[$0] }
        if let greedy = GreedyStart.decide(model) { starts.append(greedy) }
        for start in starts {
            let (polished, passes) = polish.polished(start)
            #expect(passes >= 1)
            #expect(linear.maximumViolation(ofColumns: polished) <= LinearModel.feasibilityTolerance, "seed \(seed)")
            #expect(Set(polished).count == polished.count && polished == polished.sorted(), "seed \(seed)")
            let value = linear.objectiveValue(ofColumns: polished)
            #expect(value >= linear.objectiveValue(ofColumns: start) - 1e-9, "seed \(seed)")
            if let optimum { #expect(value <= optimum.objective + 1e-6, "seed \(seed)") }
            let move = Self.improvingMove(in: model, from: polished)
            #expect(move == nil, "seed \(seed): project \(move?.project ?? -1) to column \(move?.column ?? -1)")
        }
    }

    /// A solve returns a polished decision on both of its paths (the
    /// neighbourhoods, and branch and cut on the whole model), when it stops at
    /// its gap and when it stops at its work limit.
    @Test(arguments: [(HybridSearch.fullSearchColumns, 0.01, 100_000.0), (100, 0.01, 100_000), (100, 0, 300)])
    func solvesReturnPolishedDecisions(fullSearchLimit: Int, mipGap: Double, workLimit: Double) throws {
        let model = ModelBuilder.build(ScenarioGenerator(projects: 300, seed: 17).generate())
        var search = HybridSearch(
            model: model, mipGap: mipGap, timeLimit: 3600, workLimit: workLimit, verbose: false, progress: nil, log: nil)
        search.fullSearchLimit = fullSearchLimit
        let outcome = try search.run()
        let columns = try #require(outcome.columns)
        #expect(model.linear.maximumViolation(ofColumns: columns) <= LinearModel.feasibilityTolerance)
        let move = Self.improvingMove(in: model, from: columns)
        #expect(move == nil, "project \(move?.project ?? -1) to column \(move?.column ?? -1)")
    }
}
