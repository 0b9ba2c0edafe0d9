import Allocator
import Foundation
import XCTest

/// `allocate SCENARIO`: exit status, the result file checked against the
/// scenario by `DecisionChecker`, determinism, the flags, and a stdout that
/// carries only the summary.
final class SolveCommandTests: XCTestCase {
    private func directory() throws -> URL {
        let dir = try CommandRunner.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    private func write(_ text: String, to name: String, in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    private func scenario(at path: String) throws -> Scenario {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : CommandRunner.root.appendingPathComponent(path)
        return try ScenarioReader.read(contentsOf: url.path)
    }

    /// Lines GLPK's terminal output starts with; none may reach stdout.
    static let solverLogPrefixes = [
        "GLPK", "Integer optimization", "+ ", "*", "Solution found", "Scaling", "Constructing", "Preprocessing",
        "Long-step", "Writing", "Reading", "Number of", "Conflict graph", "Cuts on level", "INTEGER OPTIMAL",
        "OPTIMAL", "PROBLEM HAS NO", "TIME LIMIT", " A:", "GM:", "EQ:",
    ]

    private func assertNoSolverLog(_ stdout: String, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        for text in stdout.split(separator: "\n") where Self.solverLogPrefixes.contains(where: text.hasPrefix) {
            XCTFail("\(label): solver output on stdout: \(text)", file: file, line: line)
        }
    }

    // MARK: Every shipped scenario

    /// Each scenario in scenarios/ solved with `--time-limit 20`, and its
    /// result checked in full against the scenario (ResultFile.check): every
    /// rule holds and `objective` is the recomputed value. Sizes today: the
    /// guideline example and the five-year plan finish in well under a second;
    /// chon-buri-2565 (168 projects) and khon-kaen-generated-12k (12,000
    /// projects) stop at the 20 s limit with a `feasible` decision, which is
    /// checked the same way. None is skipped. The whole test takes about a
    /// minute in a debug build (two 20 s solves, then the checks of 12,000 projects).
    func testEveryShippedScenarioGivesACheckedDecision() throws {
        let dir = try directory()
        let paths = try ValidateCommandTests.shippedScenarios()
        XCTAssertGreaterThanOrEqual(paths.count, 3, "\(paths)")
        for path in paths {
            let output = dir.appendingPathComponent(URL(fileURLWithPath: path).lastPathComponent)
            let run = try CommandRunner.run([path, "--time-limit", "20", "--output", output.path])
            XCTAssertEqual(run.status, 0, "\(path): a shipped scenario must give a decision\n\(run.stderr)")
            XCTAssertEqual(run.stderr, "", "\(path): stderr without --verbose")
            assertNoSolverLog(run.stdout, path)
            let scenario = try scenario(at: path)
            XCTAssertTrue(run.stdout.hasPrefix(scenario.name + "\n"), "\(path): summary starts with the scenario name\n\(run.stdout)")
            let result = try ResultFile(output)
            XCTAssertTrue(["optimal", "feasible"].contains(result.status ?? ""), "\(path): \(String(describing: result.status))")
            XCTAssertEqual(ResultFile.number(result.json["timeLimit"]), 20, path)
            try result.check(against: scenario, exitStatus: run.status, path)
        }
    }

    /// The guideline example is solved to a proven optimum (policy mipGap 0).
    func testGuidelineExampleIsOptimalWithNoGap() throws {
        let dir = try directory()
        let output = dir.appendingPathComponent("result.json")
        let run = try CommandRunner.run(["scenarios/guideline-example.json", "--output", output.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let result = try ResultFile(output)
        XCTAssertEqual(result.status, "optimal")
        // Proven up to GLPK's objective tolerance (1e-9 relative), no further.
        XCTAssertLessThanOrEqual(try XCTUnwrap(result.gap), 1e-9)
        let objective = try XCTUnwrap(result.objective), bound = try XCTUnwrap(result.bound)
        XCTAssertLessThanOrEqual(bound - objective, 1e-9 * objective)
        XCTAssertGreaterThanOrEqual(bound, objective)
        try result.check(against: try scenario(at: "scenarios/guideline-example.json"), exitStatus: run.status, "guideline")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["result.json"], "no temporary file left")
    }

    // MARK: Infeasible scenarios

    /// BIG is mandatory and costs 3,000,000; every funder that may fund it has less.
    static let mandatoryOverEveryBudget = """
        {"format": "allocate/1", "name": "โครงการบังคับเกินงบ",
         "areas": [{"id": "KK", "name": "จ.ขอนแก่น"}, {"id": "KK-01", "parent": "KK"}],
         "strategies": [{"id": "S1"}],
         "funders": [
           {"id": "LAO", "level": "lao", "area": "KK-01", "budget": 1000000},
           {"id": "DIST", "level": "district", "area": "KK-01", "budget": 2000000},
           {"id": "PROV", "level": "province", "area": "KK", "budget": 2500000}],
         "projects": [
           {"id": "BIG", "area": "KK-01", "cost": 3000000, "priority": 5, "strategies": ["S1"], "mandatory": true},
           {"id": "SMALL", "area": "KK-01", "cost": 100000, "priority": 5, "strategies": ["S1"]}]}
        """

    /// WATER is mandatory; the only funder's mandate is roads.
    static let mandatoryWithoutEligibleFunder = """
        {"format": "allocate/1", "name": "no funder for water",
         "areas": [{"id": "KK"}, {"id": "KK-01", "parent": "KK"}],
         "strategies": [{"id": "S1"}],
         "funders": [{"id": "LAO", "level": "lao", "area": "KK-01", "budget": 1000000, "sectors": ["roads"]}],
         "projects": [
           {"id": "WATER", "area": "KK-01", "cost": 1000, "priority": 5, "sector": "water", "strategies": ["S1"], "mandatory": true},
           {"id": "ROAD", "area": "KK-01", "cost": 1000, "priority": 5, "sector": "roads", "strategies": ["S1"]}]}
        """

    /// A and B are mandatory and each fits the only budget, but not both: only the search can tell.
    static let mandatoryPairOverBudget = """
        {"format": "allocate/1", "name": "two mandatory",
         "areas": [{"id": "KK"}],
         "strategies": [{"id": "S1"}],
         "funders": [{"id": "LAO", "level": "lao", "area": "KK", "budget": 1000000}],
         "projects": [
           {"id": "A", "area": "KK", "cost": 600000, "priority": 5, "strategies": ["S1"], "mandatory": true},
           {"id": "B", "area": "KK", "cost": 600000, "priority": 5, "strategies": ["S1"], "mandatory": true}]}
        """

    func testInfeasibleScenariosExitOneWithStatusInfeasible() throws {
        let dir = try directory()
        let cases: [(name: String, text: String, mentions: String?)] = [
            ("over-budget", Self.mandatoryOverEveryBudget, "BIG"),
            ("no-funder", Self.mandatoryWithoutEligibleFunder, "WATER"),
            ("pair", Self.mandatoryPairOverBudget, nil),
        ]
        for (name, text, mentions) in cases {
            let input = try write(text, to: "\(name).json", in: dir)
            let output = dir.appendingPathComponent("\(name).result.json")
            let run = try CommandRunner.run([input.path, "--output", output.path])
            XCTAssertEqual(run.status, 1, "\(name): \(run.stdout)\n\(run.stderr)")
            XCTAssertEqual(run.stderr, "", name)
            XCTAssertTrue(run.stdout.contains("infeasible"), "\(name): \(run.stdout)")
            if let mentions {
                XCTAssertTrue(run.stdout.contains(mentions), "\(name): the summary names the mandatory project\n\(run.stdout)")
            }
            assertNoSolverLog(run.stdout, name)
            let result = try ResultFile(output)
            XCTAssertEqual(result.status, "infeasible", name)
            XCTAssertNil(result.objective, name)
            try result.check(against: try scenario(at: input.path), exitStatus: run.status, name)
        }
    }

    /// BIG has three eligible funders (all six rules hold); it is their
    /// budgets that are too small. The summary and `validate` must not send
    /// the user looking for an eligibility problem.
    func testOverBudgetMandatoryProjectIsNotCalledIneligible() throws {
        let dir = try directory()
        let input = try write(Self.mandatoryOverEveryBudget, to: "over.json", in: dir)
        let solve = try CommandRunner.run([input.path])
        XCTAssertEqual(solve.status, 1)
        XCTAssertFalse(solve.stdout.contains("no eligible funder"), "BIG has eligible funders:\n\(solve.stdout)")
        XCTAssertTrue(solve.stdout.contains("whole yearly budget"), "the summary names the real cause:\n\(solve.stdout)")
        let validate = try CommandRunner.run(["validate", input.path])
        XCTAssertEqual(validate.status, 0)
        XCTAssertFalse(validate.stdout.contains("mandatory projects have no eligible funder"), "BIG has eligible funders:\n\(validate.stdout)")
    }

    // MARK: Determinism

    /// Issue 6 point 5: a solve that runs until its work limit (gap 0, so the
    /// gap cannot end it; a time limit it never reaches) writes the same bytes
    /// on every run and thread count: 1, 2 and 4 threads, and 2 again. The
    /// work limit is large enough for the neighbourhood search and the final
    /// branch and cut to run.
    func testWorkLimitGivesIdenticalBytesAcrossRunsAndThreadCounts() throws {
        let dir = try directory()
        let generated = dir.appendingPathComponent("generated-600.json")
        let generate = try CommandRunner.run(["generate", "--projects", "600", "--seed", "2570", "-o", generated.path])
        XCTAssertEqual(generate.status, 0, generate.stderr)
        var files: [Data] = []
        var summaries: [String] = []
        for (k, threads) in [1, 2, 4, 2].enumerated() {
            let output = dir.appendingPathComponent("run-\(k).json")
            let run = try CommandRunner.run([
                generated.path, "--gap", "0", "--work-limit", "600", "--time-limit", "3600", "--threads", "\(threads)",
                "--no-timings", "--output", output.path,
            ])
            XCTAssertEqual(run.status, 0, run.stderr)
            files.append(try Data(contentsOf: output))
            summaries.append(run.stdout)
            let result = try ResultFile(output)
            XCTAssertEqual(result.json["termination"] as? String, "workLimit", "run \(k)")
            XCTAssertEqual(ResultFile.number(result.json["workLimit"]), 600)
            XCTAssertGreaterThanOrEqual(try XCTUnwrap(ResultFile.number(result.json["work"])), 0.99 * 600)
            XCTAssertTrue(run.stdout.contains("stopped at the work limit of 600 units"), run.stdout)
            if k == 0 { try result.check(against: try scenario(at: generated.path), exitStatus: run.status, timings: false, "work limit") }
        }
        for k in 1 ..< files.count { XCTAssertEqual(files[k], files[0], "run \(k) differs from run 0") }
        XCTAssertEqual(Set(summaries).count, 1, "summaries differ")
    }

    /// The same scenario three times with `--no-timings`: byte-identical files
    /// and summaries, and no `timings`. Only solves that end by their gap are
    /// used: a solve cut by the time limit depends on the machine's speed.
    func testSameScenarioGivesIdenticalBytes() throws {
        let dir = try directory()
        let generated = dir.appendingPathComponent("generated-200.json")
        let generate = try CommandRunner.run(["generate", "--projects", "200", "--seed", "5", "-o", generated.path])
        XCTAssertEqual(generate.status, 0, generate.stderr)
        let cases: [(label: String, arguments: [String])] = [
            ("guideline", ["scenarios/guideline-example.json"]),
            ("five-year", ["scenarios/five-year-plan.json"]),
            ("chon-buri", ["scenarios/chon-buri-2565.json", "--gap", "0.02"]),
            ("generated", [generated.path]),
        ]
        for (label, arguments) in cases {
            var files: [Data] = []
            var summaries: [String] = []
            for k in 0 ..< 3 {
                let output = dir.appendingPathComponent("\(label)-\(k).json")
                let run = try CommandRunner.run(arguments + ["--no-timings", "--output", output.path])
                XCTAssertEqual(run.status, 0, "\(label): \(run.stderr)")
                files.append(try Data(contentsOf: output))
                summaries.append(run.stdout)
                let result = try ResultFile(output)
                XCTAssertNil(result.json["timings"], "\(label): --no-timings leaves timings out")
                if k == 0 {
                    try result.check(against: try scenario(at: arguments[0]), exitStatus: run.status, timings: false, label)
                }
            }
            XCTAssertFalse(files[0].isEmpty, label)
            XCTAssertEqual(files[1], files[0], "\(label): second run differs")
            XCTAssertEqual(files[2], files[0], "\(label): third run differs")
            XCTAssertEqual(Set(summaries).count, 1, "\(label): summaries differ")

            // With timings the file is the same apart from `timings`.
            let timed = dir.appendingPathComponent("\(label)-timed.json")
            let run = try CommandRunner.run(arguments + ["--output", timed.path])
            XCTAssertEqual(run.status, 0, "\(label): \(run.stderr)")
            var withTimings = try ResultFile(timed).json
            XCTAssertNotNil(withTimings.removeValue(forKey: "timings"), label)
            let without = try XCTUnwrap(JSONSerialization.jsonObject(with: files[0]) as? [String: Any])
            XCTAssertEqual(NSDictionary(dictionary: withTimings), NSDictionary(dictionary: without), "\(label): more than timings differs")
        }
    }

    // MARK: GLPK and stdout

    /// stdout carries only the summary: the same bytes with and without
    /// `--verbose` and `--write-model`; GLPK's log goes to stderr with
    /// `--verbose`, and nowhere without it.
    func testSolverOutputNeverReachesStdout() throws {
        let dir = try directory()
        let pair = try write(Self.mandatoryPairOverBudget, to: "pair.json", in: dir)
        for path in ["scenarios/guideline-example.json", "scenarios/five-year-plan.json", pair.path] {
            let quiet = try CommandRunner.run([path])
            XCTAssertEqual(quiet.stderr, "", "\(path): stderr without --verbose")
            assertNoSolverLog(quiet.stdout, path)
            let verbose = try CommandRunner.run([path, "--verbose"])
            XCTAssertEqual(verbose.status, quiet.status, path)
            XCTAssertEqual(verbose.stdout, quiet.stdout, "\(path): --verbose changed stdout")
            XCTAssertTrue(verbose.stderr.contains("allocate: "), "\(path): --verbose shows the solve steps on stderr")
            for model in ["model.lp", "model.mps"] {
                let written = try CommandRunner.run([path, "--write-model", dir.appendingPathComponent(model).path])
                XCTAssertEqual(written.status, quiet.status, "\(path) \(model): \(written.stderr)")
                XCTAssertEqual(written.stdout, quiet.stdout, "\(path): --write-model \(model) changed stdout")
                XCTAssertEqual(written.stderr, "", "\(path): --write-model \(model) wrote to stderr")
                let text = try String(contentsOf: dir.appendingPathComponent(model), encoding: .utf8)
                if model.hasSuffix(".mps") {
                    XCTAssertTrue(text.hasPrefix("* Objective sense: MAXIMISE"), "the MPS file says it maximises")
                } else {
                    XCTAssertTrue(text.contains("Maximize"), "the LP file says it maximises")
                }
                XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: dir.path).contains { $0.contains(".tmp-") },
                               "no temporary file left")
            }
        }
        // A scenario whose gap the Lagrangian bound cannot close goes on to GLPK's
        // branch and cut: GLPK's own log lines appear on stderr. (10 s: the debug
        // build's neighbourhoods alone took 3 s on a slow day.)
        let verbose = try CommandRunner.run(["scenarios/chon-buri-2565.json", "-v", "--gap", "0", "--time-limit", "10"])
        XCTAssertTrue(verbose.stderr.contains("mip ="), verbose.stderr)
    }

    // MARK: Flags

    /// `--gap 0.5` overrides the policy: the search stops once the proven gap is within 50%.
    func testGapFlag() throws {
        let dir = try directory()
        let output = dir.appendingPathComponent("result.json")
        let path = "scenarios/chon-buri-2565.json"
        let run = try CommandRunner.run([path, "--gap", "0.5", "--output", output.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let result = try ResultFile(output)
        XCTAssertEqual(result.status, "optimal")
        XCTAssertEqual(ResultFile.number(result.json["mipGap"]), 0.5)
        XCTAssertLessThanOrEqual(try XCTUnwrap(result.gap), 0.5)
        XCTAssertTrue(run.stdout.contains("target 50.000%"), run.stdout)
        try result.check(against: try scenario(at: path), exitStatus: run.status, "gap 0.5")
    }

    /// `--time-limit 0.5` on 3,000 generated projects returns a consistent
    /// answer: a checked decision (optimal or feasible, exit 0) or none
    /// (noSolution with a null objective, exit 1). How long it took is not asserted.
    func testTimeLimitFlag() throws {
        let dir = try directory()
        let input = dir.appendingPathComponent("generated-3000.json")
        let generate = try CommandRunner.run(["generate", "--projects", "3000", "--seed", "7", "-o", input.path], in: dir)
        XCTAssertEqual(generate.status, 0, generate.stderr)
        let output = dir.appendingPathComponent("result.json")
        let run = try CommandRunner.run([input.path, "--time-limit", "0.5", "--output", output.path])
        XCTAssertTrue([0, 1].contains(run.status), "exit \(run.status): \(run.stderr)")
        assertNoSolverLog(run.stdout, "time limit")
        let result = try ResultFile(output)
        XCTAssertEqual(ResultFile.number(result.json["timeLimit"]), 0.5)
        switch result.status {
        case "optimal", "feasible":
            XCTAssertNotNil(result.objective)
        case "noSolution":
            XCTAssertNil(result.objective)
        default:
            XCTFail("status \(String(describing: result.status)) after a time limit on a feasible scenario")
        }
        try result.check(against: try scenario(at: input.path), exitStatus: run.status, "time limit 0.5")
    }

    /// A time limit shorter than reading the scenario and the time kept for
    /// writing (0.001 s is always so: that reserve alone is 0.05 s) still
    /// gives the greedy start's decision, checked, with the limit as given in
    /// result.json, a warning that the command ends after it, and no budget
    /// price, said in result.json and the summary.
    func testATimeLimitTooShortForReadingAndWritingWarnsAndStillDecides() throws {
        let dir = try directory()
        let output = dir.appendingPathComponent("result.json")
        let path = "scenarios/guideline-example.json"
        let run = try CommandRunner.run([path, "--time-limit", "0.001", "--output", output.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "allocate: warning: reading and building left nothing of the time limit of 0.001 s "
            + "beside the time kept for writing the result: the search makes only its greedy start, and the command "
            + "ends after the limit\n")
        let result = try ResultFile(output)
        XCTAssertEqual(ResultFile.number(result.json["timeLimit"]), 0.001)
        XCTAssertNotNil(result.objective)
        // The prices' deadline is past too: none priced, and both files say so.
        XCTAssertEqual(result.json["budgetPricesComplete"] as? Bool, false)
        XCTAssertEqual(ResultFile.number(result.json["unpricedFunders"]), 4)
        XCTAssertEqual((result.json["budgetPrices"] as? [Any])?.count, 0)
        XCTAssertTrue(run.stdout.hasSuffix("\n  Cut by the time limit: 4 of 4 funders not priced (left out of budgetPrices); "
            + "a longer --time-limit prices them all.\n"), run.stdout)
        try result.check(against: try scenario(at: path), exitStatus: run.status, "time limit 0.001")
    }

    /// When the search stops at the time limit, the summary states the limit the user gave.
    func testSummaryStatesTheTimeLimitGiven() throws {
        let dir = try directory()
        let input = dir.appendingPathComponent("generated-3000.json")
        let generate = try CommandRunner.run(["generate", "--projects", "3000", "--seed", "7", "-o", input.path], in: dir)
        XCTAssertEqual(generate.status, 0, generate.stderr)
        let run = try CommandRunner.run([input.path, "--time-limit", "0.5"])
        XCTAssertTrue([0, 1].contains(run.status), "exit \(run.status): \(run.stderr)")
        let status = try XCTUnwrap(run.stdout.split(separator: "\n").first { $0.hasPrefix("Status") })
        if status.contains("time limit") {
            XCTAssertTrue(status.contains("time limit of 0.5 s"), "limit misreported: \(status)")
        }
    }

    /// Values the flags refuse: a message naming the flag, a failure status, nothing written.
    func testInvalidFlagValuesAreRefused() throws {
        let dir = try directory()
        let output = dir.appendingPathComponent("result.json")
        for (flag, value) in [("--gap", "1"), ("--gap", "-0.1"), ("--gap", "lots"), ("--time-limit", "0"), ("--time-limit", "-5"), ("--time-limit", "inf")] {
            let run = try CommandRunner.run(["scenarios/guideline-example.json", flag, value, "--output", output.path])
            XCTAssertFalse([0, 1].contains(run.status), "\(flag) \(value): exit \(run.status)")
            XCTAssertTrue(run.stderr.contains(flag), "\(flag) \(value): \(run.stderr)")
            XCTAssertEqual(run.stdout, "", "\(flag) \(value)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "\(flag) \(value)")
        }
    }

    // MARK: Summary

    /// Money with thousands separators, Thai names, and table columns that
    /// line up when Thai vowel and tone marks take no column.
    func testSummaryShowsGroupedMoneyAndThaiNames() throws {
        let run = try CommandRunner.run(["scenarios/guideline-example.json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let out = run.stdout
        XCTAssertTrue(out.hasPrefix("ตัวอย่างตามแนวทาง: ชุมชนบ้านหนองแวง (guideline example)\n"), out)
        XCTAssertTrue(out.contains("1,500,000 baht funded of 1,500,000 requested; budgets 3,060,000"), out)
        for name in ["อบต.หนองบัว", "กองทุนหมู่บ้านหนองแวง", "อำเภอบ้านฝาง", "การบริหารจัดการน้ำ (water security)"] {
            XCTAssertTrue(out.contains(name), "\(name) missing:\n\(out)")
        }
        XCTAssertNil(out.range(of: "[0-9]{4,}", options: .regularExpression), "money without thousands separators:\n\(out)")
        assertTablesLineUp(out, "guideline")
    }

    /// Chon Buri's real figures: 1,694,222,110 baht requested, 1,016,398,000 of
    /// budgets (scenarios/README.md), long Thai names cut to fit.
    func testSummaryOfARealProvince() throws {
        let path = "scenarios/chon-buri-2565.json"
        let run = try CommandRunner.run([path, "--gap", "0.5"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let scenario = try scenario(at: path)
        let requested = scenario.projects.reduce(0.0) { $0 + $1.cost.total }
        let budgets = scenario.funders.reduce(0.0) { $0 + $1.budget.reduce(0, +) }
        XCTAssertEqual(Self.grouped(requested), "1,694,222,110")
        XCTAssertTrue(run.stdout.contains("of \(Self.grouped(requested)) requested; budgets \(Self.grouped(budgets))"), run.stdout)
        XCTAssertTrue(run.stdout.contains("เทศบาลเมือง"), run.stdout)
        let body = run.stdout.split(separator: "\n").dropFirst()  // the name holds the year 2565
        // Four digits in a row, not part of an id (P-0117, as the budget prices name projects).
        XCTAssertFalse(body.contains { $0.range(of: "(?<![-A-Za-z0-9])[0-9]{4,}", options: .regularExpression) != nil },
                       "money without thousands separators:\n\(run.stdout)")
        assertTablesLineUp(run.stdout, "chon-buri")
    }

    /// Whole baht with a comma every three digits, written here independently of NumberFormat.
    static func grouped(_ amount: Double) -> String {
        let digits = String(Int64(amount.rounded()))
        var out = ""
        for (k, ch) in digits.reversed().enumerated() {
            if k > 0, k % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return String(out.reversed())
    }

    /// Terminal columns: Thai vowel and tone marks above or below a consonant take none.
    static func columns(_ line: Substring) -> Int {
        line.unicodeScalars.filter { s in
            !(s.value == 0x0E31 || (0x0E34 ... 0x0E3A).contains(s.value) || (0x0E47 ... 0x0E4E).contains(s.value))
        }.count
    }

    /// In each table (header, rule of ─, rows up to a blank line) every line is as wide as the rule,
    /// since the last column is right-aligned.
    private func assertTablesLineUp(_ text: String, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var tables = 0
        for (k, rule) in lines.enumerated() where k > 0 && !rule.isEmpty && rule.allSatisfy({ $0 == "─" || $0 == " " }) {
            tables += 1
            let width = Self.columns(rule)
            var rows = [lines[k - 1]]
            for row in lines[(k + 1)...] {
                if row.isEmpty { break }
                rows.append(row)
            }
            for row in rows {
                XCTAssertEqual(Self.columns(row), width, "\(label): misaligned line\n\(row)\nin a table ruled\n\(rule)", file: file, line: line)
            }
        }
        XCTAssertGreaterThan(tables, 0, "\(label): no table found", file: file, line: line)
    }

    // MARK: Files that cannot be written

    /// An output in a directory that does not exist: exit 3 and a message naming the path, no crash.
    /// An output below a file cannot be written: exit 3, the path named, nothing left behind.
    /// (Missing folders are made: `RobustnessCommandTests.testOutputFoldersAreMade`.)
    func testOutputBelowAFileFails() throws {
        let dir = try directory()
        let missing = dir.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: missing)
        let cases: [(label: String, arguments: [String])] = [
            ("--output", ["scenarios/guideline-example.json", "--output", missing.appendingPathComponent("result.json").path]),
            ("--write-model", ["scenarios/guideline-example.json", "--write-model", missing.appendingPathComponent("model.lp").path]),
            ("generate -o", ["generate", "--projects", "20", "-o", missing.appendingPathComponent("scenario.json").path]),
        ]
        for (label, arguments) in cases {
            let run = try CommandRunner.run(arguments)
            XCTAssertEqual(run.status, 3, "\(label): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(missing.path), "\(label): the message names the path\n\(run.stderr)")
            XCTAssertTrue(run.stderr.hasPrefix("allocate: "), "\(label): \(run.stderr)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["a-file"])
        // The same outputs below a folder that does not exist: it is made.
        let made = dir.appendingPathComponent("made/here")
        for (label, arguments) in [
            ("--write-model", ["scenarios/guideline-example.json", "--write-model", made.appendingPathComponent("model.lp").path]),
            ("generate -o", ["generate", "--projects", "20", "-o", made.appendingPathComponent("scenario.json").path]),
        ] {
            let run = try CommandRunner.run(arguments)
            XCTAssertEqual(run.status, 0, "\(label): \(run.stderr)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: made.path).sorted(), ["model.lp", "scenario.json"])
    }

    /// An output path that is a directory: exit 3, the directory and its parent are left as they were.
    func testOutputOntoADirectoryFails() throws {
        let dir = try directory()
        let target = dir.appendingPathComponent("results")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        let run = try CommandRunner.run(["scenarios/guideline-example.json", "--output", target.path])
        XCTAssertEqual(run.status, 3, run.stderr)
        XCTAssertTrue(run.stderr.contains(target.path), run.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["results"], "no temporary file left")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: target.path), [])
    }
}
