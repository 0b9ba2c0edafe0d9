import Foundation
import XCTest

/// The what-if report read back with regular expressions (none of the tool's
/// own code) and checked figure by figure against comparison.json read with
/// Foundation: each run's row, the objective and money charts, the per-level
/// charts and every changed project listed. Used on the file `--report`
/// writes and on the DOM headless Chromium renders from it.
extension ReportMarkup {
    /// A comparison.json number written the way the page writes it, or nil for null or missing.
    static func figure(_ value: Any?) -> Double? { ResultFile.number(value) }

    /// `a` equals the JSON figure `b`: both absent (null), or the same number (to 1e-12 of its
    /// size: Foundation's JSON reader does not always read the last digit as Swift does).
    static func same(_ a: String?, _ b: Any?) -> Bool {
        let expected = figure(b)
        guard let a else { return expected == nil }
        guard let x = Double(a), let y = expected else { return false }
        return x == y || abs(x - y) <= 1e-12 * max(abs(x), abs(y))
    }

    /// Checks every figure of the what-if sections against `comparison` (comparison.json).
    /// - Parameter listedPerVariation: the change tables' cap the page was made with.
    func checkWhatIf(against comparison: [String: Any], _ label: String, listedPerVariation: Int = 200,
                     file: StaticString = #filePath, line: UInt = #line) {
        let runs = comparison["runs"] as? [[String: Any]] ?? []
        XCTAssertFalse(runs.isEmpty, "\(label): runs", file: file, line: line)
        // The results table: one row per run.
        let rows = Self.tags("tr", with: "data-status", in: table("sortable runs") ?? "")
        XCTAssertEqual(rows.map { $0["data-index"] ?? "" }, runs.map { "\($0["index"] as? Int ?? -1)" }, "\(label): result rows", file: file, line: line)
        func counts(_ run: [String: Any], _ key: String) -> Double { Double((run[key] as? [Any])?.count ?? -1) }
        for (row, run) in zip(rows, runs) {
            let where_ = "\(label), run \(row["data-index"] ?? "?")"
            XCTAssertEqual(row["data-name"], run["name"] as? String, where_, file: file, line: line)
            XCTAssertEqual(row["data-status"], run["status"] as? String, where_, file: file, line: line)
            for (attribute, key) in [
                ("data-objective", "objective"), ("data-gap", "gap"), ("data-funded", "funded"), ("data-funded-cost", "fundedCost"),
                ("data-unspent-budget", "unspentBudget"), ("data-budget", "budget"),
            ] {
                XCTAssertTrue(Self.same(row[attribute], run[key]), "\(where_): \(attribute) \(row[attribute] ?? "absent") against \(key) \(String(describing: run[key]))", file: file, line: line)
            }
            if (run["index"] as? Int ?? 0) > 0 {
                XCTAssertTrue(Self.same(row["data-objective-change"], run["objectiveChange"]), "\(where_): objective change", file: file, line: line)
            }
            XCTAssertEqual(Self.number(row, "data-newly-funded"), counts(run, "newlyFunded"), where_, file: file, line: line)
            XCTAssertEqual(Self.number(row, "data-dropped"), counts(run, "dropped"), where_, file: file, line: line)
            XCTAssertEqual(Self.number(row, "data-moved"), counts(run, "moved"), where_, file: file, line: line)
        }
        // The charts: objective, money, each level; one bar per run (at most 100).
        let charted = Array(runs.prefix(100))
        let objective = bars("objective")
        XCTAssertEqual(objective.map { $0["data-index"] ?? "" }, charted.map { "\($0["index"] as? Int ?? -1)" }, "\(label): objective bars", file: file, line: line)
        for (bar, run) in zip(objective, charted) {
            XCTAssertTrue(Self.same(bar["data-objective"], run["objective"]), "\(label): objective bar \(bar)", file: file, line: line)
        }
        let money = bars("money")
        XCTAssertEqual(money.count, charted.count, "\(label): money bars", file: file, line: line)
        for (bar, run) in zip(money, charted) {
            for (attribute, key) in [("data-funded-cost", "fundedCost"), ("data-budget", "budget"), ("data-unspent-budget", "unspentBudget"), ("data-funded", "funded")] {
                XCTAssertTrue(Self.same(bar[attribute], run[key]), "\(label): money bar \(bar) \(key)", file: file, line: line)
            }
        }
        let levels = (runs.first?["levels"] as? [[String: Any]] ?? []).compactMap { $0["level"] as? String }
        XCTAssertFalse(levels.isEmpty, "\(label): levels", file: file, line: line)
        for level in levels {
            let levelBars = bars("level-" + level)
            XCTAssertEqual(levelBars.count, charted.count, "\(label): \(level) bars", file: file, line: line)
            for (bar, run) in zip(levelBars, charted) {
                let totals = (run["levels"] as? [[String: Any]] ?? []).first { $0["level"] as? String == level } ?? [:]
                XCTAssertEqual(bar["data-level"], level, file: file, line: line)
                for (attribute, key) in [("data-projects", "projects"), ("data-cost", "cost"), ("data-budget", "budget")] {
                    XCTAssertTrue(Self.same(bar[attribute], totals[key]), "\(label): \(level) bar \(bar) \(key)", file: file, line: line)
                }
            }
        }
        // Changed projects: every one listed (below the cap), with its funders and costs.
        let changeRows = Self.tags("tr", with: "data-change", in: html)
        for run in runs.dropFirst() {
            let index = "\(run["index"] as? Int ?? -1)"
            var expected: [(kind: String, entry: [String: Any])] = []
            for kind in ["newlyFunded", "dropped", "moved"] {
                expected += (run[kind] as? [[String: Any]] ?? []).map { (kind, $0) }
            }
            let listed = changeRows.filter { $0["data-index"] == index }
            XCTAssertEqual(listed.count, min(expected.count, listedPerVariation), "\(label): variation \(index) rows", file: file, line: line)
            let byID = Dictionary(uniqueKeysWithValues: expected.map { ($0.entry["id"] as? String ?? "", $0) })
            for row in listed {
                guard let (kind, entry) = byID[row["data-id"] ?? ""] else {
                    XCTFail("\(label): variation \(index) lists \(row["data-id"] ?? "?"), not a changed project", file: file, line: line)
                    continue
                }
                XCTAssertEqual(row["data-change"], kind, file: file, line: line)
                XCTAssertEqual(row["data-funder"], entry["funder"] as? String, "\(label): \(row)", file: file, line: line)
                XCTAssertEqual(row["data-base-funder"], entry["baseFunder"] as? String, "\(label): \(row)", file: file, line: line)
                XCTAssertTrue(Self.same(row["data-cost"], entry["cost"]), "\(label): \(row) cost", file: file, line: line)
                XCTAssertTrue(Self.same(row["data-base-cost"], entry["baseCost"]), "\(label): \(row) base cost", file: file, line: line)
            }
            let heading = Self.tags("h3", with: "data-changed", in: html).first { $0["data-index"] == index }
            XCTAssertEqual(Self.number(heading ?? [:], "data-changed"), Double(expected.count), "\(label): variation \(index) count", file: file, line: line)
        }
    }
}
