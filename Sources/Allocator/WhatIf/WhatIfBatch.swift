/// A what-if batch: one base scenario and its variations (or one shard's part
/// of them), made, validated and solved (docs/whatif.md).
///
/// The base is solved first, alone, with every core. Each variation is then
/// solved from the base decision and prices (`SolveOptions.warmStart`), on the
/// base model with its budget rows edited when it changes budgets only
/// (`ModelBuilder.rebudgeted(_:to:)`; otherwise on a model built afresh), the
/// decision repaired to the variation's rules, several variations at once, each solve entirely on
/// one thread. A warm start changes only how fast a solve gets somewhere,
/// never what it proves. Results come back in the variations' order, whichever
/// finishes first.
public struct WhatIfBatch: Sendable {
    /// A variation with the scenario it makes, validated.
    public struct Item: Sendable {
        /// The variation's index in the whole list (1 the first).
        public var index: Int
        public var variation: Variation
        public var scenario: Scenario
        /// Seconds taken to make and validate `scenario`.
        public var seconds: Double
    }

    public let base: Scenario
    /// The variations solved, in order of index: all of them, or the shard's.
    public let items: [Item]
    /// The part of the list solved, nil for all of it.
    public let shard: WhatIfShard?

    /// Solves run at once by default: one per processor.
    public static var defaultWorkers: Int { ParallelMap.processorCount }

    /// Makes the scenario of every variation (of `shard`'s, when given) from
    /// `base` and validates it (`ScenarioChanger`), `workers` variations at a time.
    ///
    /// - Throws: `WhatIfError` with the problems of every variation that
    ///   cannot be made or makes an invalid scenario, in the variations' order.
    public init(
        base: Scenario, variations: [Variation], shard: WhatIfShard? = nil, workers: Int = WhatIfBatch.defaultWorkers
    ) throws(WhatIfError) {
        let changer = ScenarioChanger(base: base)
        let indices = shard?.indices(of: variations.count) ?? Array(variations.indices.map { $0 + 1 })
        let made = ParallelMap.run(count: indices.count, threads: workers) { k -> Result<Item, WhatIfError> in
            let clock = ContinuousClock()
            let began = clock.now
            let variation = variations[indices[k] - 1]
            do throws(WhatIfError) {
                let scenario = try changer.scenario(for: variation)
                return .success(Item(
                    index: indices[k], variation: variation, scenario: scenario, seconds: GLPKSolver.seconds(clock.now - began)))
            } catch {
                return .failure(error)
            }
        }
        var items: [Item] = []
        var problems: [WhatIfProblem] = []
        for outcome in made {
            switch outcome {
            case .success(let item): items.append(item)
            case .failure(let error): problems += error.problems
            }
        }
        guard problems.isEmpty else { throw WhatIfError(problems: problems) }
        self.base = base
        self.items = items
        self.shard = shard
    }

    /// Solves the base, then every variation from it, `workers` at a time.
    ///
    /// - Parameters:
    ///   - options: limits for every solve (nil limits take each scenario's
    ///     own policy); its `progress` and `log` are used for the base solve only,
    ///     its `warmStart` is replaced by the base's.
    ///   - baseReadSeconds: the time it took to read the base scenario, for its result's `timings.read`.
    ///   - solved: called after each solve (on the thread that ran it) with the
    ///     number of solves done and the number in all, the base included.
    ///   - finished: called with each run and its whole result (the base's
    ///     first, alone; then each variation's on the thread that solved it),
    ///     to write its files while the result is at hand: the comparison keeps
    ///     only the run, so a batch of thousands of variations holds only
    ///     `workers` whole results at a time.
    /// - Throws: the first `SolverFailure`, in the variations' order, after every solve has ended.
    public func run(
        options: SolveOptions = SolveOptions(), workers: Int = WhatIfBatch.defaultWorkers, baseReadSeconds: Double = 0,
        solved: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
        finished: (@Sendable (_ run: WhatIfRun, _ result: AllocationResult) -> Void)? = nil
    ) throws(SolverFailure) -> WhatIfComparison {
        let clock = ContinuousClock()
        let began = clock.now
        let total = items.count + 1
        var baseResult = try Allocation.solve(base, options: options)
        baseResult.timings.read = baseReadSeconds
        baseResult.timings.total += baseReadSeconds
        let baseSeconds = GLPKSolver.seconds(clock.now - began)
        solved?(1, total)
        let baseDecision = baseResult.decision
        // A variation that changes budgets only edits the base model's budget rows.
        let baseModel = baseResult.model
        let baseRun = WhatIfRun(index: 0, name: Variation.baseName, changes: [], result: baseResult, baseDecision: baseDecision)
        finished?(baseRun, baseResult)
        var variationOptions = options
        variationOptions.progress = nil
        variationOptions.log = nil
        // The base decision and its Lagrangian prices: the prices start the
        // steps where the decision still holds, and otherwise give a bound at
        // once (`HybridSearch`; docs/whatif.md, "How the batch is solved").
        variationOptions.warmStart = baseResult.warmStart
        let done = ParallelMap.Counter(startingAt: 2)
        let items = self.items
        // Each run's figures are worked out on the thread that solved it, and its whole result dropped there.
        let results = ParallelMap.run(count: items.count, threads: workers) { [variationOptions] k -> Result<WhatIfRun, SolverFailure> in
            let outcome = Result { () throws(SolverFailure) -> WhatIfRun in
                var result = try Allocation.solve(items[k].scenario, similarTo: baseModel, options: variationOptions)
                result.timings.read = items[k].seconds
                result.timings.total += items[k].seconds
                let variation = items[k].variation
                let run = WhatIfRun(
                    index: items[k].index, name: variation.name, description: variation.description,
                    changes: variation.changes.map(\.text), result: result, baseDecision: baseDecision)
                finished?(run, result)
                return run
            }
            solved?(done.take(), total)
            return outcome
        }
        var runs = [baseRun]
        for outcome in results { runs.append(try outcome.get()) }
        let timings = WhatIfComparison.Timings(
            base: baseSeconds, variations: GLPKSolver.seconds(clock.now - began) - baseSeconds,
            workers: min(max(1, workers), max(1, items.count)))
        return WhatIfComparison(
            runs: runs, baseResult: baseResult, baseFigures: ResultFigures(model: baseResult.model, decision: baseDecision),
            timings: timings)
    }
}
