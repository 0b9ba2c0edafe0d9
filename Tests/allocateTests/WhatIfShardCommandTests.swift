import Allocator
import Foundation
import XCTest

/// `allocate whatif --shard I/N` and `allocate whatif merge`: every shard
/// says which it is, the merged shards are byte for byte the whole batch
/// (small scenarios whose solves end by themselves, `--no-timings`), for
/// several splits, one with a shard that has no variation; every kind of
/// wrong set of shards is refused with its place, exit 2, nothing written;
/// bad `--shard` values are usage errors like the command's other flags.
final class WhatIfShardCommandTests: XCTestCase {
    static let guideline = "scenarios/guideline-example.json"
    static let csvExample = "scenarios/csv-example.json"

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

    /// Every file under `dir`, by path relative to it, with its bytes.
    private func files(_ dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: dir.path))
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: dir.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { out[path] = try Data(contentsOf: dir.appendingPathComponent(path)) }
        }
        return out
    }

    /// Five variations of the guideline example (one infeasible-free, all ending by themselves).
    private func guidelineVariations(in dir: URL) throws -> URL {
        try write("""
            {"format": "allocate-whatif/1",
             "variations": [
               {"name": "lao-cut", "changes": ["level:lao.budget*=0.9"]},
               {"name": "district-cut", "description": "ตัดงบอำเภอเหลือหนึ่งในสิบ", "changes": ["funder:DIST-KK-01.budget*=0.1"]},
               {"name": "p5-out", "changes": ["project:P5.exclude=true"]},
               {"name": "lao-plus", "changes": ["level:lao.budget=+200000"]},
               {"name": "both", "changes": ["funder:DIST-KK-01.budget*=0.1", "level:lao.budget=+200,000"]}
             ]}
            """, to: "guideline-variations.json", in: dir)
    }

    private func csvExampleVariations(in dir: URL) throws -> URL {
        try write("""
            {"format": "allocate-whatif/1",
             "variations": [
               {"name": "province-cut", "changes": ["level:province.budget*=0.5"]},
               {"name": "rid-plus", "changes": ["funder:RID.budget=+1,000,000"]},
               {"name": "water-30", "changes": ["strategy:S1.minShare=0.3"]},
               {"name": "lao-03-limit", "changes": ["funder:LAO-03.maxProjects=2"]}
             ]}
            """, to: "csv-variations.json", in: dir)
    }

    /// The whole batch, then each split into shards merged back: the printed
    /// comparison, --csv, --json and every file of --output are the same bytes.
    func testMergedShardsAreTheWholeBatchByteForByte() throws {
        let dir = try directory()
        let requests: [(scenario: String, arguments: [String], splits: [Int])] = [
            (Self.guideline, ["--variations", try guidelineVariations(in: dir).path, "--set", "project:P1.priority=1", "--name", "p1-low"], [1, 2, 3, 7]),
            (Self.csvExample, ["--variations", try csvExampleVariations(in: dir).path], [2, 4]),
        ]
        for (r, request) in requests.enumerated() {
            let whole = dir.appendingPathComponent("whole-\(r)")
            let wholeRun = try CommandRunner.run(["whatif", request.scenario] + request.arguments + [
                "--no-timings", "--output", whole.path, "--csv", whole.path + ".csv", "--json", whole.path + ".json",
            ])
            XCTAssertEqual(wholeRun.status, 0, wholeRun.stderr)
            let variations = request.scenario == Self.guideline ? 6 : 4
            for count in request.splits {
                var folders: [String] = []
                for number in 1 ... count {
                    let folder = dir.appendingPathComponent("r\(r)-n\(count)-s\(number)").path
                    // Some shards with timings, some without, one job or two: the merge gives the same bytes.
                    let extra = number % 2 == 0 ? ["--no-timings", "--jobs", "1"] : ["--jobs", "2"]
                    let run = try CommandRunner.run(["whatif", request.scenario] + request.arguments + extra + [
                        "--shard", "\(number)/\(count)", "--output", folder,
                    ])
                    XCTAssertEqual(run.status, 0, run.stderr)
                    let deal = Array(stride(from: number, through: variations, by: count))
                    XCTAssertTrue(run.stdout.contains(": what if, shard \(number) of \(count): \(deal.count) of \(variations) variations\n"), run.stdout)
                    let comparison = try CommandRunner.json(at: URL(fileURLWithPath: folder).appendingPathComponent("comparison.json"))
                    let shard = try XCTUnwrap(comparison["shard"] as? [String: Any])
                    XCTAssertEqual(shard["number"] as? Int, number)
                    XCTAssertEqual(shard["of"] as? Int, count)
                    XCTAssertEqual(shard["runs"] as? [Int], deal)
                    XCTAssertEqual((comparison["runs"] as? [[String: Any]])?.map { $0["index"] as? Int }, [0] + deal)
                    let requestJSON = try XCTUnwrap(shard["request"] as? [String: Any])
                    XCTAssertEqual(requestJSON["variations"] as? Int, variations)
                    XCTAssertTrue((requestJSON["scenario"] as? String ?? "").hasPrefix("sha256:"))
                    folders.append(folder)
                }
                let merged = dir.appendingPathComponent("merged-\(r)-\(count)")
                let merge = try CommandRunner.run(["whatif", "merge", "--scenario", request.scenario] + folders.reversed() + [
                    "--no-timings", "--output", merged.path, "--csv", merged.path + ".csv", "--json", merged.path + ".json",
                ])
                XCTAssertEqual(merge.status, 0, merge.stderr)
                XCTAssertEqual(merge.stderr, "")
                XCTAssertEqual(merge.stdout, wholeRun.stdout, "\(request.scenario), \(count) shards: the printed comparison")
                XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: merged.path + ".csv")), try Data(contentsOf: URL(fileURLWithPath: whole.path + ".csv")))
                XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: merged.path + ".json")), try Data(contentsOf: URL(fileURLWithPath: whole.path + ".json")))
                let wholeFiles = try files(whole)
                let mergedFiles = try files(merged)
                XCTAssertEqual(mergedFiles.keys.sorted(), wholeFiles.keys.sorted(), "\(request.scenario), \(count) shards: the files")
                for (path, bytes) in wholeFiles {
                    XCTAssertTrue(mergedFiles[path] == bytes, "\(request.scenario), \(count) shards: \(path) differs")
                }
            }
        }
    }

    /// With timings: the merged comparison says how many shards and keeps each run's times.
    func testAMergeWithTimings() throws {
        let dir = try directory()
        let variations = try guidelineVariations(in: dir)
        var folders: [String] = []
        for number in 1 ... 2 {
            let folder = dir.appendingPathComponent("s\(number)").path
            XCTAssertEqual(try CommandRunner.run(["whatif", Self.guideline, "--variations", variations.path, "--shard", "\(number)/2", "--output", folder]).status, 0)
            folders.append(folder)
        }
        let json = dir.appendingPathComponent("merged.json")
        let merge = try CommandRunner.run(["whatif", "merge", "--scenario", Self.guideline] + folders + ["--json", json.path])
        XCTAssertEqual(merge.status, 0, merge.stderr)
        XCTAssertTrue(merge.stdout.contains("\nSolved on 2 shards: the base in up to "), merge.stdout)
        let comparison = try CommandRunner.json(at: json)
        XCTAssertNil(comparison["shard"], "the merged comparison is the whole batch's")
        let timings = try XCTUnwrap(comparison["timings"] as? [String: Any])
        XCTAssertEqual(timings["shards"] as? Int, 2)
        let runs = try XCTUnwrap(comparison["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.map { $0["index"] as? Int }, [0, 1, 2, 3, 4, 5])
        for (k, run) in runs.enumerated().dropFirst() {
            let shard = URL(fileURLWithPath: folders[(k - 1) % 2]).appendingPathComponent("comparison.json")
            let entry = try XCTUnwrap((try CommandRunner.json(at: shard)["runs"] as? [[String: Any]])?.first { $0["index"] as? Int == k })
            XCTAssertEqual((run["timings"] as? [String: Any])?["total"] as? Double, (entry["timings"] as? [String: Any])?["total"] as? Double)
        }
    }

    /// Every wrong set of shards: each problem with its place, exit 2, nothing written.
    func testMergeRefusesWrongShardsAndWritesNothing() throws {
        let dir = try directory()
        let variations = try guidelineVariations(in: dir)
        func shard(_ number: Int, of count: Int, _ name: String, _ extra: [String] = [], scenario: String = Self.guideline) throws -> String {
            let folder = dir.appendingPathComponent(name).path
            let run = try CommandRunner.run(["whatif", scenario, "--variations", variations.path, "--shard", "\(number)/\(count)", "--output", folder] + extra)
            XCTAssertEqual(run.status, 0, run.stderr)
            return folder
        }
        let s1 = try shard(1, of: 3, "s1")
        let s2 = try shard(2, of: 3, "s2")
        let s3 = try shard(3, of: 3, "s3")
        let out = dir.appendingPathComponent("out")
        let csv = dir.appendingPathComponent("out.csv")
        func refused(_ folders: [String], _ expected: [String], scenario: String = Self.guideline, _ extra: [String] = ["--no-timings"],
                     file: StaticString = #filePath, line: UInt = #line) throws {
            let run = try CommandRunner.run(["whatif", "merge", "--scenario", scenario] + folders + extra + ["--output", out.path, "--csv", csv.path])
            XCTAssertEqual(run.status, 2, run.stderr, file: file, line: line)
            XCTAssertEqual(run.stdout, "", file: file, line: line)
            let lines = run.stderr.split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.first, "allocate: the shards cannot be merged: \(expected.count) problem\(expected.count == 1 ? "" : "s")", run.stderr, file: file, line: line)
            XCTAssertEqual(Array(lines.dropFirst()), expected.map { "  " + $0 }, file: file, line: line)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing written", file: file, line: line)
            XCTAssertFalse(FileManager.default.fileExists(atPath: csv.path), "nothing written", file: file, line: line)
        }
        try refused([s3, s1], ["shard 2 of 3 is missing (it solves variations 2, 5)"])
        try refused([s1, s2, s3, s1], ["shard 1 of 3 is given twice: \(s1), \(s1)"])
        // A hand-edited shard with a count no run can have: refused, not a crash.
        let edited1 = dir.appendingPathComponent("edited1")
        try FileManager.default.copyItem(atPath: s1, toPath: edited1.path)
        let comparison = edited1.appendingPathComponent("comparison.json")
        let text = try String(contentsOf: comparison, encoding: .utf8)
        let range = try XCTUnwrap(text.range(of: #""funded": [0-9]+"#, options: .regularExpression))
        try text.replacingCharacters(in: range, with: #""funded": 1e20"#).write(to: comparison, atomically: true, encoding: .utf8)
        let badRun = try CommandRunner.run(["whatif", "merge", "--scenario", Self.guideline, edited1.path, s2, s3, "--output", out.path])
        XCTAssertEqual(badRun.status, 2, badRun.stderr)
        XCTAssertTrue(badRun.stderr.contains("funded") && badRun.stderr.contains("expected a whole number, found 1e+20")
            || badRun.stderr.contains("expected a whole number, found 1e20"), badRun.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing written")
        // A split into very many shards (a typo): twelve missing shards named, the rest counted.
        let many = try shard(1, of: 100_000, "many")
        try refused([many], (2 ... 13).map { n in
            "shard \(n) of 100000 is missing (" + (n <= 5 ? "it solves variation \(n))" : "it solves no variation, only the base)")
        } + ["and 99987 more shards of 100000 are missing"])
        try refused([s1, s2, s3, try shard(2, of: 2, "t2")], [
            "the folders are shards of different splits (\(s1) is shard 1 of 3, \(s2) is shard 2 of 3, "
                + "\(dir.appendingPathComponent("t2").path) is shard 2 of 2, \(s3) is shard 3 of 3): the shards of one batch all have the same N",
        ])
        // Another scenario given: every shard says so, with both digests.
        let digest = "sha256:" + (try Self.sha256(CommandRunner.root.appendingPathComponent(Self.guideline)))
        var edited = try String(contentsOf: CommandRunner.root.appendingPathComponent(Self.guideline), encoding: .utf8)
        edited += "\n"
        let copy = try write(edited, to: "guideline-copy.json", in: dir)
        let copyDigest = "sha256:" + (try Self.sha256(copy))
        try refused([s1, s2, s3], [s1, s2, s3].map {
            "\($0)/comparison.json, shard.request.scenario: the shard was solved on another scenario file (\(digest)) than the one given, \(copy.path) (\(copyDigest))"
        }, scenario: copy.path)
        // Another variation list, other limits.
        let other = try shard(2, of: 3, "other", ["--set", "project:P2.priority=1"])
        let otherList = try XCTUnwrap(try Self.request(other)["variationList"] as? String)
        let list = try XCTUnwrap(try Self.request(s1)["variationList"] as? String)
        try refused([s1, other, s3], [
            "\(other)/comparison.json, shard.request: the shard was solved with another variation list (6 variations, \(otherList)) "
                + "than \(s1) (5 variations, \(list)): the variations file or the --set changes differ",
        ])
        let limits = try shard(3, of: 3, "limits", ["--time-limit", "30"])
        try refused([s1, s2, limits], [
            "\(limits)/comparison.json, shard.request: the shard was solved with --gap not given, --time-limit 30, \(s1) with --gap not given, --time-limit not given: every shard must be given the same",
        ])
        // Not a shard's folder; a folder without a comparison.
        let whole = dir.appendingPathComponent("whole").path
        XCTAssertEqual(try CommandRunner.run(["whatif", Self.guideline, "--variations", variations.path, "--output", whole]).status, 0)
        let empty = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try refused([s1, whole, empty.path, s2, s3], [
            "\(whole)/comparison.json, $ (line 1): has no \"shard\": it is the comparison of a whole batch, not of one shard (allocate whatif --shard I/N)",
            "\(empty.path)/comparison.json: cannot read it: No such file or directory (give the --output folders of allocate whatif --shard)",
        ])
        // A shard solved with --no-timings, merged with timings.
        let untimed = try shard(2, of: 3, "untimed", ["--no-timings"])
        try refused([s1, untimed, s3], [
            "\(untimed)/comparison.json: the shard was solved with --no-timings, so its times are not known: merge with --no-timings",
        ], [])
    }

    /// The base: shards whose base decisions or objectives differ were compared
    /// with different bases and are refused, unless --best-base, which compares
    /// every variation with the best base; shards whose base differs only in
    /// how the solve ended are merged, with a note, keeping shard 1's base.
    func testMergeChecksTheShardsSolvedTheSameBase() throws {
        let dir = try directory()
        let variations = try guidelineVariations(in: dir)
        var folders: [URL] = []
        for number in 1 ... 2 {
            let folder = dir.appendingPathComponent("s\(number)")
            XCTAssertEqual(try CommandRunner.run(["whatif", Self.guideline, "--variations", variations.path, "--shard", "\(number)/2", "--output", folder.path, "--no-timings"]).status, 0)
            folders.append(folder)
        }
        /// Replaces `old` by `new` in shard 2's base entry (comparison.json) and base/result.json alike.
        func edit(_ old: String, _ new: String) throws {
            for file in ["comparison.json", "base/result.json"] {
                let url = folders[1].appendingPathComponent(file)
                let text = try String(contentsOf: url, encoding: .utf8)
                XCTAssertNotNil(text.range(of: old), "\(file) has \(old)")
                try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
            }
        }
        let base = try ResultFile(folders[1].appendingPathComponent("base/result.json"))
        let bound = try XCTUnwrap(base.bound)
        // Only the bound differs: a note, and the merge is made with shard 1's base.
        try edit("\"bound\": \(bound)", "\"bound\": 39.5")
        let out = dir.appendingPathComponent("out")
        let noted = try CommandRunner.run(["whatif", "merge", "--scenario", Self.guideline, folders[0].path, folders[1].path, "--no-timings", "--output", out.path])
        XCTAssertEqual(noted.status, 0, noted.stderr)
        XCTAssertTrue(noted.stderr.hasPrefix("allocate: note: the shards' base results differ only in how the solve ended (shard 1 (\(folders[0].path)): optimal, termination "), noted.stderr)
        XCTAssertTrue(noted.stderr.contains("shard 2 (\(folders[1].path)): optimal, termination ") && noted.stderr.contains(", bound 39.5"), noted.stderr)
        XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("base/result.json")), try Data(contentsOf: folders[0].appendingPathComponent("base/result.json")))
        // The objective differs too: refused.
        try edit("\"objective\": 38.988,", "\"objective\": 38.5,")
        let out2 = dir.appendingPathComponent("out2")
        let refused = try CommandRunner.run(["whatif", "merge", "--scenario", Self.guideline, folders[0].path, folders[1].path, "--no-timings", "--output", out2.path])
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertEqual(refused.stdout, "")
        XCTAssertTrue(refused.stderr.contains("allocate: the shards cannot be merged: 1 problem\n  the shards solved the base differently, so their variations were compared with different bases (shard 1 ("), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("objective 38.5, bound 39.5): merge with --best-base to compare every variation with the best of these bases, "
            + "or solve the shards again with a base that ends the same way everywhere (docs/whatif.md, Sharding)\n"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out2.path))
        // The decision differs (shard 2 funds P5 at the LAO) and shard 2's objective is the higher: refused,
        // naming how many projects differ; with --best-base every variation is compared with shard 2's base.
        let result = folders[1].appendingPathComponent("base/result.json")
        let text = try String(contentsOf: result, encoding: .utf8)
        let p5 = try XCTUnwrap(text.split(separator: "\n").first { $0.contains("\"id\": \"P5\"") })
        try Data(text.replacingOccurrences(of: String(p5), with: String(p5).replacingOccurrences(of: "DIST-KK-01", with: "LAO-KK-01-03")
            .replacingOccurrences(of: "\"district\"", with: "\"lao\"")).utf8).write(to: result)
        try edit("\"objective\": 38.5,", "\"objective\": 39,")
        let moved = try CommandRunner.run(["whatif", "merge", "--scenario", Self.guideline, folders[0].path, folders[1].path, "--no-timings"])
        XCTAssertEqual(moved.status, 2, moved.stderr)
        XCTAssertTrue(moved.stderr.contains("objective 39, bound 39.5; up to 1 project decided differently from shard 1's): merge with --best-base"), moved.stderr)
        let best = dir.appendingPathComponent("best")
        let merged = try CommandRunner.run(["whatif", "merge", "--scenario", Self.guideline, folders[0].path, folders[1].path, "--no-timings", "--best-base", "--output", best.path])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertTrue(merged.stderr.hasPrefix("allocate: note: the shards solved the base differently (shard 1 ("), merged.stderr)
        XCTAssertTrue(merged.stderr.hasSuffix("as --best-base asks, every variation is compared with shard 2's base, the best, and its base/result.json is kept\n"), merged.stderr)
        XCTAssertEqual(try Data(contentsOf: best.appendingPathComponent("base/result.json")), try Data(contentsOf: result))
        // Every variation, from either shard, against shard 2's base: the changes recomputed from the result files.
        let scenario = try ScenarioReader.read(contentsOf: CommandRunner.root.appendingPathComponent(Self.guideline).path)
        let baseDecision = try ResultFile(result).decision(for: scenario).assignments
        let comparison = try CommandRunner.json(at: best.appendingPathComponent("comparison.json"))
        let runs = try XCTUnwrap(comparison["runs"] as? [[String: Any]])
        XCTAssertEqual(ResultFile.number(runs[0]["objective"]), 39)
        for run in runs.dropFirst() {
            let name = try XCTUnwrap(run["name"] as? String)
            let file = try ResultFile(best.appendingPathComponent("\(name)/result.json"))
            let decision = try file.decision(for: try ScenarioReader.read(contentsOf: best.appendingPathComponent("\(name)/scenario.json").path)).assignments
            func ids(_ key: String) -> [String] { (run[key] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
            var expected: [String: [String]] = ["moved": [], "dropped": [], "newlyFunded": []]
            for (p, project) in scenario.projects.enumerated() {
                let (before, after) = (baseDecision[p], decision[p])
                if before != nil, after != nil, before != after { expected["moved"]!.append(project.id) }
                if before != nil, after == nil { expected["dropped"]!.append(project.id) }
                if before == nil, after != nil { expected["newlyFunded"]!.append(project.id) }
            }
            for key in ["moved", "dropped", "newlyFunded"] { XCTAssertEqual(ids(key), expected[key], "\(name) \(key)") }
            XCTAssertEqual(ResultFile.number(run["objectiveChange"]) ?? .nan, (file.objective ?? .nan) - 39, accuracy: 1e-9, name)
        }
    }

    /// A run's files gone or not its entry's: named, exit 2.
    func testMergeChecksEveryRunsFiles() throws {
        let dir = try directory()
        let variations = try guidelineVariations(in: dir)
        var folders: [URL] = []
        for number in 1 ... 2 {
            let folder = dir.appendingPathComponent("s\(number)")
            XCTAssertEqual(try CommandRunner.run(["whatif", Self.guideline, "--variations", variations.path, "--shard", "\(number)/2", "--output", folder.path]).status, 0)
            folders.append(folder)
        }
        try FileManager.default.removeItem(at: folders[1].appendingPathComponent("district-cut/scenario.json"))
        let result = folders[0].appendingPathComponent("p5-out/result.json")
        let text = try String(contentsOf: result, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"status\": \"optimal\"", with: "\"status\": \"feasible\"").utf8).write(to: result)
        let run = try CommandRunner.run(["whatif", "merge", "--scenario", Self.guideline, folders[0].path, folders[1].path, "--no-timings"])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertEqual(run.stderr, """
            allocate: the shards cannot be merged: 2 problems
              \(folders[1].path)/district-cut/scenario.json, $: cannot read "\(folders[1].path)/district-cut/scenario.json": No such file or directory
              \(result.path): is not the result of its entry runs[2] in \(folders[0].path)/comparison.json: status feasible against optimal

            """)
    }

    func testUsageErrors() throws {
        for arguments in [
            ["whatif", Self.guideline, "--set", "level:lao.budget*=0.9", "--shard", "0/3", "--output", "x"],
            ["whatif", Self.guideline, "--set", "level:lao.budget*=0.9", "--shard", "4/3", "--output", "x"],
            ["whatif", Self.guideline, "--set", "level:lao.budget*=0.9", "--shard", "a/b", "--output", "x"],
            ["whatif", Self.guideline, "--set", "level:lao.budget*=0.9", "--shard", "1/2"],
            ["whatif", "merge", "--scenario", Self.guideline],
            ["whatif", "merge", "s1", "s2"],
            ["whatif", "merge", "--scenario", Self.guideline, "s1", "--jobs", "0"],
        ] {
            let run = try CommandRunner.run(arguments)
            XCTAssertEqual(run.status, 64, "\(arguments): \(run.stderr)")
            XCTAssertEqual(run.stdout, "")
        }
        let zero = try CommandRunner.run(["whatif", Self.guideline, "--set", "level:lao.budget*=0.9", "--shard", "0/3", "--output", "x"])
        XCTAssertTrue(zero.stderr.hasPrefix("Error: --shard \"0/3\": shards are numbered from 1 to 3; with a 0-based array index (Kubernetes' JOB_COMPLETION_INDEX), give the index + 1\n"), zero.stderr)
        let letters = try CommandRunner.run(["whatif", Self.guideline, "--set", "level:lao.budget*=0.9", "--shard", "a/b", "--output", "x"])
        XCTAssertTrue(letters.stderr.hasPrefix("Error: --shard \"a/b\": expected I/N, two whole numbers such as 2/16 (shard 2 of 16)\n"), letters.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: CommandRunner.root.appendingPathComponent("x").path))
    }

    /// The shard's request as its comparison.json writes it.
    static func request(_ folder: String) throws -> [String: Any] {
        let comparison = try CommandRunner.json(at: URL(fileURLWithPath: folder).appendingPathComponent("comparison.json"))
        return try XCTUnwrap((comparison["shard"] as? [String: Any])?["request"] as? [String: Any])
    }

    /// `sha256sum FILE`'s digits, from the system's tool (none of this package's code).
    static func sha256(_ url: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [url.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }
}
