import Allocator
import Foundation
import XCTest

/// `allocate whatif`: the guideline example's variation worked out by hand,
/// every file of `--output` checked (each result.json against its own
/// scenario.json with `DecisionChecker`, the changed projects recomputed from
/// the result files), the same bytes on every run and for any `--jobs`, every
/// kind of bad input with its place and nothing written, and the exit statuses.
final class WhatIfCommandTests: XCTestCase {
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

    private func contents(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    private func listing(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    static let guideline = "scenarios/guideline-example.json"

    /// The district keeps a tenth of its budget and the LAO gets 200,000 baht
    /// more: the LAO (at most 3 projects) now takes P3 (300,000) instead of P4
    /// (200,000), the district's 200,000 baht take P4, and P5 (150,000) is
    /// dropped. Objective: 9 + 8 + 7 (LAO) + 6 × 0.999 (district) + 4 (community) = 33.994.
    func testTheGuidelineExampleWithTwoChanges() throws {
        let dir = try directory()
        let out = dir.appendingPathComponent("out")
        let csv = dir.appendingPathComponent("table.csv")
        let json = dir.appendingPathComponent("table.json")
        let run = try CommandRunner.run([
            "whatif", Self.guideline, "--set", "funder:DIST-KK-01.budget*=0.1", "--set", "level:lao.budget=+200,000",
            "--name", "cuts", "--no-timings", "--output", out.path, "--csv", csv.path, "--json", json.path,
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines[0], "ตัวอย่างตามแนวทาง: ชุมชนบ้านหนองแวง (guideline example): what if, 1 variation")
        XCTAssertEqual(lines[1], "Base        optimal, proven gap 0.000% (target 0.000%)")
        XCTAssertTrue(lines.contains("  0  base       optimal     38.988           0.000%         6      1,500,000       1,560,000"), run.stdout)
        XCTAssertTrue(lines.contains("  1  cuts       optimal     33.994   -4.994  0.000%         5      1,350,000         110,000             0        1      2"), run.stdout)
        XCTAssertTrue(run.stdout.contains("""
              1  cuts: 0 newly funded, 1 dropped, 2 moved
                    project  name               decision
                 ─  ───────  ─────────────────  ─────────────────────────
                 >  P3       ขยายเขตประปาหมู่บ้าน  DIST-KK-01 → LAO-KK-01-03
                 >  P4       ติดตั้งไฟฟ้าส่องสว่าง    LAO-KK-01-03 → DIST-KK-01
                 -  P5       ฝึกอบรมอาชีพผู้สูงอายุ   was funded by DIST-KK-01
            """), run.stdout)
        XCTAssertFalse(run.stdout.contains("Solved the base"), "--no-timings leaves the times out")

        XCTAssertEqual(try listing(out), ["base", "changed-projects.csv", "comparison.csv", "comparison.json", "cuts"])
        XCTAssertEqual(try listing(out.appendingPathComponent("base")), ["result.json"])
        XCTAssertEqual(try listing(out.appendingPathComponent("cuts")), ["result.json", "scenario.json"])
        XCTAssertEqual(try contents(csv), try contents(out.appendingPathComponent("comparison.csv")))
        XCTAssertEqual(try contents(json), try contents(out.appendingPathComponent("comparison.json")))

        // The variation's scenario: the two changes and nothing else.
        let base = try ScenarioReader.read(contentsOf: CommandRunner.root.appendingPathComponent(Self.guideline).path)
        let changed = try ScenarioReader.read(contentsOf: out.appendingPathComponent("cuts/scenario.json").path)
        var expected = base
        expected.funders[1].budget = [1_200_000]
        expected.funders[2].budget = [200_000]
        XCTAssertEqual(changed, expected)

        // Each result.json holds against its own scenario.
        let baseFile = try ResultFile(out.appendingPathComponent("base/result.json"))
        let baseDecision = try XCTUnwrap(try baseFile.check(against: base, exitStatus: 0, timings: false, prices: false, "base"))
        let cutsFile = try ResultFile(out.appendingPathComponent("cuts/result.json"))
        let cutsDecision = try XCTUnwrap(try cutsFile.check(against: changed, exitStatus: 0, timings: false, prices: false, "cuts"))
        XCTAssertEqual(cutsFile.objective ?? 0, 33.994, accuracy: 1e-9)
        XCTAssertEqual(cutsDecision.assignments.map { $0.map { changed.funders[$0.funder].id } },
                       ["LAO-KK-01-03", "LAO-KK-01-03", "LAO-KK-01-03", "DIST-KK-01", nil, "COM-KK-01-03-05"])

        // comparison.json agrees with the result files, the changes recomputed from them.
        let comparison = try CommandRunner.json(at: json)
        XCTAssertEqual(comparison["format"] as? String, "allocate-whatif-comparison/1")
        XCTAssertNil(comparison["timings"])
        let runs = try XCTUnwrap(comparison["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.map { $0["name"] as? String }, ["base", "cuts"])
        XCTAssertEqual(runs.map { $0["index"] as? Int }, [0, 1])
        for (entry, file) in zip(runs, [baseFile, cutsFile]) {
            XCTAssertEqual(ResultFile.number(entry["objective"]), file.objective)
            XCTAssertEqual(entry["status"] as? String, file.status)
            XCTAssertNil(entry["timings"])
        }
        XCTAssertEqual(runs[1]["changes"] as? [String], ["funder:DIST-KK-01.budget*=0.1", "level:lao.budget=+200,000"])
        XCTAssertEqual(ResultFile.number(runs[1]["objectiveChange"]) ?? 0, 33.994 - 38.988, accuracy: 1e-9)
        func ids(_ key: String) -> [String] { (runs[1][key] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
        let projects = base.projects.map(\.id)
        let pairs = zip(baseDecision.assignments, cutsDecision.assignments)
        XCTAssertEqual(ids("newlyFunded"), zip(projects, pairs).filter { $1.0 == nil && $1.1 != nil }.map(\.0))
        XCTAssertEqual(ids("dropped"), zip(projects, pairs).filter { $1.0 != nil && $1.1 == nil }.map(\.0))
        XCTAssertEqual(ids("moved"), zip(projects, pairs).filter { $1.0 != nil && $1.1 != nil && $1.0 != $1.1 }.map(\.0))
        XCTAssertEqual(ids("moved"), ["P3", "P4"])
        let moved = try XCTUnwrap((runs[1]["moved"] as? [[String: Any]])?.first)
        XCTAssertEqual(moved["baseFunder"] as? String, "DIST-KK-01")
        XCTAssertEqual(moved["funder"] as? String, "LAO-KK-01-03")

        let table = try contents(csv)
        XCTAssertTrue(table.hasPrefix("\u{FEFF}index,variation,description,changes,status,termination,objective,objectiveChange,bound,gap,projectsFunded,moneyFunded,budget,unspentBudget,communityProjects,communityMoney,communityBudget,laoProjects,laoMoney,laoBudget,districtProjects,districtMoney,districtBudget,provinceProjects,provinceMoney,provinceBudget,newlyFunded,dropped,moved,newlyFundedProjects,droppedProjects,movedProjects\n"), table)
        XCTAssertTrue(table.contains("\n1,cuts,,\"funder:DIST-KK-01.budget*=0.1\nlevel:lao.budget=+200,000\",optimal,"), table)
        XCTAssertTrue(table.hasSuffix(",0,1,2,,P5,P3; P4\n"), table)
        XCTAssertEqual(try contents(out.appendingPathComponent("changed-projects.csv")), """
            \u{FEFF}index,variation,change,project,name,area,baseFunder,baseLevel,baseStart,baseCost,funder,level,start,cost
            1,cuts,moved,P3,ขยายเขตประปาหมู่บ้าน,KK-01-03-05,DIST-KK-01,district,1,300000,LAO-KK-01-03,lao,1,300000
            1,cuts,moved,P4,ติดตั้งไฟฟ้าส่องสว่าง,KK-01-03-05,LAO-KK-01-03,lao,1,200000,DIST-KK-01,district,1,200000
            1,cuts,dropped,P5,ฝึกอบรมอาชีพผู้สูงอายุ,KK-01-03-05,DIST-KK-01,district,1,150000,,,,

            """)
    }

    /// A variations file on the five-year plan (plan years, a forced project,
    /// a wider mandate): the same table, decisions, changed projects and
    /// variation scenarios on every run and for one or two jobs. Not the same
    /// bytes of every file: a warm-started solve that ends near the moment its
    /// bound proves the gap may report `termination` and a bound 1e-9 apart
    /// between runs, by timing inside the solver (docs/whatif.md).
    func testTheSameTableAndDecisionsOnEveryRunAndForAnyJobs() throws {
        let dir = try directory()
        let file = try write("""
            {"format": "allocate-whatif/1",
             "variations": [
               {"name": "lao-year-3-cut", "changes": ["funder:LAO-KK-05-02.budget[3]*=0.5"]},
               {"name": "rid-roads", "description": "RID may fund roads too", "changes": ["funder:MIN-RID.sectors+=roads", "funder:MIN-RID.budget=+1,000,000"]},
               {"name": "district-plus", "changes": ["area:KK-05.budget*=1.25", "policy.delayDiscount=0.1"]},
               {"name": "w4-out", "changes": ["project:W4.exclude=true"]}
             ]}
            """, to: "w.json", in: dir)
        var outputs: [String] = []
        var decisions: [[String]] = []
        for (k, jobs) in ["2", "2", "1"].enumerated() {
            let out = dir.appendingPathComponent("out\(k)")
            let run = try CommandRunner.run([
                "whatif", "scenarios/five-year-plan.json", "--variations", file.path, "--jobs", jobs, "--no-timings",
                "--output", out.path,
            ])
            XCTAssertEqual(run.status, 0, run.stderr)
            outputs.append(run.stdout)
            var lines = try contents(out.appendingPathComponent("changed-projects.csv")).split(separator: "\n").map(String.init)
            for name in ["base", "lao-year-3-cut", "rid-roads", "district-plus", "w4-out"] {
                lines += try contents(out.appendingPathComponent("\(name)/result.json")).split(separator: "\n")
                    .filter { $0.contains("\"funded\": ") || $0.contains("\"objective\": ") }.map(String.init)
                if name != "base" { lines.append(try contents(out.appendingPathComponent("\(name)/scenario.json"))) }
            }
            decisions.append(lines)
        }
        XCTAssertEqual(outputs[0], outputs[1])
        XCTAssertEqual(outputs[0], outputs[2])
        XCTAssertTrue(decisions[0] == decisions[1], "two runs: the same decisions")
        XCTAssertTrue(decisions[0] == decisions[2], "one job or two: the same decisions")
        XCTAssertTrue(outputs[0].contains("  2  rid-roads       funder:MIN-RID.sectors+=roads"), outputs[0])
        XCTAssertTrue(outputs[0].contains("RID may fund roads too"), outputs[0])
        XCTAssertTrue(outputs[0].contains("(year "), "moves name the start year when the horizon is above 1\n\(outputs[0])")
        // Every variation's result holds against its scenario.
        for name in ["lao-year-3-cut", "rid-roads", "district-plus", "w4-out"] {
            let folder = dir.appendingPathComponent("out0/\(name)")
            let scenario = try ScenarioReader.read(contentsOf: folder.appendingPathComponent("scenario.json").path)
            try ResultFile(folder.appendingPathComponent("result.json")).check(against: scenario, exitStatus: 0, timings: false, prices: false, name)
        }
        // With timings: a closing line and timings in the files.
        let timed = try CommandRunner.run(["whatif", "scenarios/five-year-plan.json", "--variations", file.path, "--json", dir.appendingPathComponent("t.json").path])
        XCTAssertEqual(timed.status, 0, timed.stderr)
        XCTAssertTrue(timed.stdout.contains("\nSolved the base in "), timed.stdout)
        XCTAssertNotNil(try CommandRunner.json(at: dir.appendingPathComponent("t.json"))["timings"])
    }

    /// Every kind of bad input: each problem on stderr with its place, exit 2, nothing written.
    func testBadRequestsAreRefusedWithTheirPlaceAndNothingIsWritten() throws {
        let dir = try directory()
        let out = dir.appendingPathComponent("out")
        let csv = dir.appendingPathComponent("t.csv")
        func refused(_ arguments: [String], _ expected: [String], file: StaticString = #filePath, line: UInt = #line) throws {
            let run = try CommandRunner.run(["whatif"] + arguments + ["--output", out.path, "--csv", csv.path])
            XCTAssertEqual(run.status, 2, run.stderr, file: file, line: line)
            XCTAssertEqual(run.stdout, "", file: file, line: line)
            let lines = run.stderr.split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.first, "allocate: the what-if request was rejected: \(expected.count) problem\(expected.count == 1 ? "" : "s")", file: file, line: line)
            XCTAssertEqual(Array(lines.dropFirst()), expected.map { "  " + $0 }, file: file, line: line)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing written", file: file, line: line)
            XCTAssertFalse(FileManager.default.fileExists(atPath: csv.path), "nothing written", file: file, line: line)
        }
        try refused([Self.guideline, "--set", "funder:DIST-KK-1.budget*=0.1", "--set", "level:lao.budgt=+200000"], [
            "--set \"level:lao.budgt=+200000\", column 11: unknown field \"budgt\" of a level; did you mean \"budget\"? (fields: budget, maxProjects, maxProjectCost, sectors)",
        ])
        try refused([Self.guideline, "--set", "funder:DIST-KK-1.budget*=0.1", "--set", "project:P9.exclude=true"], [
            "--set \"funder:DIST-KK-1.budget*=0.1\", column 8: unknown funder \"DIST-KK-1\"; did you mean \"DIST-KK-01\"?",
            "--set \"project:P9.exclude=true\", column 9: unknown project \"P9\"",
        ])
        try refused([Self.guideline, "--set", "funder:LAO-KK-01-03.budget-=2000000"], [
            "--set \"funder:LAO-KK-01-03.budget-=2000000\": makes the scenario invalid: funders[1].budget (funder \"LAO-KK-01-03\"): must be >= 0, found -1000000",
        ])
        let file = try write("""
            {"format": "allocate-whatif/1",
             "variations": [
               {"name": "ok", "changes": ["level:lao.budget*=0.9"]},
               {"name": "bad-id", "changes": [
                 "funder:LAO-KK-01-3.budget*=0.9"
               ]},
               {"name": "negative", "changes": ["level:district.budget*=0.5", "funder:DIST-KK-01.budget-=1500000"]},
               {"name": "year", "changes": ["level:lao.budget[2]*=0.5"]}
             ]}
            """, to: "w.json", in: dir)
        try refused([Self.guideline, "--variations", file.path, "--set", "project:P1.mandatory=true", "--name", "ok"], [
            "--name: the variations file already has a variation named \"ok\"; give the --set changes another --name",
        ])
        try refused([Self.guideline, "--variations", file.path], [
            "\(file.path), variations[1].changes[0] (line 5) \"funder:LAO-KK-01-3.budget*=0.9\", column 8: unknown funder \"LAO-KK-01-3\"; did you mean \"LAO-KK-01-03\"?",
            "\(file.path), variations[2].changes[1] (line 7) \"funder:DIST-KK-01.budget-=1500000\": makes the scenario invalid: funders[2].budget (funder \"DIST-KK-01\"): must be >= 0, found -500000",
            "\(file.path), variations[3].changes[0] (line 8) \"level:lao.budget[2]*=0.5\", column 18: the scenario has one plan year; leave out [2]",
        ])
        let broken = try write("{\"format\": \"allocate-whatif/1\",\n \"variations\": [\n  {\"name\": \"x\", \"changes\": [\"level:lao.budget*=0.9\",]}]}", to: "b.json", in: dir)
        try refused([Self.guideline, "--variations", broken.path], [
            "\(broken.path), variations[0].changes (line 3): a comma must not follow the last element (column 53)",
        ])
        try refused([Self.guideline, "--variations", dir.appendingPathComponent("missing.json").path], [
            "\(dir.appendingPathComponent("missing.json").path), $: cannot read the file: No such file or directory",
        ])
        // A rejected scenario is reported as `allocate SCENARIO` reports it.
        let run = try CommandRunner.run(["whatif", dir.appendingPathComponent("none.json").path, "--set", "level:lao.budget*=0.9"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.hasPrefix("allocate: \(dir.appendingPathComponent("none.json").path) was rejected: 1 problem"), run.stderr)
    }

    /// An output that cannot be written: exit 3, the reason on stderr, the table not printed.
    func testAnOutputThatCannotBeWrittenExitsThree() throws {
        let dir = try directory()
        try Data("x".utf8).write(to: dir.appendingPathComponent("a-file"))
        for option in ["--output", "--csv", "--json"] {
            let target = dir.appendingPathComponent("a-file/out").path
            let run = try CommandRunner.run(["whatif", Self.guideline, "--set", "level:lao.budget*=0.9", option, target])
            XCTAssertEqual(run.status, 3, "\(option): \(run.stderr)")
            XCTAssertTrue(run.stderr.hasPrefix("allocate: cannot write \(target)"), "\(option): \(run.stderr)")
            XCTAssertEqual(run.stdout, "", option)
        }
    }

    func testUsageErrors() throws {
        for arguments in [
            ["whatif", Self.guideline],
            ["whatif", Self.guideline, "--variations", "w.json", "--name", "x"],
            ["whatif", Self.guideline, "--set", "level:lao.budget*=0.9", "--jobs", "0"],
            ["whatif", Self.guideline, "--set", "level:lao.budget*=0.9", "--time-limit", "0"],
        ] {
            let run = try CommandRunner.run(arguments)
            XCTAssertEqual(run.status, 64, "\(arguments): \(run.stderr)")
            XCTAssertEqual(run.stdout, "")
        }
    }

    /// A base with no decision: exit 1, the comparison still printed and written.
    func testABaseWithoutADecisionExitsOne() throws {
        let dir = try directory()
        var text = try contents(CommandRunner.root.appendingPathComponent(Self.guideline))
        text = text.replacingOccurrences(of: "\"priority\": 9,", with: "\"priority\": 9, \"mandatory\": true, \"exclude\": true,")
        let scenario = try write(text, to: "s.json", in: dir)
        let json = dir.appendingPathComponent("c.json")
        let run = try CommandRunner.run(["whatif", scenario.path, "--set", "project:P1.exclude=false", "--no-timings", "--json", json.path])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stdout.contains("Base        infeasible: a mandatory project cannot be funded by any funder"), run.stdout)
        XCTAssertTrue(run.stdout.split(separator: "\n").contains {
            $0.hasPrefix("  1  command-line  optimal ") && $0.contains(" 38.988 ") && $0.hasSuffix(" 6        0      0")
        }, run.stdout)
        XCTAssertTrue(run.stdout.contains("  1  command-line: 6 newly funded, 0 dropped, 0 moved"), run.stdout)
        let runs = try XCTUnwrap(try CommandRunner.json(at: json)["runs"] as? [[String: Any]])
        XCTAssertTrue(ResultFile.isNull(runs[0]["objective"]))
        XCTAssertTrue(ResultFile.isNull(runs[1]["objectiveChange"]))
        XCTAssertTrue(ResultFile.isNull(runs[0]["fundedCost"]))
    }

    /// The shipped example on Chon Buri, with short limits: every variation
    /// solved, the water-share question infeasible, as docs/whatif.md says.
    func testTheChonBuriExample() throws {
        let run = try CommandRunner.run([
            "whatif", "scenarios/chon-buri-2565.json", "--variations", "scenarios/whatif/chon-buri-2565-variations.json",
            "--time-limit", "2", "--no-timings",
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains(": what if, 7 variations\n"), run.stdout)
        let rows = run.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.dropFirst(2).first?.isNumber == true }
        for name in ["province-cut-10", "lao-cut-5", "rid-builds-roads", "school-meals-first", "ban-bueng-plus-20", "stronger-subsidiarity"] {
            XCTAssertTrue(rows.contains { $0.contains(" \(name) ") && $0.contains("feasible") }, "\(name)\n\(run.stdout)")
        }
        XCTAssertTrue(rows.contains { $0.contains(" water-share-20 ") && $0.contains(" infeasible ") }, run.stdout)
    }
}
