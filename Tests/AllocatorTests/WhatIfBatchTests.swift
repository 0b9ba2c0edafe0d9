@testable import Allocator
import Synchronization
import Testing

/// A what-if batch on random small scenarios with random variations (written
/// as change expressions): every variation's result, solved from the base's
/// warm start on worker threads, equals a cold solve of the changed scenario
/// and the brute-force optimum (mipGap is 0); the order of the runs, the
/// decision changes and the written comparison do not depend on the number of threads.
@Suite struct WhatIfBatchTests {
    static let seeds: ClosedRange<UInt64> = 1...120

    /// Up to three random change expressions on `s`'s own ids; some make
    /// invalid scenarios or refer to nothing (those are left out by the caller).
    static func randomChanges(of s: Scenario, rng: inout SplitMix64) -> [String] {
        func factor() -> String { rng.pick(["0", "0.5", "0.8", "1.5", "2", "120%"]) }
        var changes: [String] = []
        for _ in 0 ..< rng.int(1...3) {
            let funder = rng.pick(s.funders)
            let project = rng.pick(s.projects)
            let year = s.horizon > 1 && rng.chance(0.4) ? "[\(rng.int(1...s.horizon))]" : ""
            var options = [
                "funder:\(funder.id).budget\(year)*=\(factor())",
                "funder:\(funder.id).budget\(year)\(rng.pick(["+=", "=+", "-=", "=-"]))\(rng.int(1...6) * 10)",
                "funder:\(funder.id).budget=\(rng.int(0...30) * 10)",
                "level:\(funder.level.name).budget*=\(factor())",
                "area:\(rng.pick(s.areas).id).budget*=\(factor())",
                "funder:\(funder.id).maxProjects=\(rng.pick(["0", "1", "2", "none"]))",
                "funder:\(funder.id).maxProjects\(rng.pick(["+=", "-="]))1",
                "funder:\(funder.id).maxProjectCost=\(rng.pick(["none", "60", "120"]))",
                "funder:\(funder.id).sectors\(rng.pick(["=", "+=", "-="]))\(rng.pick(RandomScenario.sectors))",
                "funder:\(funder.id).sectors=any",
                "project:\(project.id).priority\(rng.pick(["=", "+=", "*="]))\(rng.int(0...4))",
                "project:\(project.id).exclude=\(rng.pick(["true", "false"]))",
                "project:\(project.id).mandatory=\(rng.pick(["true", "false"]))",
                "project:\(project.id).cost*=\(rng.pick(["0.5", "1.5"]))",
                "project:\(project.id).funder=\(rng.chance(0.3) ? "none" : rng.pick(s.funders).id)",
                "policy.escalationPenalty=\(rng.pick(["0", "0.1", "0.3"]))",
                "policy.strategyRequired\(rng.pick(["=", "+=", "-="]))\(rng.pick(Level.allCases).name)",
            ]
            if s.horizon > 1 {
                options += [
                    "project:\(project.id).earliestStart=\(rng.int(1...s.horizon))",
                    "project:\(project.id).latestStart=\(rng.chance(0.3) ? "none" : "\(rng.int(1...s.horizon))")",
                    "policy.delayDiscount=\(rng.pick(["0", "0.2"]))",
                ]
            }
            if let strategy = s.strategies.isEmpty ? nil : rng.pick(s.strategies) {
                options += [
                    "strategy:\(strategy.id).minShare=\(rng.pick(["0", "0.2", "0.5", "30%"]))",
                    "strategy:\(strategy.id).weight\(rng.pick(["=", "+="]))\(rng.pick(["0", "0.5", "1"]))",
                ]
            }
            changes.append(rng.pick(options))
        }
        return changes
    }

    /// The variations of `seed` that apply, make a valid scenario, and stay small enough for brute force.
    static func variations(of base: Scenario, seed: UInt64) -> [Variation] {
        var rng = SplitMix64(seed: seed &* 7919)
        let changer = ScenarioChanger(base: base)
        var kept: [Variation] = []
        for k in 0 ..< 6 {
            guard let variation = try? Variation.fromFlags(randomChanges(of: base, rng: &rng), name: "v\(k + 1)"),
                  let changed = try? changer.scenario(for: variation),
                  BruteForce.columns(of: changed).count <= BruteForce.maxColumns
            else { continue }
            kept.append(variation)
        }
        return kept
    }

    /// Runs `batch`, keeping each run's whole result (which the comparison does not), in run order.
    static func solve(_ batch: WhatIfBatch, workers: Int) throws -> (comparison: WhatIfComparison, results: [AllocationResult]) {
        let kept = Mutex<[Int: AllocationResult]>([:])
        let comparison = try batch.run(workers: workers, finished: { run, result in
            kept.withLock { $0[run.index] = result }
        })
        let results = kept.withLock { all in comparison.runs.map { all[$0.index]! } }
        return (comparison, results)
    }

    @Test(arguments: seeds)
    func everyVariationEqualsAColdSolveAndBruteForce(seed: UInt64) throws {
        let base = RandomScenario.make(seed: seed)
        let variations = Self.variations(of: base, seed: seed)
        let batch = try WhatIfBatch(base: base, variations: variations, workers: 2)
        let (comparison, results) = try Self.solve(batch, workers: 2)
        #expect(comparison.runs.map(\.name) == ["base"] + variations.map(\.name))
        #expect(comparison.runs.map(\.index) == Array(0 ... variations.count))
        for (k, (run, result)) in zip(comparison.runs, results).enumerated() {
            let scenario = k == 0 ? base : batch.items[k - 1].scenario
            #expect(result.scenario == scenario)
            let label = "seed \(seed), \(run.name) \(run.changes)"
            // The run (what the comparison keeps) says what the whole result says.
            let figures = ResultFigures(model: result.model, decision: result.decision)
            #expect(run.status == result.status && run.objective == result.objective && run.bound == result.bound, "\(label)")
            #expect(run.fundedCount == figures.fundedCount && run.fundedCost == figures.fundedCost, "\(label)")
            #expect(run.levels.map(\.cost) == figures.levels.map(\.cost) && run.levels.map(\.budget) == figures.levels.map(\.budget), "\(label)")
            let changes = DecisionChanges(base: results[0].decision, variation: result.decision)
            #expect(run.changed.map(\.project) == (k == 0 ? [] : changes.all.map(\.project)), "\(label)")
            for change in run.changed {
                #expect(change.assignment == result.decision?.assignments[change.project], "\(label)")
                #expect(change.cost == figures.projectCost[change.project], "\(label)")
            }
            let cold = try Allocation.solve(scenario)
            let expected = try BruteForce.solve(scenario)
            #expect(result.status == cold.status, "\(label)")
            guard let expected else {
                #expect(result.status == .infeasible, "\(label): brute force finds no decision")
                continue
            }
            #expect(result.status == .optimal, "\(label)")
            let decision = try #require(result.decision, "\(label)")
            #expect(DecisionChecker.violations(of: decision, in: scenario) == [], "\(label)")
            let objective = try #require(result.objective)
            #expect(BruteForceAgreementTests.relativeDifference(objective, expected.objective) <= 1e-6,
                    "\(label): what-if \(objective), brute force \(expected.objective)")
            #expect(BruteForceAgreementTests.relativeDifference(objective, cold.objective ?? .nan) <= 1e-6,
                    "\(label): what-if \(objective), cold \(String(describing: cold.objective))")
            #expect(BruteForceAgreementTests.relativeDifference(
                DecisionChecker.objective(of: decision, in: scenario), objective) <= 1e-9, "\(label)")
        }
    }

    /// The random variations are not vacuous: most seeds keep some, and they
    /// change decisions, objectives and statuses.
    @Test func theRandomVariationsChangeThings() throws {
        var kept = 0
        var changedDecisions = 0
        var changedObjectives = 0
        var infeasible = 0
        for seed in Self.seeds.prefix(40) {
            let base = RandomScenario.make(seed: seed)
            let variations = Self.variations(of: base, seed: seed)
            kept += variations.count
            let comparison = try WhatIfBatch(base: base, variations: variations).run()
            for run in comparison.runs.dropFirst() {
                if !run.changed.isEmpty { changedDecisions += 1 }
                if let change = comparison.objectiveChange(run), abs(change) > 1e-9 { changedObjectives += 1 }
                if run.status == .infeasible { infeasible += 1 }
            }
        }
        #expect(kept >= 150, "\(kept) variations kept over 40 seeds")
        #expect(changedDecisions >= 25)
        #expect(changedObjectives >= 30)
        #expect(infeasible >= 10)
    }

    /// One thread or several: the same runs in the same order, the same
    /// decisions, statuses and objectives, and the same changed projects.
    /// (`termination`, and so the bytes of the JSON, may differ: whether the
    /// bound or GLPK's finished search ends a solve first depends on timing.)
    @Test func theDecisionsDoNotDependOnTheNumberOfThreads() throws {
        for seed: UInt64 in [3, 17, 29, 44] {
            let base = RandomScenario.make(seed: seed)
            let batch = try WhatIfBatch(base: base, variations: Self.variations(of: base, seed: seed), workers: 1)
            let (one, oneResults) = try Self.solve(batch, workers: 1)
            let (four, fourResults) = try Self.solve(batch, workers: 4)
            #expect(one.runs.map(\.name) == four.runs.map(\.name), "seed \(seed)")
            #expect(oneResults.map(\.decision) == fourResults.map(\.decision), "seed \(seed)")
            #expect(one.runs.map(\.status) == four.runs.map(\.status), "seed \(seed)")
            #expect(one.runs.map(\.objective) == four.runs.map(\.objective), "seed \(seed)")
            #expect(one.changedProjectsCSV() == four.changedProjectsCSV(), "seed \(seed)")
        }
    }

    /// Newly funded, dropped and moved, against decisions written by hand.
    @Test func decisionChanges() {
        typealias A = Decision.Assignment
        let base = Decision(assignments: [A(funder: 0, start: 1), nil, A(funder: 1, start: 1), A(funder: 1, start: 1), nil])
        let variation = Decision(assignments: [A(funder: 0, start: 1), A(funder: 2, start: 1), nil, A(funder: 1, start: 2), nil])
        let changes = DecisionChanges(base: base, variation: variation)
        #expect(changes.newlyFunded == [1])
        #expect(changes.dropped == [2])
        #expect(changes.moved == [3])
        #expect(changes.all.map(\.project) == [1, 2, 3])
        #expect(DecisionChanges(base: base, variation: nil).dropped == [0, 2, 3])
        #expect(DecisionChanges(base: nil, variation: variation).newlyFunded == [0, 1, 3])
        #expect(DecisionChanges(base: base, variation: base).isEmpty)
    }
}
