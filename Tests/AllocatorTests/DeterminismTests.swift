import Testing
@testable import Allocator

/// Issue 6 point 5 at the library's level: every choice of `HybridSearch` is
/// made on counted work (`SearchWork`), so a search ended by its work limit
/// returns the same decision, bound and work on every run and thread count,
/// on both of its paths (small models end with branch and cut on the whole
/// model; large ones sweep neighbourhoods to the end, with throttled roundings).
@Suite struct DeterminismTests {
    static let model = ModelBuilder.build(ScenarioGenerator(projects: 600, seed: 2570).generate())

    static func solve(threads: Int, fullSearchLimit: Int, workLimit: Double) throws -> SolverOutcome {
        var search = HybridSearch(
            model: model, mipGap: 0, timeLimit: 3600, workLimit: workLimit, verbose: false, progress: nil, log: nil)
        search.threads = threads
        search.fullSearchLimit = fullSearchLimit
        return try search.run()
    }

    @Test(arguments: [HybridSearch.fullSearchColumns, 100])
    func sameOutcomeOnEveryRunAndThreadCount(fullSearchLimit: Int) throws {
        let first = try Self.solve(threads: 1, fullSearchLimit: fullSearchLimit, workLimit: 500)
        #expect(first.termination == .workLimit)
        // The final branch and cut stops at the whole steps the work left buys.
        #expect(first.work >= 0.99 * 500)
        let columns = try #require(first.columns)
        #expect(Self.model.linear.maximumViolation(ofColumns: columns) <= LinearModel.feasibilityTolerance)
        for threads in [2, 4, 2] {
            let again = try Self.solve(threads: threads, fullSearchLimit: fullSearchLimit, workLimit: 500)
            #expect(again.columns == first.columns, "\(threads) threads")
            #expect(again.bound == first.bound, "\(threads) threads")
            #expect(again.work == first.work, "\(threads) threads")
            #expect(again.termination == first.termination, "\(threads) threads")
        }
    }

    /// GLPK's step limit (simplex iterations plus nodes) stops branch and cut
    /// at the same point every time, and a larger limit goes further.
    @Test func glpkStepLimitStopsAtTheSamePoint() throws {
        let linear = Self.model.linear
        func solve(_ steps: Int) throws -> SolverOutcome {
            var solver = GLPKSolver(mipGap: 0, timeLimit: 3600)
            solver.stepLimit = steps
            return try solver.solve(linear)
        }
        let short = try solve(2_000)
        #expect(short.termination == .workLimit)
        #expect(short.iterations + (short.nodes ?? 0) >= 2_000)
        let again = try solve(2_000)
        #expect(again.iterations == short.iterations && again.nodes == short.nodes && again.columns == short.columns)
        let longer = try solve(4_000)
        #expect(longer.iterations + (longer.nodes ?? 0) > short.iterations + (short.nodes ?? 0))
    }
}
