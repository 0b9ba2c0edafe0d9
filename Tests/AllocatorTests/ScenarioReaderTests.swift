import XCTest
@testable import Allocator

final class ScenarioReaderTests: XCTestCase {
    // MARK: Helpers

    /// A small valid scenario, one entry per line, whose parts a test replaces.
    /// Line numbers: 1 `{`, 2 format, 3 name, then `top` lines, then each list
    /// opens on its own line with one entry per line.
    private func document(
        top: [String] = [],
        areas: [String] = [
            #"{"id": "KK", "kind": "province"}"#,
            #"{"id": "KK-01", "parent": "KK"}"#,
        ],
        strategies: [String]? = [#"{"id": "S1"}"#],
        funders: [String] = [
            #"{"id": "LAO-1", "level": "lao", "area": "KK-01", "budget": 1000}"#,
            #"{"id": "MIN", "level": "ministry", "budget": 5000}"#,
        ],
        projects: [String] = [#"{"id": "P1", "area": "KK-01", "cost": 100, "priority": 5, "strategies": ["S1"]}"#],
        policy: String? = nil
    ) -> String {
        var lines = ["{", #""format": "allocate/1","#, #""name": "test","#]
        lines += top.map { $0 + "," }
        func list(_ key: String, _ entries: [String]) {
            lines.append("\"\(key)\": [")
            for (i, entry) in entries.enumerated() {
                lines.append(entry + (i + 1 < entries.count ? "," : ""))
            }
            lines.append("],")
        }
        list("areas", areas)
        if let strategies { list("strategies", strategies) }
        list("funders", funders)
        list("projects", projects)
        if let policy { lines.append("\"policy\": \(policy),") }
        lines[lines.count - 1].removeLast()
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    private func read(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Scenario? {
        do {
            return try ScenarioReader.read(bytes: Array(text.utf8))
        } catch {
            XCTFail("unexpected problems:\n\(error)", file: file, line: line)
            return nil
        }
    }

    private func problems(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [ScenarioProblem] {
        problems(Array(text.utf8), file: file, line: line)
    }

    private func problems(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> [ScenarioProblem] {
        do {
            _ = try ScenarioReader.read(bytes: bytes)
            XCTFail("expected the scenario to be rejected", file: file, line: line)
            return []
        } catch {
            XCTAssertFalse(error.problems.isEmpty, file: file, line: line)
            return error.problems
        }
    }

    /// Asserts the document has exactly one problem, at `path`, whose message contains `message`.
    private func assertProblem(
        _ text: String, at path: String, _ message: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let found = problems(text, file: file, line: line)
        XCTAssertEqual(found.map(\.path), [path], "\(found)", file: file, line: line)
        XCTAssertTrue(found.first?.message.contains(message) ?? false,
                      "message \"\(found.first?.message ?? "")\" lacks \"\(message)\"", file: file, line: line)
    }

    private func project(_ members: String) -> [String] {
        [#"{"id": "P1", "area": "KK-01", "priority": 5, "strategies": ["S1"], "# + members + "}"]
    }

    // MARK: Valid scenarios

    func testMinimalScenarioReadsWithDefaults() throws {
        let s = try XCTUnwrap(read(document()))
        XCTAssertEqual(s.name, "test")
        XCTAssertNil(s.fiscalYear)
        XCTAssertEqual(s.horizon, 1)
        XCTAssertEqual(s.areas, [Area(id: "KK", kind: .province), Area(id: "KK-01", parent: "KK")])
        XCTAssertEqual(s.strategies, [Strategy(id: "S1")])
        XCTAssertEqual(s.funders, [
            Funder(id: "LAO-1", level: .lao, area: "KK-01", budget: [1000]),
            Funder(id: "MIN", level: .ministry, budget: [5000]),
        ])
        XCTAssertEqual(s.projects, [Project(id: "P1", area: "KK-01", cost: .total(100), priority: 5, strategies: ["S1"])])
        XCTAssertEqual(s.policy, Policy())
    }

    func testEveryFieldIsRead() throws {
        let text = document(
            top: [#""fiscalYear": 2570"#, #""horizon": 3"#],
            areas: [#"{"id": "KK", "name": "ขอนแก่น", "kind": "province"}"#, #"{"id": "KK-01", "parent": "KK", "kind": "district"}"#],
            strategies: [#"{"id": "S1", "name": "Water", "weight": 0.5, "minShare": 0.2}"#, #"{"id": "S2"}"#],
            funders: [
                #"{"id": "LAO-1", "name": "อบต.", "level": "lao", "area": "KK-01", "budget": 1000, "maxProjects": 12, "maxProjectCost": 800.5, "sectors": ["water", "roads"]}"#,
                #"{"id": "MIN", "level": "ministry", "budget": [1, 2, 3.5]}"#,
            ],
            projects: [
                #"{"id": "P1", "name": "คลอง", "area": "KK-01", "cost": [100, 50], "priority": 8, "sector": "water", "strategies": ["S1", "S1"], "selfReliant": true, "levels": ["community", "lao"], "overlaps": ["canal-12"], "requires": ["P2"], "mandatory": true, "funder": "LAO-1", "exclude": false, "earliestStart": 2, "latestStart": 2, "costAt": {"community": 90, "MIN": [60, 60]}, "valueAt": {"LAO-1": 3}}"#,
                #"{"id": "P2", "area": "KK", "cost": 10, "priority": 0, "duration": 3.0}"#,
            ],
            policy: #"{"escalationPenalty": 0.01, "delayDiscount": 0, "strategyRequired": ["province"], "mipGap": 0, "timeLimit": 2.5}"#
        )
        let s = try XCTUnwrap(read(text))
        XCTAssertEqual(s.fiscalYear, 2570)
        XCTAssertEqual(s.horizon, 3)
        XCTAssertEqual(s.areas[0], Area(id: "KK", name: "ขอนแก่น", kind: .province))
        XCTAssertEqual(s.areas[1], Area(id: "KK-01", parent: "KK", kind: .district))
        XCTAssertEqual(s.strategies, [Strategy(id: "S1", name: "Water", weight: 0.5, minShare: 0.2), Strategy(id: "S2")])
        XCTAssertEqual(s.funders[0], Funder(id: "LAO-1", name: "อบต.", level: .lao, area: "KK-01", budget: [1000, 1000, 1000],
                                            maxProjects: 12, maxProjectCost: 800.5, sectors: ["water", "roads"]))
        XCTAssertEqual(s.funders[1].budget, [1, 2, 3.5])
        XCTAssertEqual(s.projects[0], Project(
            id: "P1", name: "คลอง", area: "KK-01", cost: .perYear([100, 50]), priority: 8, sector: "water",
            strategies: ["S1", "S1"], selfReliant: true, levels: [.community, .lao], overlaps: ["canal-12"],
            requires: ["P2"], mandatory: true, funder: "LAO-1", exclude: false, duration: 2, earliestStart: 2,
            latestStart: 2,
            costAt: [.init(key: "community", value: .total(90)), .init(key: "MIN", value: .perYear([60, 60]))],
            valueAt: [.init(key: "LAO-1", value: 3)]))
        XCTAssertEqual(s.projects[1].duration, 3, "2.0-style integral numbers are integers")
        XCTAssertNil(s.projects[1].latestStart)
        XCTAssertEqual(s.policy, Policy(escalationPenalty: 0.01, delayDiscount: 0, strategyRequired: [.province],
                                        mipGap: 0, timeLimit: 2.5))
    }

    func testWrittenScenariosReadBackAsTheSameValue() throws {
        let original = Scenario(
            name: "รอบ 1", fiscalYear: 2570, horizon: 2,
            areas: [Area(id: "A"), Area(id: "B", name: "บ้าน", parent: "A", kind: .tambon)],
            strategies: [Strategy(id: "S", weight: 0.25, minShare: 0.1)],
            funders: [
                Funder(id: "F", level: .lao, area: "B", budget: [100.5, 200], maxProjects: 3, sectors: ["water"]),
                Funder(id: "M", level: .ministry, budget: [0.1, 0.1], maxProjectCost: 99),
            ],
            projects: [
                Project(id: "P", area: "B", cost: .perYear([1.25, 2]), priority: 3.5, strategies: ["S"],
                        requires: ["Q"], duration: 2, costAt: [.init(key: "lao", value: .total(3))]),
                Project(id: "Q", area: "A", cost: .total(7), priority: 0, levels: [.ministry], exclude: true,
                        earliestStart: 1, latestStart: 2, valueAt: [.init(key: "M", value: 0.5)]),
            ],
            policy: Policy(escalationPenalty: 0.002, timeLimit: 1.5))
        let text = ScenarioWriter.json(original).serialized()
        XCTAssertEqual(read(text), original)
    }

    func testStringsComeFromAnyJSONSpelling() throws {
        let s = try XCTUnwrap(read(document(areas: [#"{"id": "K\u004B", "name": "\u0e02"}"#],
                                            funders: [#"{"id": "MIN", "level": "ministry", "budget": 1}"#],
                                            projects: [#"{"id": "P1", "area": "KK", "cost": 1, "priority": 1}"#])))
        XCTAssertEqual(s.areas[0].id, "KK")
        XCTAssertEqual(s.areas[0].name, "ข")
    }

    func testByteOrderMarkIsAccepted() throws {
        XCTAssertNotNil(read("\u{FEFF}" + document()))
    }

    func testReadsAFile() throws {
        let path = NSTemporaryDirectory() + "scenario-reader-\(UInt64.random(in: 0...UInt64.max)).json"
        try Data(document().utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let s = try ScenarioReader.read(contentsOf: path)
        XCTAssertEqual(s.projects.count, 1)
    }

    func testMissingFileIsAProblemAtTheRoot() {
        XCTAssertThrowsError(try ScenarioReader.read(contentsOf: "/nonexistent/scenario.json")) { error in
            let problems = (error as? ScenarioError)?.problems ?? []
            XCTAssertEqual(problems.map(\.path), ["$"])
            XCTAssertNil(problems.first?.line)
            XCTAssertTrue(problems.first?.message.contains("No such file") ?? false, "\(problems)")
        }
        XCTAssertThrowsError(try ScenarioReader.read(contentsOf: NSTemporaryDirectory())) { error in
            XCTAssertTrue((error as? ScenarioError)?.problems.first?.message.contains("directory") ?? false)
        }
    }

    // MARK: JSON errors become scenario problems

    func testSyntaxErrorsAreOneProblemWithPathAndLine() {
        let found = problems(document(projects: [#"{"id": "P1", "area": "KK-01", "cost": 01, "priority": 1}"#]))
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.path, "projects[0].cost")
        XCTAssertEqual(found.first?.line, 16)
        XCTAssertTrue(found.first?.message.contains("leading zeros") ?? false)
    }

    func testOverflowingNumberIsAProblemWithLine() {
        let found = problems(document(projects: project(#""cost": 1e400"#)))
        XCTAssertEqual(found.map(\.path), ["projects[0].cost"])
        XCTAssertEqual(found.first?.line, 16)
        XCTAssertTrue(found.first?.message.contains("too large") ?? false)
    }

    func testInvalidUTF8IsAProblemWithLine() {
        var bytes = Array(document().replacingOccurrences(of: #""test""#, with: #""t~st""#).utf8)
        bytes[bytes.firstIndex(of: UInt8(ascii: "~"))!] = 0xFF
        let found = problems(bytes)
        XCTAssertEqual(found.map(\.path), ["name"])
        XCTAssertEqual(found.first?.line, 3)
        XCTAssertTrue(found.first?.message.contains("invalid UTF-8") ?? false)
    }

    func testEmptyFileIsAProblem() {
        let found = problems("")
        XCTAssertEqual(found.map(\.path), ["$"])
        XCTAssertTrue(found.first?.message.contains("empty") ?? false)
    }

    func testDeepNestingIsAProblemNotACrash() {
        let text = document(projects: project(#""x-deep": "# + String(repeating: "[", count: 600) + String(repeating: "]", count: 600)))
        XCTAssertTrue(problems(text).first?.message.contains("nested more than") ?? false)
    }

    // MARK: Top level

    func testTopLevelMustBeAnObject() {
        assertProblem("[]", at: "$", "expected a JSON object")
    }

    func testFormatMustBeAllocate1() {
        assertProblem(document().replacingOccurrences(of: "allocate/1", with: "allocate/2"), at: "format",
                      #"expected "allocate/1", found "allocate/2""#)
        assertProblem(document().replacingOccurrences(of: #""format": "allocate/1","#, with: ""), at: "$",
                      #"missing required key "format""#)
    }

    func testNameIsARequiredString() {
        assertProblem(document().replacingOccurrences(of: #""name": "test","#, with: ""), at: "$",
                      #"missing required key "name""#)
        assertProblem(document().replacingOccurrences(of: #""name": "test""#, with: #""name": 7"#), at: "name",
                      "expected a string, found a number")
    }

    func testFiscalYearIsABuddhistEraInteger() throws {
        XCTAssertEqual(read(document(top: [#""fiscalYear": 2400"#]))?.fiscalYear, 2400)
        XCTAssertEqual(read(document(top: [#""fiscalYear": 2700"#]))?.fiscalYear, 2700)
        assertProblem(document(top: [#""fiscalYear": 2026"#]), at: "fiscalYear", "Gregorian 2026 is Buddhist Era 2569")
        assertProblem(document(top: [#""fiscalYear": 2701"#]), at: "fiscalYear", "from 2400 to 2700")
        assertProblem(document(top: [#""fiscalYear": 2570.5"#]), at: "fiscalYear", "found 2570.5")
        assertProblem(document(top: [#""fiscalYear": "2570""#]), at: "fiscalYear", "expected an integer, found a string")
    }

    func testHorizonIsAnIntegerFrom1To10() {
        XCTAssertEqual(read(document(top: [#""horizon": 10"#]))?.horizon, 10)
        assertProblem(document(top: [#""horizon": 0"#]), at: "horizon", "from 1 to 10, found 0")
        assertProblem(document(top: [#""horizon": 11"#]), at: "horizon", "from 1 to 10, found 11")
        assertProblem(document(top: [#""horizon": 2.5"#]), at: "horizon", "must be an integer")
    }

    func testListsAreRequiredArrays() {
        for key in ["areas", "funders", "projects"] {
            let text = document().replacingOccurrences(of: "\"\(key)\"", with: "\"x-\(key)\"")
            assertProblem(text, at: "$", "missing required key \"\(key)\"")
        }
    }

    func testStrategiesAndPolicyAreOptional() throws {
        let s = try XCTUnwrap(read(document(strategies: nil, projects: [#"{"id": "P1", "area": "KK-01", "cost": 1, "priority": 1}"#])))
        XCTAssertEqual(s.strategies, [])
        XCTAssertEqual(s.policy, Policy())
    }

    func testAListOfTheWrongTypeIsOneProblem() {
        let text = document(areas: []).replacingOccurrences(of: "\"areas\": [\n],", with: "\"areas\": {},")
        assertProblem(text, at: "areas", "expected an array, found an object")
    }

    func testEntriesMustBeObjects() {
        assertProblem(document(projects: ["42"]), at: "projects[0]", "expected an object, found a number")
    }

    // MARK: Keys

    func testUnknownKeysAreRejectedWithASuggestion() {
        assertProblem(document(projects: project(#""costt": 100, "cost": 1"#)), at: "projects[0].costt",
                      #"unknown key "costt"; did you mean "cost"?"#)
        assertProblem(document(top: [#""horizn": 2"#]), at: "horizn", #"did you mean "horizon"?"#)
        assertProblem(document(policy: #"{"zzz": 1}"#), at: "policy.zzz", #"unknown key "zzz""#)
        assertProblem(document(areas: [#"{"id": "KK", "Kind": "province"}"#],
                               funders: [#"{"id": "MIN", "level": "ministry", "budget": 1}"#],
                               projects: [#"{"id": "P1", "area": "KK", "cost": 1, "priority": 1}"#]),
                      at: "areas[0].Kind", #"did you mean "kind"?"#)
    }

    func testXKeysAreIgnoredEverywhere() throws {
        let text = document(
            top: [#""x-author": {"any": ["thing"]}"#],
            areas: [#"{"id": "KK", "x-code": 40}"#],
            strategies: [#"{"id": "S1", "x-": null}"#],
            funders: [#"{"id": "MIN", "level": "ministry", "budget": 1, "x-note": "ok"}"#],
            projects: [#"{"id": "P1", "area": "KK", "cost": 1, "priority": 1, "x-row": 17, "costAt": {"x-why": "labour", "lao": 1}, "valueAt": {"x-n": -1}}"#],
            policy: #"{"x-reviewed": true}"#)
        let s = try XCTUnwrap(read(text))
        XCTAssertEqual(s.projects[0].costAt, [.init(key: "lao", value: .total(1))])
        XCTAssertEqual(s.projects[0].valueAt, [])
    }

    func testDuplicateKeysAreRejectedAtTheSecondOccurrence() {
        let found = problems(document(projects: project(#""cost": 1, "cost": 2"#)))
        XCTAssertEqual(found.map(\.path), ["projects[0].cost"])
        XCTAssertEqual(found.first?.line, 16)
        XCTAssertTrue(found.first?.message.contains(#"duplicate key "cost" (first at line 16)"#) ?? false)
        assertProblem(document(top: [#""horizon": 1"#, #""horizon": 1"#]), at: "horizon", "duplicate key")
        assertProblem(document(projects: project(#""cost": 1, "x-a": 1, "x-a": 2"#)), at: #"projects[0]["x-a"]"#,
                      "duplicate key")
        assertProblem(document(projects: project(#""cost": 1, "costAt": {"lao": 1, "lao": 2}"#)),
                      at: "projects[0].costAt.lao", "duplicate key")
    }

    func testNullIsNotAnAbsentKey() {
        assertProblem(document(projects: project(#""cost": 1, "funder": null"#)), at: "projects[0].funder",
                      "expected a string, found null")
    }

    // MARK: Areas

    func testAreaIdsAreRequiredNonEmptyAndUnique() {
        let funders = [#"{"id": "MIN", "level": "ministry", "budget": 1}"#]
        let projects = [#"{"id": "P1", "area": "A", "cost": 1, "priority": 1}"#]
        assertProblem(document(areas: [#"{"id": "A"}"#, #"{"name": "no id"}"#], funders: funders, projects: projects),
                      at: "areas[1]", #"missing required key "id""#)
        assertProblem(document(areas: [#"{"id": "A"}"#, #"{"id": ""}"#], funders: funders, projects: projects),
                      at: "areas[1].id", "must not be empty")
        assertProblem(document(areas: [#"{"id": "A"}"#, #"{"id": 5}"#], funders: funders, projects: projects),
                      at: "areas[1].id", "expected a string")
        let found = problems(document(areas: [#"{"id": "A"}"#, #"{"id": "B"}"#, #"{"id": "A"}"#], funders: funders,
                                      projects: projects))
        XCTAssertEqual(found.map(\.path), ["areas[2].id"])
        XCTAssertEqual(found.first?.message, #"duplicate area id "A" (first at areas[0], line 5)"#)
    }

    func testIdsDifferingOnlyInUnicodeNormalisationAreDuplicates() {
        let precomposed = "\u{E9}"  // é
        let decomposed = "e\u{301}"  // e + combining acute
        XCTAssertNotEqual(Array(precomposed.utf8), Array(decomposed.utf8))
        let text = document(projects: [
            #"{"id": "P-\#(precomposed)", "area": "KK-01", "cost": 1, "priority": 1, "strategies": ["S1"]}"#,
            #"{"id": "P-\#(decomposed)", "area": "KK-01", "cost": 1, "priority": 1, "strategies": ["S1"]}"#,
        ])
        assertProblem(text, at: "projects[1].id", "duplicate project id")
    }

    func testAreaParentMustExist() {
        assertProblem(document(areas: [#"{"id": "KK"}"#, #"{"id": "KK-01", "parent": "KX"}"#]), at: "areas[1].parent",
                      #"unknown area "KX""#)
    }

    func testAreaParentCycleIsReportedOnceNamingItsIds() {
        let text = document(areas: [
            #"{"id": "KK"}"#,
            #"{"id": "KK-01", "parent": "C"}"#,
            #"{"id": "B", "parent": "KK-01"}"#,
            #"{"id": "C", "parent": "B"}"#,
        ])
        let found = problems(text)
        XCTAssertEqual(found.map(\.path), ["areas[1].parent"])
        XCTAssertEqual(found.first?.line, 6)
        XCTAssertEqual(found.first?.message, #"parent links form a cycle: "KK-01" -> "C" -> "B" -> "KK-01""#)
        assertProblem(document(areas: [#"{"id": "KK"}"#, #"{"id": "KK-01", "parent": "KK-01"}"#]),
                      at: "areas[1].parent", #"area "KK-01" is its own parent"#)
    }

    func testAreaKindMustBeKnown() {
        assertProblem(document(areas: [#"{"id": "KK", "kind": "amphoe"}"#, #"{"id": "KK-01", "parent": "KK"}"#]),
                      at: "areas[0].kind", #"unknown kind "amphoe""#)
    }

    func testA100000DeepAreaChainValidates() throws {
        let depth = 100_000
        var areas = [#"{"id": "A0"}"#]
        for i in 1..<depth { areas.append(#"{"id": "A\#(i)", "parent": "A\#(i - 1)"}"#) }
        let s = try XCTUnwrap(read(document(
            areas: areas, funders: [#"{"id": "F", "level": "lao", "area": "A0", "budget": 1}"#],
            projects: [#"{"id": "P1", "area": "A\#(depth - 1)", "cost": 1, "priority": 1}"#])))
        XCTAssertEqual(s.areas.count, depth)
        XCTAssertEqual(s.areas.last?.parent, "A\(depth - 2)")
    }

    func testA100000LongAreaCycleIsReportedOnce() {
        let length = 100_000
        var areas: [String] = []
        for i in 0..<length { areas.append(#"{"id": "A\#(i)", "parent": "A\#((i + 1) % length)"}"#) }
        let found = problems(document(areas: areas, funders: [#"{"id": "F", "level": "ministry", "budget": 1}"#],
                                      projects: [#"{"id": "P1", "area": "A0", "cost": 1, "priority": 1}"#]))
        XCTAssertEqual(found.map(\.path), ["areas[0].parent"])
        XCTAssertTrue(found.first?.message.hasPrefix(#"parent links form a cycle: "A0" -> "A1" ->"#) ?? false)
        XCTAssertTrue(found.first?.message.contains("99988 more") ?? false, "\(found)")
    }

    // MARK: Strategies

    func testStrategyRules() {
        assertProblem(document(strategies: [#"{"id": "S1"}"#, #"{"id": "S1"}"#]), at: "strategies[1].id",
                      #"duplicate strategy id "S1""#)
        assertProblem(document(strategies: [#"{"id": "S1", "weight": -0.5}"#]), at: "strategies[0].weight",
                      "must be >= 0, found -0.5")
        assertProblem(document(strategies: [#"{"id": "S1", "minShare": 1.5}"#]), at: "strategies[0].minShare",
                      "must be from 0 to 1, found 1.5")
        assertProblem(document(strategies: [#"{"id": "S1", "minShare": -0.1}"#]), at: "strategies[0].minShare",
                      "must be from 0 to 1")
        XCTAssertNotNil(read(document(strategies: [#"{"id": "S1", "minShare": 0.7}"#, #"{"id": "S2", "minShare": 0.7}"#])),
                        "minShares summing past 1 make the model infeasible, not the file bad")
    }

    // MARK: Funders

    func testFunderIdsAreUnique() {
        assertProblem(document(funders: [#"{"id": "F", "level": "ministry", "budget": 1}"#,
                                         #"{"id": "F", "level": "ministry", "budget": 1}"#]),
                      at: "funders[1].id", #"duplicate funder id "F""#)
    }

    func testFundersAndProjectsAreSeparateNamespaces() {
        XCTAssertNotNil(read(document(projects: [#"{"id": "MIN", "area": "KK-01", "cost": 1, "priority": 1, "strategies": ["S1"]}"#])))
    }

    func testFunderLevelIsRequiredAndKnown() {
        assertProblem(document(funders: [#"{"id": "F", "level": "tambon", "area": "KK", "budget": 1}"#]),
                      at: "funders[0].level", #"unknown level "tambon""#)
        assertProblem(document(funders: [#"{"id": "F", "area": "KK", "budget": 1}"#]),
                      at: "funders[0]", #"missing required key "level""#)
    }

    func testFunderAreaIsRequiredUnlessMinistryAndMustExist() {
        assertProblem(document(funders: [#"{"id": "F", "level": "province", "budget": 1}"#]),
                      at: "funders[0]", #"missing required key "area""#)
        XCTAssertNotNil(read(document(funders: [#"{"id": "F", "level": "ministry", "area": "KK", "budget": 1}"#])))
        assertProblem(document(funders: [#"{"id": "F", "level": "lao", "area": "NOPE", "budget": 1}"#]),
                      at: "funders[0].area", #"unknown area "NOPE""#)
    }

    func testFunderBudgetIsANumberOrOnePerYear() throws {
        assertProblem(document(funders: [#"{"id": "F", "level": "ministry"}"#]), at: "funders[0]",
                      #"missing required key "budget""#)
        assertProblem(document(funders: [#"{"id": "F", "level": "ministry", "budget": -1}"#]),
                      at: "funders[0].budget", "must be >= 0, found -1")
        assertProblem(document(top: [#""horizon": 3"#], funders: [#"{"id": "F", "level": "ministry", "budget": [1, 2]}"#]),
                      at: "funders[0].budget", "2 yearly amounts but horizon is 3")
        assertProblem(document(top: [#""horizon": 2"#], funders: [#"{"id": "F", "level": "ministry", "budget": [1, -2]}"#]),
                      at: "funders[0].budget[1]", "must be >= 0")
        assertProblem(document(funders: [#"{"id": "F", "level": "ministry", "budget": "lots"}"#]),
                      at: "funders[0].budget", "expected a number or an array")
        let s = try XCTUnwrap(read(document(top: [#""horizon": 4"#],
                                            funders: [#"{"id": "F", "level": "ministry", "budget": 0}"#])))
        XCTAssertEqual(s.funders[0].budget, [0, 0, 0, 0])
    }

    func testFunderCapacities() {
        assertProblem(document(funders: [#"{"id": "F", "level": "ministry", "budget": 1, "maxProjects": -1}"#]),
                      at: "funders[0].maxProjects", "must be an integer >= 0, found -1")
        assertProblem(document(funders: [#"{"id": "F", "level": "ministry", "budget": 1, "maxProjects": 1.5}"#]),
                      at: "funders[0].maxProjects", "found 1.5")
        XCTAssertEqual(read(document(funders: [#"{"id": "F", "level": "ministry", "budget": 1, "maxProjects": 0}"#]))?
            .funders[0].maxProjects, 0)
        assertProblem(document(funders: [#"{"id": "F", "level": "ministry", "budget": 1, "maxProjectCost": 0}"#]),
                      at: "funders[0].maxProjectCost", "must be > 0, found 0")
    }

    func testFunderSectorsAreStringsWithoutRepeats() {
        assertProblem(document(funders: [#"{"id": "F", "level": "ministry", "budget": 1, "sectors": ["water", "roads", "water"]}"#]),
                      at: "funders[0].sectors[2]", #"sector "water" is already listed at funders[0].sectors[0]"#)
        assertProblem(document(funders: [#"{"id": "F", "level": "ministry", "budget": 1, "sectors": ["water", 3]}"#]),
                      at: "funders[0].sectors[1]", "expected a string")
        assertProblem(document(funders: [#"{"id": "F", "level": "ministry", "budget": 1, "sectors": "water"}"#]),
                      at: "funders[0].sectors", "expected an array")
    }

    // MARK: Projects

    func testProjectIdsAreRequiredAndUnique() {
        assertProblem(document(projects: [#"{"area": "KK", "cost": 1, "priority": 1, "strategies": ["S1"]}"#]),
                      at: "projects[0]", #"missing required key "id""#)
        let p = #"{"id": "P1", "area": "KK-01", "cost": 1, "priority": 1, "strategies": ["S1"]}"#
        assertProblem(document(projects: [p, p]), at: "projects[1].id", #"duplicate project id "P1" (first at projects[0], line 16)"#)
    }

    func testProjectAreaIsRequiredAndMustExist() {
        assertProblem(document(projects: [#"{"id": "P1", "cost": 1, "priority": 1}"#]),
                      at: "projects[0]", #"missing required key "area""#)
        assertProblem(document(projects: [#"{"id": "P1", "area": "KK-99", "cost": 1, "priority": 1}"#]),
                      at: "projects[0].area", #"unknown area "KK-99""#)
    }

    func testProjectCostRules() {
        assertProblem(document(projects: project(#""x-c": 0"#)), at: "projects[0]", #"missing required key "cost""#)
        assertProblem(document(projects: project(#""cost": 0"#)), at: "projects[0].cost", "must be > 0, found 0")
        assertProblem(document(projects: project(#""cost": -5"#)), at: "projects[0].cost", "must be > 0")
        assertProblem(document(projects: project(#""cost": []"#)), at: "projects[0].cost", "at least one yearly amount")
        assertProblem(document(top: [#""horizon": 2"#], projects: project(#""cost": [0, 0]"#)), at: "projects[0].cost",
                      "must not all be zero")
        assertProblem(document(top: [#""horizon": 2"#], projects: project(#""cost": [5, -1]"#)), at: "projects[0].cost[1]",
                      "must be >= 0")
        assertProblem(document(projects: project(#""cost": "100""#)), at: "projects[0].cost", "expected a number or an array")
        XCTAssertEqual(read(document(top: [#""horizon": 2"#], projects: project(#""cost": [0, 5]"#)))?.projects[0].cost,
                       .perYear([0, 5]))
    }

    func testCostArrayAndDurationMustAgree() {
        let found = problems(document(top: [#""horizon": 5"#], projects: project(#""cost": [1, 2, 3], "duration": 2"#)))
        XCTAssertEqual(found.map(\.path), ["projects[0].cost"])
        XCTAssertEqual(found.first?.message, "3 yearly amounts but duration is 2")
        assertProblem(document(top: [#""horizon": 2"#], projects: project(#""cost": [1, 2, 3]"#)), at: "projects[0].cost",
                      "3 yearly amounts but horizon is 2")
        XCTAssertEqual(read(document(top: [#""horizon": 5"#], projects: project(#""cost": [1, 2, 3]"#)))?.projects[0].duration, 3)
        XCTAssertEqual(read(document(top: [#""horizon": 5"#], projects: project(#""cost": 9, "duration": 3"#)))?.projects[0].duration, 3)
    }

    func testDurationIsAnIntegerFrom1ToTheHorizon() {
        assertProblem(document(top: [#""horizon": 3"#], projects: project(#""cost": 1, "duration": 0"#)),
                      at: "projects[0].duration", "from 1 to 3 (the horizon), found 0")
        assertProblem(document(top: [#""horizon": 3"#], projects: project(#""cost": 1, "duration": 4"#)),
                      at: "projects[0].duration", "found 4")
        assertProblem(document(top: [#""horizon": 3"#], projects: project(#""cost": 1, "duration": 1.5"#)),
                      at: "projects[0].duration", "found 1.5")
    }

    func testPriorityIsRequiredAndNonNegative() {
        assertProblem(document(projects: [#"{"id": "P1", "area": "KK-01", "cost": 1}"#]), at: "projects[0]",
                      #"missing required key "priority""#)
        assertProblem(document(projects: [#"{"id": "P1", "area": "KK-01", "cost": 1, "priority": -1}"#]),
                      at: "projects[0].priority", "must be >= 0, found -1")
        XCTAssertNotNil(read(document(projects: [#"{"id": "P1", "area": "KK-01", "cost": 1, "priority": 0, "strategies": ["S1"]}"#])))
    }

    func testProjectScalarFieldTypes() {
        assertProblem(document(projects: project(#""cost": 1, "sector": 4"#)), at: "projects[0].sector", "expected a string")
        assertProblem(document(projects: project(#""cost": 1, "name": []"#)), at: "projects[0].name", "expected a string")
        assertProblem(document(projects: project(#""cost": 1, "selfReliant": "yes""#)), at: "projects[0].selfReliant",
                      "expected true or false")
        assertProblem(document(projects: project(#""cost": 1, "mandatory": 1"#)), at: "projects[0].mandatory",
                      "expected true or false")
        assertProblem(document(projects: project(#""cost": 1, "exclude": "false""#)), at: "projects[0].exclude",
                      "expected true or false")
    }

    func testProjectStrategiesMustExistButMayRepeat() {
        assertProblem(document(projects: [#"{"id": "P1", "area": "KK-01", "cost": 1, "priority": 1, "strategies": ["S1", "S9"]}"#]),
                      at: "projects[0].strategies[1]", #"unknown strategy "S9""#)
        assertProblem(document(projects: [#"{"id": "P1", "area": "KK-01", "cost": 1, "priority": 1, "strategies": "S1"}"#]),
                      at: "projects[0].strategies", "expected an array of strings")
        XCTAssertEqual(read(document(projects: [#"{"id": "P1", "area": "KK-01", "cost": 1, "priority": 1, "strategies": ["S1", "S1"]}"#]))?
            .projects[0].strategies, ["S1", "S1"])
    }

    func testProjectLevelsAreANonEmptyListOfDistinctLevelNames() {
        assertProblem(document(projects: project(#""cost": 1, "levels": []"#)), at: "projects[0].levels",
                      "at least one level")
        assertProblem(document(projects: project(#""cost": 1, "levels": ["lao", "village"]"#)),
                      at: "projects[0].levels[1]", #"unknown level "village""#)
        assertProblem(document(projects: project(#""cost": 1, "levels": ["lao", "district", "lao"]"#)),
                      at: "projects[0].levels[2]", #"level "lao" is listed twice"#)
    }

    func testOverlapGroupsAreNonEmptyStrings() {
        assertProblem(document(projects: project(#""cost": 1, "overlaps": ["g1", ""]"#)), at: "projects[0].overlaps[1]",
                      "must not be empty")
        assertProblem(document(projects: project(#""cost": 1, "overlaps": [7]"#)), at: "projects[0].overlaps[0]",
                      "expected a string")
    }

    func testRequiresMustNameOtherExistingProjects() {
        let found = problems(document(projects: project(#""cost": 1, "requires": ["P-9"]"#)))
        XCTAssertEqual(found.map(\.description), [#"projects[0].requires[0] (line 16): unknown project "P-9""#])
        assertProblem(document(projects: project(#""cost": 1, "requires": ["P1"]"#)), at: "projects[0].requires[0]",
                      "cannot require itself")
    }

    func testRequiresCycleIsReportedOnceNamingItsProjects() {
        let entries = [
            #"{"id": "P1", "area": "KK-01", "cost": 1, "priority": 1, "strategies": ["S1"]}"#,
            #"{"id": "P2", "area": "KK-01", "cost": 1, "priority": 1, "strategies": ["S1"], "requires": ["P1", "P4"]}"#,
            #"{"id": "P3", "area": "KK-01", "cost": 1, "priority": 1, "strategies": ["S1"], "requires": ["P2"]}"#,
            #"{"id": "P4", "area": "KK-01", "cost": 1, "priority": 1, "strategies": ["S1"], "requires": ["P3", "P2"]}"#,
        ]
        let found = problems(document(projects: entries))
        XCTAssertEqual(found.map(\.path), ["projects[1].requires[1]"])
        XCTAssertEqual(found.first?.line, 17)
        XCTAssertEqual(found.first?.message, #"requires form a cycle: "P2" -> "P4" -> "P2""#)
    }

    func testTwoSeparateRequiresCyclesAreBothReported() {
        let entries = [
            #"{"id": "A", "area": "KK-01", "cost": 1, "priority": 1, "strategies": ["S1"], "requires": ["B"]}"#,
            #"{"id": "B", "area": "KK-01", "cost": 1, "priority": 1, "strategies": ["S1"], "requires": ["A"]}"#,
            #"{"id": "C", "area": "KK-01", "cost": 1, "priority": 1, "strategies": ["S1"], "requires": ["D"]}"#,
            #"{"id": "D", "area": "KK-01", "cost": 1, "priority": 1, "strategies": ["S1"], "requires": ["C", "A"]}"#,
        ]
        let found = problems(document(projects: entries))
        XCTAssertEqual(found.map(\.path), ["projects[0].requires[0]", "projects[2].requires[0]"])
        XCTAssertEqual(found.map(\.message), [#"requires form a cycle: "A" -> "B" -> "A""#,
                                              #"requires form a cycle: "C" -> "D" -> "C""#])
    }

    func testA100000LongRequiresChainValidates() throws {
        var entries: [String] = []
        for i in 0..<100_000 {
            let requires = i == 0 ? "" : #", "requires": ["P\#(i - 1)"]"#
            entries.append(#"{"id": "P\#(i)", "area": "KK-01", "cost": 1, "priority": 1\#(requires)}"#)
        }
        XCTAssertEqual(read(document(projects: entries))?.projects.count, 100_000)
        entries[0] = #"{"id": "P0", "area": "KK-01", "cost": 1, "priority": 1, "requires": ["P99999"]}"#
        let found = problems(document(projects: entries))
        XCTAssertEqual(found.map(\.path), ["projects[0].requires[0]"])
    }

    func testPinnedFunderMustExist() {
        assertProblem(document(projects: project(#""cost": 1, "funder": "LAO-9""#)), at: "projects[0].funder",
                      #"unknown funder "LAO-9""#)
        assertProblem(document(projects: project(#""cost": 1, "funder": """#)), at: "projects[0].funder",
                      "must not be empty")
        XCTAssertEqual(read(document(projects: project(#""cost": 1, "funder": "MIN""#)))?.projects[0].funder, "MIN")
    }

    func testStartWindowRules() throws {
        assertProblem(document(top: [#""horizon": 3"#], projects: project(#""cost": 1, "earliestStart": 0"#)),
                      at: "projects[0].earliestStart", "from 1 to 3 (the horizon), found 0")
        assertProblem(document(top: [#""horizon": 3"#], projects: project(#""cost": 1, "latestStart": 4"#)),
                      at: "projects[0].latestStart", "found 4")
        assertProblem(document(top: [#""horizon": 3"#], projects: project(#""cost": 1, "earliestStart": 3, "latestStart": 2"#)),
                      at: "projects[0].latestStart", "latestStart 2 is before earliestStart 3")
        let s = try XCTUnwrap(read(document(top: [#""horizon": 3"#],
                                            projects: project(#""cost": [1, 1], "earliestStart": 3"#))))
        XCTAssertEqual(s.projects[0].earliestStart, 3, "no possible start year is infeasible, not malformed")
        XCTAssertNil(s.projects[0].latestStart)
    }

    func testCostAtRules() throws {
        assertProblem(document(projects: project(#""cost": 1, "costAt": {"tambon": 1}"#)),
                      at: "projects[0].costAt.tambon", #"unknown funder or level "tambon""#)
        assertProblem(document(projects: project(#""cost": 1, "costAt": {"LAO-1": 0}"#)),
                      at: #"projects[0].costAt["LAO-1"]"#, "must be > 0")
        assertProblem(document(top: [#""horizon": 3"#], projects: project(#""cost": 1, "duration": 2, "costAt": {"lao": [1, 2, 3]}"#)),
                      at: "projects[0].costAt.lao", "3 yearly amounts but duration is 2")
        assertProblem(document(top: [#""horizon": 3"#], projects: project(#""cost": [1, 1], "costAt": {"lao": [0, 0]}"#)),
                      at: "projects[0].costAt.lao", "must not all be zero")
        assertProblem(document(projects: project(#""cost": 1, "costAt": [1]"#)), at: "projects[0].costAt",
                      "expected an object")
        assertProblem(document(projects: project(#""cost": 1, "costAt": {"": 1}"#)), at: #"projects[0].costAt[""]"#,
                      "not empty")
        let s = try XCTUnwrap(read(document(top: [#""horizon": 2"#],
                                            projects: project(#""cost": [1, 1], "costAt": {"LAO-1": [0, 3], "community": 2}"#))))
        XCTAssertEqual(s.projects[0].costAt, [.init(key: "LAO-1", value: .perYear([0, 3])),
                                              .init(key: "community", value: .total(2))])
    }

    func testCostAtKeyIsCheckedEvenWhenItsValueIsBad() {
        let found = problems(document(projects: project(#""cost": 1, "costAt": {"NOPE": -1}"#)))
        XCTAssertEqual(found.map(\.path), ["projects[0].costAt.NOPE", "projects[0].costAt.NOPE"])
    }

    func testValueAtRules() {
        assertProblem(document(projects: project(#""cost": 1, "valueAt": {"lao": -1}"#)),
                      at: "projects[0].valueAt.lao", "must be >= 0, found -1")
        assertProblem(document(projects: project(#""cost": 1, "valueAt": {"F-9": 1}"#)),
                      at: #"projects[0].valueAt["F-9"]"#, #"unknown funder or level "F-9""#)
        XCTAssertEqual(read(document(projects: project(#""cost": 1, "valueAt": {"MIN": 0}"#)))?.projects[0].valueAt,
                       [.init(key: "MIN", value: 0)])
    }

    // MARK: Policy

    func testPolicyRules() throws {
        assertProblem(document(policy: #"{"escalationPenalty": 1}"#), at: "policy.escalationPenalty",
                      "at least 0 and less than 1, found 1")
        assertProblem(document(policy: #"{"delayDiscount": -0.1}"#), at: "policy.delayDiscount", "less than 1")
        assertProblem(document(policy: #"{"strategyRequired": ["lao", "amphoe"]}"#), at: "policy.strategyRequired[1]",
                      #"unknown level "amphoe""#)
        assertProblem(document(policy: #"{"mipGap": 1}"#), at: "policy.mipGap", "less than 1")
        assertProblem(document(policy: #"{"mipGap": -0.001}"#), at: "policy.mipGap", "at least 0")
        assertProblem(document(policy: #"{"timeLimit": 0}"#), at: "policy.timeLimit", "must be > 0")
        assertProblem(document(policy: "[]"), at: "policy", "expected an object")
        let s = try XCTUnwrap(read(document(policy: #"{"strategyRequired": [], "mipGap": 0, "timeLimit": 0.25}"#)))
        XCTAssertEqual(s.policy, Policy(strategyRequired: [], mipGap: 0, timeLimit: 0.25))
    }

    // MARK: Every problem at once

    func testAllProblemsAreReportedInFileOrderWithLines() {
        let text = """
        {
          "format": "allocate/1",
          "name": "many",
          "horizon": 2,
          "areas": [
            {"id": "A", "parent": "Z"},
            {"id": "A", "kind": "city"}
          ],
          "funders": [
            {"id": "F", "level": "lao", "budget": [1, 2, 3]}
          ],
          "projects": [
            {"id": "P1", "area": "A", "cost": [1, 2, 3], "priority": -1,
             "requires": ["P-9"], "colour": "red"},
            {"id": "P2", "area": "Q", "cost": 1, "priority": 1,
             "strategies": ["S1"]}
          ],
          "policy": {"mipGap": 2}
        }
        """
        let found = problems(text)
        XCTAssertEqual(found.map(\.description), [
            #"areas[0].parent (line 6): unknown area "Z""#,
            #"areas[1].kind (line 7): unknown kind "city"; expected one of province, district, tambon, village"#,
            #"areas[1].id (line 7): duplicate area id "A" (first at areas[0], line 6)"#,
            #"funders[0] (line 10): missing required key "area" (only a ministry funder may serve every area)"#,
            "funders[0].budget (line 10): 3 yearly amounts but horizon is 2 (give one per plan year, or a single number for every year)",
            "projects[0].priority (line 13): must be >= 0, found -1",
            "projects[0].cost (line 13): 3 yearly amounts but horizon is 2",
            #"projects[0].colour (line 14): unknown key "colour"; expected one of id, name, area, cost, priority, sector, strategies, selfReliant, levels, overlaps, requires, mandatory, funder, exclude, duration, earliestStart, latestStart, costAt, valueAt (or a key starting with "x-")"#,
            #"projects[0].requires[0] (line 14): unknown project "P-9""#,
            #"projects[1].area (line 15): unknown area "Q""#,
            #"projects[1].strategies[0] (line 16): unknown strategy "S1""#,
            "policy.mipGap (line 18): must be at least 0 and less than 1, found 2",
        ])
    }

    func testProblemsAreDeterministic() {
        let text = document(areas: [#"{"id": "A", "parent": "B"}"#, #"{"id": "B", "parent": "A"}"#,
                                    #"{"id": "C", "parent": "D"}"#, #"{"id": "D", "parent": "C"}"#],
                            funders: [#"{"id": "F", "level": "ministry", "budget": 1}"#],
                            projects: [#"{"id": "P", "area": "A", "cost": 1, "priority": 1, "y": 1, "z": 2}"#])
        let first = problems(text)
        XCTAssertEqual(first.count, 4)
        for _ in 0..<5 { XCTAssertEqual(problems(text), first) }
    }
}
