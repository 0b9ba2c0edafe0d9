import Allocator
import Testing

/// The time `allocate SCENARIO` keeps for after the solve, from the model's
/// size (`AfterSolveReserve`): the figures measured per million matrix
/// entries (docs/decisions.md, "Solving and results").
@Suite struct AfterSolveReserveTests {
    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 }

    /// An empty model keeps only the fixed part; 2 million entries (about
    /// 180,000 generated projects) keep 2 s for the prices and 3.25 s more for
    /// the reasons, result.json and the summary.
    @Test func theReserveGrowsWithTheModel() {
        let empty = AfterSolveReserve.estimate(entries: 0, limit: 60)
        #expect(empty.prices == 0 && Self.close(empty.finish, 0.05))
        let large = AfterSolveReserve.estimate(entries: 2_000_000, limit: 60)
        #expect(Self.close(large.prices, 2))
        #expect(Self.close(large.finish, 3.25))
        #expect(Self.close(large.total, 5.25))
        let small = AfterSolveReserve.estimate(entries: 136_865, limit: 60)
        #expect(small.finish < large.finish && small.prices < large.prices)
    }

    /// `--csv` and `--report` each add their own share.
    @Test func moreFilesKeepMoreTime() {
        let plain = AfterSolveReserve.estimate(entries: 2_000_000, limit: 60)
        let csv = AfterSolveReserve.estimate(entries: 2_000_000, limit: 60, csv: true)
        let report = AfterSolveReserve.estimate(entries: 2_000_000, limit: 60, report: true)
        let both = AfterSolveReserve.estimate(entries: 2_000_000, limit: 60, csv: true, report: true)
        #expect(Self.close(csv.finish - plain.finish, 0.6))
        #expect(Self.close(report.finish - plain.finish, 2.4))
        #expect(Self.close(both.finish - plain.finish, 3.0))
        #expect(both.prices == plain.prices)
    }

    /// A short limit keeps at most a tenth of it for the prices (they are cut
    /// then), so that most of it still goes to the search.
    @Test func thePricesGetAtMostATenthOfTheLimit() {
        #expect(Self.close(AfterSolveReserve.estimate(entries: 2_000_000, limit: 10).prices, 1))
        #expect(Self.close(AfterSolveReserve.estimate(entries: 2_000_000, limit: 5).prices, 0.5))
        #expect(Self.close(AfterSolveReserve.estimate(entries: 2_000_000, limit: 10).finish, 3.25))
    }
}
