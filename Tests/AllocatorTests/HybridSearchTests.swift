import Testing
@testable import Allocator

/// The parts of the solve strategy checked against independent answers: the
/// exact knapsack against enumeration, the Lagrangian bound against the
/// brute-force optimum, restricted models and area groups by their definition.
@Suite struct HybridSearchTests {
    /// A random knapsack with `rows` budget rows and an optional capacity.
    static func randomKnapsack(seed: UInt64, items: Int, rows: Int) -> (FunderKnapsack, [Double]) {
        var random = SeededRandom(seed: seed)
        var weights: [Double] = []
        for _ in 0 ..< items * rows { weights.append(Double(random.int(in: 0 ... 60))) }
        let budgets = (0 ..< rows).map { _ in Double(random.int(in: 40 ... 150)) }
        let capacity = random.int(in: 0 ... 3) == 0 ? Int.max : random.int(in: 1 ... items)
        var surrogate = [Double](repeating: 0, count: items)
        for i in 0 ..< items {
            for k in 0 ..< rows { surrogate[i] += weights[i * rows + k] / budgets[k] }
        }
        let profit = (0 ..< items).map { _ in Double(random.int(in: 1 ... 100)) / 7 }
        return (FunderKnapsack(budgets: budgets, capacity: capacity, weights: weights, surrogate: surrogate), profit)
    }

    /// The 0/1 optimum by enumerating every subset.
    static func enumerate(_ k: FunderKnapsack, profit: [Double]) -> Double {
        let rows = k.budgets.count
        var best = 0.0
        for mask in 0 ..< (1 << profit.count) {
            var used = [Double](repeating: 0, count: rows)
            var value = 0.0
            var count = 0
            for i in 0 ..< profit.count where mask & (1 << i) != 0 {
                count += 1
                value += profit[i]
                for r in 0 ..< rows { used[r] += k.weights[i * rows + r] }
            }
            if count <= k.capacity, (0 ..< rows).allSatisfy({ used[$0] <= k.budgets[$0] }) { best = max(best, value) }
        }
        return best
    }

    @Test(arguments: UInt64(1) ... 200)
    func exactKnapsackMatchesEnumeration(seed: UInt64) {
        let (knapsack, profit) = Self.randomKnapsack(seed: seed, items: 4 + Int(seed % 9), rows: 1 + Int(seed % 3))
        let items = Array(profit.indices)
        let exact = knapsack.solveExactly(items: items, profit: profit)
        let optimum = Self.enumerate(knapsack, profit: profit)
        #expect(abs(exact.bound - optimum) <= 1e-9, "seed \(seed)")
        #expect(abs(exact.taken.reduce(0) { $0 + profit[$1] } - optimum) <= 1e-9, "seed \(seed)")
        #expect(knapsack.solveRelaxed(items: items, profit: profit).bound >= optimum - 1e-9, "seed \(seed)")
    }

    /// Dantzig's bound by selection equals the textbook version: sort by profit
    /// per surrogate weight, take items while they fit, cut the first that does
    /// not. Profits and weights from small ranges, so that ties and items
    /// without weight are common.
    @Test(arguments: UInt64(1) ... 300)
    func relaxedKnapsackEqualsTheSortedGreedy(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let count = random.int(in: 1 ... 120)
        let surrogate = (0 ..< count).map { _ in Double(random.int(in: 0 ... 5)) / 4 }
        let profit = (0 ..< count).map { _ in Double(random.int(in: 1 ... 6)) }
        let budget = Double(random.int(in: 0 ... 40))
        let knapsack = FunderKnapsack(budgets: [budget], capacity: .max, weights: surrogate.map { $0 * budget }, surrogate: surrogate)
        let items = (0 ..< count).filter { _ in random.int(in: 0 ... 4) > 0 }
        var room = knapsack.surrogateCapacity
        var value = 0.0
        var taken: [Int] = []
        var cut: Int?
        for i in knapsack.order(items, profit: profit) {
            if surrogate[i] <= room {
                room -= surrogate[i]
                value += profit[i]
                taken.append(i)
            } else {
                cut = i
                value += profit[i] * room / surrogate[i]
                break
            }
        }
        let relaxed = knapsack.solveRelaxed(items: items, profit: profit)
        #expect(relaxed.taken.sorted() == taken.sorted(), "seed \(seed)")
        #expect(relaxed.fractional == cut, "seed \(seed)")
        #expect(abs(relaxed.bound - value) <= 1e-9 * max(1, value), "seed \(seed)")
    }

    /// Choices that cost nothing in any budget row (a per-year cost profile of
    /// zeros) are still taken: a funder with no budget row at all is bounded by
    /// its capacity alone.
    @Test func itemsWithoutWeightAreTakenWithoutRoom() {
        for capacity in [2, Int.max] {
            let knapsack = FunderKnapsack(budgets: [], capacity: capacity, weights: [], surrogate: [0, 0, 0])
            let exact = knapsack.solveExactly(items: [0, 1, 2], profit: [3, 2, 1])
            #expect(exact.bound == (capacity == 2 ? 5 : 6))
            #expect(exact.taken.sorted() == (capacity == 2 ? [0, 1] : [0, 1, 2]))
        }
    }

    /// Stopped by its node limit, the search still returns a true upper bound,
    /// with or without a tolerance.
    @Test func abortedKnapsackSearchKeepsAnUpperBound() {
        for seed in UInt64(1) ... 30 {
            let (knapsack, profit) = Self.randomKnapsack(seed: seed, items: 14, rows: 2)
            let optimum = Self.enumerate(knapsack, profit: profit)
            for tolerance in [0.0, 1] {
                let aborted = knapsack.solveExactly(
                    items: Array(profit.indices), profit: profit, tolerance: tolerance, nodeLimit: 3)
                #expect(aborted.bound >= optimum - 1e-9, "seed \(seed), tolerance \(tolerance)")
            }
        }
    }

    /// With a tolerance, the search returns a point within it of the optimum
    /// (found by enumeration) and a bound between the optimum and the optimum
    /// plus the tolerance: still a true upper bound, and no looser than allowed.
    /// Profits of a few units, so that tolerances of 0.5 to 4 cut real subtrees.
    @Test(arguments: UInt64(1) ... 200)
    func knapsackWithinToleranceKeepsATrueBound(seed: UInt64) {
        let (knapsack, profit) = Self.randomKnapsack(seed: seed, items: 6 + Int(seed % 9), rows: 1 + Int(seed % 2))
        let optimum = Self.enumerate(knapsack, profit: profit)
        let tolerance = [0.5, 1, 2, 4][Int(seed / 2 % 4)]
        let solution = knapsack.solveExactly(items: Array(profit.indices), profit: profit, tolerance: tolerance)
        let value = solution.taken.reduce(0) { $0 + profit[$1] }
        let rows = knapsack.budgets.count
        for r in 0 ..< rows {
            let used = solution.taken.reduce(0) { $0 + knapsack.weights[$1 * rows + r] }
            #expect(used <= knapsack.budgets[r], "seed \(seed)")
        }
        #expect(solution.taken.count <= knapsack.capacity, "seed \(seed)")
        #expect(value >= optimum - tolerance - 1e-9, "seed \(seed)")
        #expect(solution.bound >= optimum - 1e-9, "seed \(seed)")
        #expect(solution.bound <= optimum + tolerance + 1e-9, "seed \(seed)")
    }

    /// Whatever the multipliers, the relaxation's value is at least the optimum:
    /// checked at every step on the brute-force scenarios, with exact knapsacks
    /// and with knapsacks stopped within a tolerance (a tenth of a project's
    /// value, far above what a solve uses).
    @Test(arguments: UInt64(1) ... 300)
    func lagrangianValueIsAlwaysAnUpperBound(seed: UInt64) throws {
        let scenario = RandomScenario.make(seed: seed)
        guard let optimum = try BruteForce.solve(scenario) else { return }
        let model = ModelBuilder.build(scenario)
        let floor = optimum.objective - 1e-9 * max(1, abs(optimum.objective))
        for tolerance in [0, 0.1 * max(1, abs(optimum.objective)) / Double(max(1, scenario.projects.count))] {
            let relaxation = LagrangianRelaxation(model)
            relaxation.knapsackTolerance = tolerance
            var values: [Double] = []
            relaxation.run(lowerBound: nil, heuristicEvery: 5, improve: { _ in nil }, shouldStop: { _, _ in
                values.append(relaxation.evaluate().value)
                return values.count >= 60
            })
            for value in values { #expect(value >= floor, "seed \(seed), tolerance \(tolerance)") }
            #expect(relaxation.bound >= floor, "seed \(seed), tolerance \(tolerance)")
        }
    }

    /// The knapsacks solved in parallel chunks give what one serial pass gives:
    /// the same points at every step, values equal up to the order of the sums.
    @Test func parallelKnapsacksEqualTheSerialPass() {
        let model = ModelBuilder.build(ScenarioGenerator(projects: 800, seed: 3).generate())
        let serial = LagrangianRelaxation(model, chunks: 1)
        let parallel = LagrangianRelaxation(model, chunks: 8)
        for relaxation in [serial, parallel] {
            var steps = 0
            relaxation.run(lowerBound: nil, improve: { _ in nil }, shouldStop: { _, _ in
                steps += 1
                return steps >= 40
            })
        }
        #expect(serial.multipliers.count == parallel.multipliers.count)
        let a = serial.evaluate(), b = parallel.evaluate()
        #expect(a.point == b.point)
        #expect(abs(a.value - b.value) <= 1e-9 * max(1, abs(a.value)))
        #expect(abs(serial.bound - parallel.bound) <= 1e-9 * max(1, abs(serial.bound)))
        #expect(LagrangianRelaxation.chunks(of: [3, 0, 5, 2, 7, 1], count: 3).flatMap { Array($0) } == Array(0 ..< 6))
    }

    /// The restricted model keeps exactly the points that agree with the fixing.
    @Test func restrictedModelShiftsBoundsByTheFixedColumns() {
        var model = LinearModel()
        let a = model.addColumn(objective: 1, name: "a")
        let b = model.addColumn(objective: 2, name: "b")
        let c = model.addColumn(objective: 3, name: "c")
        model.addRow(name: "budget", lower: nil, upper: 10, entries: [(a, 4), (b, 5), (c, 6)])
        model.addRow(name: "share", lower: 2, upper: nil, entries: [(a, 1), (c, 1)])
        model.addRow(name: "fixedOnly", lower: nil, upper: 1, entries: [(a, 1)])
        let sub = model.restricted(parts: [[b, c]], at: [a, c])[0]
        #expect(sub.columnCount == 2)
        #expect(sub.rowCount == 2)
        #expect(sub.rowBounds[0] == LinearModel.RowBounds(lower: nil, upper: 6))
        #expect(sub.rowBounds[1] == LinearModel.RowBounds(lower: 1, upper: nil))
        #expect(sub.row(0).map(\.value) == [5, 6])
        #expect(sub.row(1).map(\.column) == [1])
    }

    /// The 0/1 points of `model` (as column sets) that hold every row.
    static func feasiblePoints(of model: LinearModel) -> [[Int]] {
        (0 ..< 1 << model.columnCount).compactMap { mask in
            let columns = (0 ..< model.columnCount).filter { mask & (1 << $0) != 0 }
            return model.maximumViolation(ofColumns: columns) <= LinearModel.feasibilityTolerance ? columns : nil
        }
    }

    /// Parts solved independently hold together: on random models, every
    /// combination of feasible points of the parts' models, put into the
    /// decision, holds every row of the whole model (checked by enumeration);
    /// and a single part keeps exactly the whole model's feasible points that
    /// agree with the decision outside it.
    @Test func partsSplitTheSlackOfSharedRows() {
        for seed in 0 ..< 200 as Range<UInt64> {
            var random = SeededRandom(seed: seed)
            var model = LinearModel()
            let n = random.int(in: 4 ... 9)
            for j in 0 ..< n { _ = model.addColumn(objective: Double(random.int(in: 1 ... 9)), name: "x\(j)") }
            for i in 0 ..< random.int(in: 1 ... 5) {
                let entries = (0 ..< n).filter { _ in random.int(in: 0 ... 2) > 0 }.map { ($0, Double(random.int(in: 1 ... 6))) }
                let total = entries.reduce(0) { $0 + $1.1 }
                if random.int(in: 0 ... 2) == 0 {
                    model.addRow(name: "r\(i)", lower: Double(random.int(in: 0 ... Int(total / 3))), upper: nil, entries: entries)
                } else {
                    model.addRow(name: "r\(i)", lower: nil, upper: Double(random.int(in: 0 ... Int(total))), entries: entries)
                }
            }
            let feasible = Self.feasiblePoints(of: model)
            guard !feasible.isEmpty else { continue }
            let decision = feasible[random.int(below: feasible.count)]
            let count = random.int(in: 1 ... 3)
            var parts = Array(repeating: [Int](), count: count)
            for j in 0 ..< n where random.int(in: 0 ... 3) > 0 { parts[random.int(below: count)].append(j) }
            let subs = model.restricted(parts: parts, at: decision)
            let outside = decision.filter { j in !parts.contains { $0.contains(j) } }
            let choices = subs.map { Self.feasiblePoints(of: $0) }
            // Each part's own decision is feasible for its model.
            for (k, part) in parts.enumerated() {
                let own = decision.compactMap { part.firstIndex(of: $0) }.sorted()
                #expect(choices[k].contains(own), "seed \(seed): part \(k) loses the decision")
            }
            var combinations: [[Int]] = [outside]
            for (k, part) in parts.enumerated() {
                combinations = combinations.flatMap { base in choices[k].map { base + $0.map { part[$0] } } }
            }
            for columns in combinations {
                #expect(model.maximumViolation(ofColumns: columns) <= LinearModel.feasibilityTolerance, "seed \(seed)")
            }
            if count == 1 {
                let agreeing = feasible.filter { point in outside.allSatisfy(point.contains) && point.allSatisfy { j in
                    parts[0].contains(j) || outside.contains(j) } }
                #expect(Set(combinations.map { $0.sorted() }) == Set(agreeing), "seed \(seed)")
            }
        }
    }

    /// A funder's re-solve frees exactly its own choices of the projects the
    /// decision leaves unfunded or gives to it, for every funder above the LAOs.
    @Test func funderPartsHoldTheFundersOwnAndUnfundedProjects() throws {
        let scenario = ScenarioGenerator(projects: 600, seed: 4).generate()
        let model = ModelBuilder.build(scenario)
        let decision = try #require(GreedyStart.decide(model))
        let search = NeighbourhoodSearch(model: model)
        var columnsOf = Array(repeating: [Int](), count: scenario.funders.count)
        for (j, c) in model.choices.enumerated() { columnsOf[c.funder].append(j) }
        let fundedBy = search.funders(of: decision)
        let funders = search.spanningFunders()
        #expect(funders == scenario.funders.indices.filter { scenario.funders[$0].level >= .district })
        #expect(!funders.isEmpty)
        var sawOwn = false, sawOther = false
        for f in funders {
            let part = Set(search.funderPart(f, columnsOf: columnsOf, fundedBy: fundedBy))
            for (j, c) in model.choices.enumerated() where c.funder == f {
                let funded = decision.first { model.choices[$0].project == c.project }.map { model.choices[$0].funder }
                #expect(part.contains(j) == (funded == nil || funded == f), "funder \(f), column \(j)")
                if funded == f { sawOwn = true }
                if let funded, funded != f { sawOther = true }
            }
        }
        #expect(sawOwn && sawOther, "the decision gives projects to these funders and to others")
    }

    /// Area groups partition the projects, each at most the size asked unless a
    /// single area holds more.
    @Test func areaGroupsPartitionTheProjects() {
        let scenario = ScenarioGenerator(projects: 1500, seed: 4).generate()
        let model = ModelBuilder.build(scenario)
        let groups = NeighbourhoodSearch(model: model).regions(size: 120)
        let all = groups.flatMap { $0 }
        #expect(all.sorted() == Array(scenario.projects.indices))
        #expect(groups.count > 10)
        for group in groups where group.count > 120 {
            #expect(Set(group.map { scenario.projects[$0].area }).count == 1)
        }
    }

    /// On a generated province (large enough for the neighbourhood search) the
    /// strategy returns a checked decision and a bound that is not below it.
    @Test func generatedProvinceGetsACheckedDecisionAndABound() throws {
        let scenario = ScenarioGenerator(projects: 600, seed: 11).generate()
        let result = try Allocation.solve(scenario, options: SolveOptions(mipGap: 0.002, timeLimit: 3))
        let decision = try #require(result.decision)
        #expect(DecisionChecker.violations(of: decision, in: scenario) == [])
        let bound = try #require(result.bound)
        #expect(bound >= result.objective!)
        #expect(result.objective == DecisionChecker.objective(of: decision, in: scenario))
    }
}
