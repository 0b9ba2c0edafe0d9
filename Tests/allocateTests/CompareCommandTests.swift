import Allocator
import Foundation
import XCTest

/// `allocate compare SCENARIO`: the comparison file read back with Foundation
/// and every figure recomputed from its per-project lines with
/// `DecisionChecker` (docs/compare.md), hand-worked figures on small
/// scenarios, determinism, exit statuses and flags.
final class CompareCommandTests: XCTestCase {
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

    private static func close(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }

    /// The six figures of a column (or of the difference) as written.
    private struct Figures: Equatable {
        var value: Double
        var projectsFunded: Double
        var moneySpent: Double
        var duplicateProjects: Double
        var duplicateMoney: Double
        var unspentBudget: Double

        init(value: Double, projectsFunded: Double, moneySpent: Double, duplicateProjects: Double, duplicateMoney: Double, unspentBudget: Double) {
            self.value = value
            self.projectsFunded = projectsFunded
            self.moneySpent = moneySpent
            self.duplicateProjects = duplicateProjects
            self.duplicateMoney = duplicateMoney
            self.unspentBudget = unspentBudget
        }

        init(_ json: Any?) throws {
            let o = try XCTUnwrap(json as? [String: Any], "figures: \(String(describing: json))")
            func n(_ key: String) throws -> Double { try XCTUnwrap(ResultFile.number(o[key]), "figures lack \(key)") }
            self.init(
                value: try n("value"), projectsFunded: try n("projectsFunded"), moneySpent: try n("moneySpent"),
                duplicateProjects: try n("duplicateProjects"), duplicateMoney: try n("duplicateMoney"), unspentBudget: try n("unspentBudget"))
        }

        func isClose(to other: Figures) -> Bool {
            CompareCommandTests.close(value, other.value) && projectsFunded == other.projectsFunded
                && CompareCommandTests.close(moneySpent, other.moneySpent) && duplicateProjects == other.duplicateProjects
                && CompareCommandTests.close(duplicateMoney, other.duplicateMoney) && CompareCommandTests.close(unspentBudget, other.unspentBudget)
        }
    }

    /// What a checked comparison file says.
    private struct Checked {
        var json: [String: Any]
        var unintegrated: Figures
        var integrated: Figures?
        /// Project id -> funder id, for each side.
        var unintegratedFunder: [String: String]
        var integratedFunder: [String: String]
    }

    /// Reads an `allocate-compare/1` file and recomputes every figure from its
    /// per-project lines and the scenario, with `DecisionChecker` only:
    /// the un-integrated fundings obey every rule except overlaps across bodies,
    /// minimum shares and mandatory; duplicates follow the funding order; the
    /// integrated decision obeys every rule and is worth `objective`.
    private func check(_ url: URL, against s: Scenario, _ label: String, file: StaticString = #filePath, line: UInt = #line) throws -> Checked {
        let json = try CommandRunner.json(at: url)
        XCTAssertEqual(json["format"] as? String, "allocate-compare/1", label, file: file, line: line)
        XCTAssertEqual(json["scenario"] as? String, s.name, label, file: file, line: line)
        let projects = try XCTUnwrap(json["projects"] as? [[String: Any]], label)
        XCTAssertEqual(projects.map { $0["id"] as? String }, s.projects.map(\.id), "\(label): projects in scenario order", file: file, line: line)
        var funderIndex: [String: Int] = [:]
        for (f, funder) in s.funders.enumerated() { funderIndex[funder.id] = f }

        // The un-integrated side: fundings in the order made.
        var fundings: [(project: Int, funder: Int, start: Int, order: Int, duplicate: Bool)] = []
        var unintegrated = Decision(unfundedCount: s.projects.count)
        var integrated = Decision(unfundedCount: s.projects.count)
        for (p, entry) in projects.enumerated() {
            if let id = entry["unintegratedFunder"] as? String {
                let f = try XCTUnwrap(funderIndex[id], "\(label): unknown funder \(id)")
                let start = Int(try XCTUnwrap(ResultFile.number(entry["unintegratedStart"]), label))
                let order = Int(try XCTUnwrap(ResultFile.number(entry["unintegratedOrder"]), label))
                fundings.append((p, f, start, order, entry["duplicate"] as? Bool ?? false))
                unintegrated.assignments[p] = Decision.Assignment(funder: f, start: start)
            } else {
                XCTAssertTrue(ResultFile.isNull(entry["unintegratedStart"]) && ResultFile.isNull(entry["unintegratedOrder"]), "\(label): \(entry)", file: file, line: line)
                XCTAssertEqual(entry["duplicate"] as? Bool, false, "\(label): \(entry)", file: file, line: line)
            }
            if let id = entry["integratedFunder"] as? String {
                let f = try XCTUnwrap(funderIndex[id], "\(label): unknown funder \(id)")
                integrated.assignments[p] = Decision.Assignment(funder: f, start: Int(try XCTUnwrap(ResultFile.number(entry["integratedStart"]), label)))
            }
        }
        fundings.sort { $0.order < $1.order }
        XCTAssertEqual(fundings.map(\.order), Array(1 ..< fundings.count + 1), "\(label): orders 1...n", file: file, line: line)
        var relaxed = s
        for k in relaxed.strategies.indices { relaxed.strategies[k].minShare = 0 }
        for p in relaxed.projects.indices {
            relaxed.projects[p].overlaps = []
            relaxed.projects[p].mandatory = false
        }
        XCTAssertEqual(DecisionChecker.violations(of: unintegrated, in: relaxed), [], label, file: file, line: line)

        func figures(_ list: [(project: Int, funder: Int, start: Int)]) -> (Figures, [Bool]) {
            var seen: [(Int, Set<String>)] = []
            var flags: [Bool] = []
            var f = Figures(value: 0, projectsFunded: Double(list.count), moneySpent: 0, duplicateProjects: 0, duplicateMoney: 0, unspentBudget: 0)
            for entry in list {
                let project = s.projects[entry.project]
                let groups = Set(project.overlaps)
                let duplicate = seen.contains { !$0.1.isDisjoint(with: groups) }
                seen.append((entry.project, groups))
                flags.append(duplicate)
                let cost = DecisionChecker.totalCost(of: project, at: s.funders[entry.funder])
                f.value += DecisionChecker.value(project: entry.project, funder: entry.funder, start: entry.start, in: s)
                f.moneySpent += cost
                if duplicate {
                    f.duplicateProjects += 1
                    f.duplicateMoney += cost
                }
            }
            f.unspentBudget = s.funders.reduce(0.0) { $0 + $1.budget.reduce(0, +) } - f.moneySpent
            return (f, flags)
        }
        let (u, flags) = figures(fundings.map { ($0.project, $0.funder, $0.start) })
        XCTAssertEqual(fundings.map(\.duplicate), flags, "\(label): duplicate flags", file: file, line: line)
        let writtenU = try Figures((json["unintegrated"] as? [String: Any])?["figures"])
        XCTAssertTrue(writtenU.isClose(to: u), "\(label): un-integrated \(writtenU), recomputed \(u)", file: file, line: line)

        // The integrated side.
        let side = try XCTUnwrap(json["integrated"] as? [String: Any], label)
        let status = try XCTUnwrap(side["status"] as? String, label)
        var writtenI: Figures?
        if ["optimal", "feasible"].contains(status) {
            XCTAssertEqual(DecisionChecker.violations(of: integrated, in: s), [], label, file: file, line: line)
            let list = integrated.assignments.enumerated().compactMap { p, a in a.map { (project: p, funder: $0.funder, start: $0.start) } }
            let (i, _) = figures(list)
            XCTAssertEqual(i.duplicateProjects, 0, label, file: file, line: line)
            let objective = try XCTUnwrap(ResultFile.number(side["objective"]), label)
            XCTAssertTrue(Self.close(objective, i.value), "\(label): objective \(objective), recomputed \(i.value)", file: file, line: line)
            let written = try Figures(side["figures"])
            XCTAssertTrue(written.isClose(to: i), "\(label): integrated \(written), recomputed \(i)", file: file, line: line)
            let difference = try Figures(json["difference"])
            let expected = Figures(
                value: i.value - u.value, projectsFunded: i.projectsFunded - u.projectsFunded, moneySpent: i.moneySpent - u.moneySpent,
                duplicateProjects: i.duplicateProjects - u.duplicateProjects, duplicateMoney: i.duplicateMoney - u.duplicateMoney,
                unspentBudget: i.unspentBudget - u.unspentBudget)
            XCTAssertTrue(difference.isClose(to: expected), "\(label): difference \(difference), expected \(expected)", file: file, line: line)
            writtenI = written
        } else {
            XCTAssertTrue(ResultFile.isNull(side["figures"]) && ResultFile.isNull(json["difference"]), label, file: file, line: line)
            XCTAssertTrue(integrated.assignments.allSatisfy { $0 == nil }, label, file: file, line: line)
        }
        let onlyI = s.projects.indices.filter { integrated.assignments[$0] != nil && unintegrated.assignments[$0] == nil }.map { s.projects[$0].id }
        let onlyU = s.projects.indices.filter { integrated.assignments[$0] == nil && unintegrated.assignments[$0] != nil }.map { s.projects[$0].id }
        for (key, ids) in [("fundedOnlyByIntegrated", onlyI), ("fundedOnlyByUnintegrated", onlyU)] {
            let list = try XCTUnwrap(json[key] as? [String: Any], "\(label): \(key)")
            XCTAssertEqual(list["projects"] as? [String], ids, "\(label): \(key)", file: file, line: line)
            XCTAssertEqual(ResultFile.number(list["count"]), Double(ids.count), "\(label): \(key)", file: file, line: line)
        }
        func funders(_ d: Decision) -> [String: String] {
            var map: [String: String] = [:]
            for (p, a) in d.assignments.enumerated() { if let a { map[s.projects[p].id] = s.funders[a.funder].id } }
            return map
        }
        return Checked(json: json, unintegrated: writtenU, integrated: writtenI,
                       unintegratedFunder: funders(unintegrated), integratedFunder: funders(integrated))
    }

    /// The cells of the table row starting with `label`.
    private func row(_ label: String, in stdout: String) -> [String]? {
        guard let line = stdout.split(separator: "\n").first(where: { $0.hasPrefix("  " + label + "  ") }) else { return nil }
        return line.dropFirst(2 + label.count).split(separator: " ").map(String.init)
    }

    // MARK: Hand-worked scenarios

    /// The guideline example: the LAO funds P1, P2, P4 by priority (P3 does not
    /// fit after P1 and P2; P5 is the fourth request, over maxProjects 3), the
    /// district takes P3 and P5, the community P6. This is also the integrated
    /// optimum (GuidelineExampleTests), so both columns agree: value 38.988.
    func testGuidelineExampleBothColumnsAgree() throws {
        let dir = try directory()
        let output = dir.appendingPathComponent("compare.json")
        let path = "scenarios/guideline-example.json"
        let run = try CommandRunner.run(["compare", path, "--output", output.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
        let s = try scenario(at: path)
        XCTAssertTrue(run.stdout.hasPrefix(s.name + "\n"), run.stdout)
        let checked = try check(output, against: s, "guideline")
        let expected = Figures(value: 38.988, projectsFunded: 6, moneySpent: 1_500_000, duplicateProjects: 0, duplicateMoney: 0, unspentBudget: 1_560_000)
        XCTAssertTrue(checked.unintegrated.isClose(to: expected), "\(checked.unintegrated)")
        XCTAssertTrue(try XCTUnwrap(checked.integrated).isClose(to: expected))
        let funders = ["P1": "LAO-KK-01-03", "P2": "LAO-KK-01-03", "P3": "DIST-KK-01", "P4": "LAO-KK-01-03", "P5": "DIST-KK-01", "P6": "COM-KK-01-03-05"]
        XCTAssertEqual(checked.unintegratedFunder, funders)
        XCTAssertEqual(checked.integratedFunder, funders)
        XCTAssertEqual(row("value", in: run.stdout), ["38.988", "38.988", "0.000"])
        XCTAssertEqual(row("unspent budget (baht)", in: run.stdout), ["1,560,000", "1,560,000", "0"])
        XCTAssertTrue(run.stdout.contains("left unfunded by the un-integrated process: 0 projects"), run.stdout)
    }

    /// The same canal in the village plan (V, 200,000, priority 8) and the LAO
    /// plan (L, 250,000, priority 7). Un-integrated: the LAO (300,000) funds V
    /// and R and passes over L (its own group); the district funds L: 250,000
    /// baht on a duplicate, value 8 + 3 + 7 × 0.999 = 17.993. Integrated: V and
    /// R at the LAO, value 11, nothing spent twice.
    static let duplicateCanal = """
        {"format": "allocate/1", "name": "คลองซ้ำ (duplicate canal)", "policy": {"mipGap": 0},
         "areas": [{"id": "KK"}, {"id": "KK-01", "parent": "KK"}, {"id": "KK-01-03", "parent": "KK-01"},
                   {"id": "KK-01-03-05", "parent": "KK-01-03"}],
         "strategies": [{"id": "S1"}],
         "funders": [
           {"id": "LAO", "level": "lao", "area": "KK-01-03", "budget": 300000},
           {"id": "DIST", "level": "district", "area": "KK-01", "budget": 1000000}],
         "projects": [
           {"id": "V", "name": "ขุดลอกคลอง (แผนหมู่บ้าน)", "area": "KK-01-03-05", "cost": 200000, "priority": 8, "strategies": ["S1"], "overlaps": ["canal"]},
           {"id": "L", "name": "ขุดลอกคลอง (แผน อปท.)", "area": "KK-01-03", "cost": 250000, "priority": 7, "strategies": ["S1"], "overlaps": ["canal"]},
           {"id": "R", "area": "KK-01-03-05", "cost": 100000, "priority": 3, "strategies": ["S1"]}]}
        """

    func testDuplicateCanalIsFundedTwiceOnlyWithoutIntegration() throws {
        let dir = try directory()
        let input = try write(Self.duplicateCanal, to: "canal.json", in: dir)
        let output = dir.appendingPathComponent("compare.json")
        let run = try CommandRunner.run(["compare", input.path, "-o", output.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let checked = try check(output, against: try ScenarioReader.read(contentsOf: input.path), "canal")
        XCTAssertTrue(checked.unintegrated.isClose(to: Figures(
            value: 17.993, projectsFunded: 3, moneySpent: 550_000, duplicateProjects: 1, duplicateMoney: 250_000, unspentBudget: 750_000)),
            "\(checked.unintegrated)")
        XCTAssertTrue(try XCTUnwrap(checked.integrated).isClose(to: Figures(
            value: 11, projectsFunded: 2, moneySpent: 300_000, duplicateProjects: 0, duplicateMoney: 0, unspentBudget: 1_000_000)))
        XCTAssertEqual(checked.unintegratedFunder, ["V": "LAO", "L": "DIST", "R": "LAO"])
        XCTAssertEqual(checked.integratedFunder, ["V": "LAO", "R": "LAO"])
        XCTAssertEqual(row("money on duplicates (baht)", in: run.stdout), ["250,000", "0", "-250,000"])
        XCTAssertEqual(row("value", in: run.stdout), ["17.993", "11.000", "-6.993"])
        XCTAssertEqual(row("unspent budget (baht)", in: run.stdout), ["750,000", "1,000,000", "+250,000"])
        XCTAssertTrue(run.stdout.contains("left unfunded by the integrated plan: 1 project\n  L  ขุดลอกคลอง (แผน อปท.)\n"), run.stdout)
    }

    // MARK: Real and generated scenarios

    /// Chon Buri 2565 with a 10 s limit: every figure recomputed from the file.
    func testChonBuriFiguresAreConsistent() throws {
        let dir = try directory()
        let output = dir.appendingPathComponent("compare.json")
        let path = "scenarios/chon-buri-2565.json"
        let run = try CommandRunner.run(["compare", path, "--time-limit", "10", "--output", output.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let checked = try check(output, against: try scenario(at: path), "chon buri")
        let integrated = try XCTUnwrap(checked.json["integrated"] as? [String: Any])
        XCTAssertEqual(ResultFile.number(integrated["timeLimit"]), 10)
        XCTAssertGreaterThan(checked.unintegrated.projectsFunded, 0)
    }

    /// A generated province, whose plans propose duplicates: the un-integrated
    /// process spends money on some of them, the integrated decision on none.
    func testGeneratedScenarioSpendsOnDuplicatesOnlyWithoutIntegration() throws {
        let dir = try directory()
        let input = dir.appendingPathComponent("generated.json")
        let generate = try CommandRunner.run(["generate", "--projects", "600", "--seed", "11", "-o", input.path])
        XCTAssertEqual(generate.status, 0, generate.stderr)
        let output = dir.appendingPathComponent("compare.json")
        let run = try CommandRunner.run(["compare", input.path, "--time-limit", "5", "--gap", "0.01", "--output", output.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let checked = try check(output, against: try scenario(at: input.path), "generated")
        XCTAssertGreaterThan(checked.unintegrated.duplicateMoney, 0)
        XCTAssertEqual(checked.integrated?.duplicateMoney, 0)
        let integrated = try XCTUnwrap(checked.json["integrated"] as? [String: Any])
        XCTAssertEqual(ResultFile.number(integrated["mipGap"]), 0.01)
        XCTAssertEqual(ResultFile.number(integrated["timeLimit"]), 5)
    }

    /// Same scenario, same bytes and the same terminal text.
    func testSameScenarioGivesIdenticalBytes() throws {
        let dir = try directory()
        let input = try write(Self.duplicateCanal, to: "canal.json", in: dir)
        var outputs: [Data] = []
        var stdouts: [String] = []
        for k in 1 ... 2 {
            let output = dir.appendingPathComponent("compare-\(k).json")
            let run = try CommandRunner.run(["compare", input.path, "--output", output.path])
            XCTAssertEqual(run.status, 0, run.stderr)
            outputs.append(try Data(contentsOf: output))
            stdouts.append(run.stdout)
        }
        XCTAssertEqual(outputs[0], outputs[1])
        XCTAssertEqual(stdouts[0], stdouts[1])
    }

    // MARK: Failures

    /// Integrated infeasible (mandatory BIG over every budget): exit 1, the
    /// un-integrated column is still shown, the integrated one is "-".
    func testInfeasibleScenarioShowsOnlyTheUnintegratedColumn() throws {
        let dir = try directory()
        let input = try write(SolveCommandTests.mandatoryOverEveryBudget, to: "infeasible.json", in: dir)
        let output = dir.appendingPathComponent("compare.json")
        let run = try CommandRunner.run(["compare", input.path, "--output", output.path])
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        XCTAssertEqual(row("projects funded", in: run.stdout), ["1", "-", "-"])
        XCTAssertTrue(run.stdout.contains("infeasible"), run.stdout)
        let checked = try check(output, against: try ScenarioReader.read(contentsOf: input.path), "infeasible")
        XCTAssertNil(checked.integrated)
        XCTAssertEqual(checked.unintegratedFunder, ["SMALL": "LAO"])
    }

    func testBadScenarioIsRejectedAndNothingIsWritten() throws {
        let dir = try directory()
        let input = try write(#"{"format": "allocate/1", "name": "x", "areas": [], "funders": [], "projects": [], "budget": 5}"#, to: "bad.json", in: dir)
        let output = dir.appendingPathComponent("compare.json")
        let run = try CommandRunner.run(["compare", input.path, "--output", output.path])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("budget"), run.stderr)
        XCTAssertEqual(run.stdout, "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
    }

    func testInvalidFlagsAndUnwritableOutput() throws {
        let dir = try directory()
        let output = dir.appendingPathComponent("compare.json")
        for (flag, value) in [("--gap", "1"), ("--gap", "-0.1"), ("--time-limit", "0"), ("--time-limit", "inf")] {
            let run = try CommandRunner.run(["compare", "scenarios/guideline-example.json", flag, value, "--output", output.path])
            XCTAssertFalse([0, 1].contains(run.status), "\(flag) \(value): exit \(run.status)")
            XCTAssertTrue(run.stderr.contains(flag), "\(flag) \(value): \(run.stderr)")
            XCTAssertEqual(run.stdout, "")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
        let blocker = dir.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: blocker)
        let missing = blocker.appendingPathComponent("compare.json")
        let run = try CommandRunner.run(["compare", "scenarios/guideline-example.json", "--output", missing.path])
        XCTAssertEqual(run.status, 3, run.stderr)
        XCTAssertTrue(run.stderr.contains(missing.path), run.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["a-file"])
    }
}
