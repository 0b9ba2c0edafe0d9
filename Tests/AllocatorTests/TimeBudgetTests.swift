@testable import Allocator
import Synchronization
import Testing

/// How `allocate SCENARIO` shares its time limit out (`TimeBudget`), and that
/// the search receives what is left of it (`Allocation.searchSeconds`), while
/// the result keeps the limit as given. Instants are made up, so nothing here
/// depends on how fast the machine is.
@Suite struct TimeBudgetTests {
    static let start = ContinuousClock.now

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 }

    /// A 10 s limit with 1 s kept for the prices and 2 s for the rest: the
    /// search ends 7 s after the command's start, the prices 8 s after it; 3 s
    /// spent reading and building leave the search 4 s.
    @Test func theReserveComesOffTheEndAndTheReadingOffTheStart() {
        let budget = TimeBudget(began: Self.start, limit: 10, reserve: AfterSolveReserve(prices: 1, finish: 2))
        #expect(budget.searchDeadline == Self.start + .seconds(7))
        #expect(budget.pricesDeadline == Self.start + .seconds(8))
        #expect(Self.close(budget.searchSeconds(at: Self.start + .seconds(3)), 4))
        #expect(Self.close(
            Allocation.searchSeconds(timeLimit: 10, deadline: budget.searchDeadline, now: Self.start + .seconds(3)), 4))
    }

    /// A limit too large for a `Duration` (the scenario format allows 1e21 s)
    /// gives deadlines a century away instead of a crash.
    @Test func aHugeLimitGivesFarDeadlines() {
        let budget = TimeBudget(began: Self.start, limit: 1e21, reserve: AfterSolveReserve(prices: 1, finish: 2))
        #expect(budget.searchDeadline > Self.start + .seconds(3e9))
        #expect(budget.pricesDeadline > Self.start + .seconds(3e9))
    }

    /// With nothing kept for after the solve, reading for X seconds leaves the search limit − X.
    @Test func readingForXSecondsLeavesTheSearchTheLimitLessX() {
        let budget = TimeBudget(began: Self.start, limit: 60, reserve: AfterSolveReserve(prices: 0, finish: 0))
        for x in [0.0, 0.25, 2.5, 59] {
            let seconds = Allocation.searchSeconds(timeLimit: 60, deadline: budget.searchDeadline, now: Self.start + .seconds(x))
            #expect(Self.close(seconds, 60 - x), "read for \(x) s")
        }
    }

    /// No deadline: the limit as given. A deadline further away than the limit
    /// does not lengthen it; one already past leaves the least search, not none.
    @Test func theSearchNeverGetsMoreThanTheLimitNorLessThanItsLeast() {
        #expect(Allocation.searchSeconds(timeLimit: 60, deadline: nil, now: Self.start) == 60)
        #expect(Allocation.searchSeconds(timeLimit: 5, deadline: Self.start + .seconds(100), now: Self.start) == 5)
        #expect(Allocation.searchSeconds(timeLimit: 5, deadline: Self.start - .seconds(1), now: Self.start)
                == Allocation.minimumSearchSeconds)
        let budget = TimeBudget(began: Self.start, limit: 5, reserve: AfterSolveReserve(prices: 0.5, finish: 3))
        #expect(budget.searchSeconds(at: Self.start + .seconds(2)) < 0, "reading took the search's share")
    }

    /// `Allocation.solve` hands the search the time left until `deadline` (its
    /// log line says how much) and still records the limit given.
    @Test func theSolveGetsTheTimeLeftAndRecordsTheLimitGiven() throws {
        let s = Scenario(
            name: "budget", horizon: 1, areas: [Area(id: "R")], strategies: [],
            funders: [Funder(id: "L", level: .lao, area: "R", budget: [1000])],
            projects: [
                Project(id: "A", area: "R", cost: .total(600), priority: 10),
                Project(id: "B", area: "R", cost: .total(500), priority: 6),
            ],
            policy: Policy(strategyRequired: []))
        let lines = Mutex<[String]>([])
        var options = SolveOptions(timeLimit: 60, log: { line in lines.withLock { $0.append(line) } })
        options.deadline = ContinuousClock.now + .seconds(3)
        let result = try Allocation.solve(s, options: options)
        #expect(result.timeLimit == 60)
        #expect(result.decision != nil)
        let line = try #require(lines.withLock { $0 }.first { $0.hasPrefix("search: ") })
        let given = try #require(Double(line.dropFirst("search: ".count).prefix { $0 != " " }))
        #expect(given > 2 && given <= 3, "\(line)")
        #expect(line.hasSuffix("of the time limit of 60 s"), "\(line)")

        options.deadline = ContinuousClock.now - .seconds(1)
        let late = try Allocation.solve(s, options: options)
        #expect(late.timeLimit == 60)
        #expect(late.decision != nil, "the greedy start is made however late the search starts")
    }
}
