import XCTest
@testable import Allocator

/// `MemoryEstimate` against the peaks measured by hand (Benchmarks/README.md,
/// "Memory by size"): every estimate must cover its measured peak, and not by
/// so much that a scenario that fits would be refused. The figures are recorded,
/// not re-measured: a million-project solve does not belong in the test suite.
final class MemoryEstimateTests: XCTestCase {
    /// One measured run: `allocate generate --projects N --seed 2570 --provinces
    /// max(1, N / 200,000)`, then `allocate FILE --time-limit 60` (release build,
    /// `/usr/bin/time -v`), and `allocate validate FILE` for the reading.
    struct Measured {
        var projects: Int
        var fileBytes: Int
        var choices: Int
        var entries: Int
        /// Peak resident memory, in kB as `time -v` prints it.
        var validatePeakKB: Int
        var solvePeakKB: Int
    }

    static let measured: [Measured] = [
        Measured(projects: 100_000, fileBytes: 31_416_895, choices: 267_589, entries: 1_132_483,
                 validatePeakKB: 213_924, solvePeakKB: 431_116),
        Measured(projects: 200_000, fileBytes: 62_822_970, choices: 535_390, entries: 2_265_982,
                 validatePeakKB: 402_024, solvePeakKB: 836_820),
        Measured(projects: 400_000, fileBytes: 125_645_085, choices: 1_070_457, entries: 4_529_443,
                 validatePeakKB: 776_684, solvePeakKB: 1_585_392),
        Measured(projects: 600_000, fileBytes: 188_449_823, choices: 1_605_560, entries: 6_797_237,
                 validatePeakKB: 1_108_320, solvePeakKB: 2_312_820),
        Measured(projects: 800_000, fileBytes: 251_297_946, choices: 2_140_623, entries: 9_062_995,
                 validatePeakKB: 1_494_144, solvePeakKB: 3_085_856),
        Measured(projects: 1_000_000, fileBytes: 315_112_300, choices: 2_677_104, entries: 11_335_320,
                 validatePeakKB: 1_809_188, solvePeakKB: 3_836_152),
    ]

    func testTheSolveEstimateCoversEveryMeasuredPeak() {
        for run in Self.measured {
            let estimate = MemoryEstimate.solving(choices: run.choices, entries: run.entries)
            let peak = run.solvePeakKB * 1024
            XCTAssertGreaterThanOrEqual(estimate, peak, "\(run.projects) projects")
            XCTAssertLessThan(Double(estimate), 1.3 * Double(peak), "\(run.projects) projects: the estimate is far above")
        }
    }

    func testTheReadingEstimateCoversEveryMeasuredPeak() {
        for run in Self.measured {
            let estimate = MemoryEstimate.reading(fileBytes: run.fileBytes)
            let peak = run.validatePeakKB * 1024
            XCTAssertGreaterThanOrEqual(estimate, peak, "\(run.projects) projects")
            XCTAssertLessThan(Double(estimate), 1.4 * Double(peak), "\(run.projects) projects: the estimate is far above")
            XCTAssertLessThanOrEqual(MemoryEstimate.largestReadableFile(within: estimate), run.fileBytes + 1)
            XCTAssertGreaterThanOrEqual(MemoryEstimate.largestReadableFile(within: estimate), run.fileBytes)
        }
    }

    /// The million-project scenario fits in 8 GB, read and solved.
    func testAMillionProjectsFitIn8GB() throws {
        let million = try XCTUnwrap(Self.measured.first { $0.projects == 1_000_000 })
        let limit = try XCTUnwrap(MemoryLimit.parse("8G"))
        XCTAssertLessThan(MemoryEstimate.solving(choices: million.choices, entries: million.entries), limit)
        XCTAssertLessThan(MemoryEstimate.reading(fileBytes: million.fileBytes), limit)
    }

    /// The machine's limit is a positive figure with its source.
    func testTheSystemLimitIsKnown() {
        let limit = MemoryLimit.system()
        XCTAssertGreaterThan(limit.bytes, 0)
        XCTAssertFalse(limit.source.isEmpty)
        XCTAssertEqual(MemoryLimit.current(explicit: 1 << 30), MemoryLimit(bytes: 1 << 30, source: "--max-memory"))
    }
}
