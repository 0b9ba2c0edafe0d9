import Allocator
import Foundation
import Testing

/// `ResultFileReader` and `ResultFile.decision(for:)`: a result written by
/// `ResultDocument` reads back as the same decision and reasons; every kind of
/// broken file and every way a result can differ from its scenario is refused
/// with the JSON path and line.
@Suite struct ResultFileTests {
    static let root: String = {
        var path = #filePath
        for _ in 0 ..< 3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path
    }()

    /// The guideline example, solved, and its result.json text (no timings).
    static let solved: (scenario: Scenario, result: AllocationResult, text: String) = {
        let scenario = try! ScenarioReader.read(contentsOf: root + "/scenarios/guideline-example.json")
        let result = try! Allocation.solve(scenario)
        let figures = ResultFigures(model: result.model, decision: result.decision)
        let text = ResultDocument.json(result, model: result.model, figures: figures, includeTimings: false).serialized()
        return (scenario, result, text)
    }()

    static func read(_ text: String) throws(ResultFileError) -> ResultFile {
        try ResultFileReader.read(bytes: Array(text.utf8))
    }

    /// The problems `decision(for:)` finds in `text` (a mismatch), as "path (line n): message".
    static func mismatch(_ text: String, scenario: Scenario = solved.scenario) throws -> [String] {
        let file = try read(text)
        do {
            _ = try file.decision(for: scenario)
            return []
        } catch {
            #expect(error.kind == .scenarioMismatch)
            return error.problems.map(\.description)
        }
    }

    /// The problems reading `text` finds (an unreadable file).
    static func unreadable(_ text: String) -> [String] {
        do {
            _ = try read(text)
            return []
        } catch {
            #expect(error.kind == .unreadable)
            return error.problems.map(\.description)
        }
    }

    /// `text` with its first occurrence of `old` replaced (which must be there).
    static func editing(_ text: String, _ old: String, _ new: String) -> String {
        guard let range = text.range(of: old) else {
            Issue.record("\(old) not in the result")
            return text
        }
        return text.replacingCharacters(in: range, with: new)
    }

    @Test func roundTripGivesTheSameDecisionAndReasons() throws {
        let (scenario, result, text) = Self.solved
        let recorded = try Self.read(text).decision(for: scenario)
        #expect(recorded.status == .optimal)
        #expect(recorded.decision == result.decision)
        #expect(recorded.reasons == ResultFigures(model: result.model, decision: result.decision).reasons)
        let ids = recorded.decision.assignments.map { $0.map { scenario.funders[$0.funder].id } }
        #expect(ids == ["LAO-KK-01-03", "LAO-KK-01-03", "DIST-KK-01", "LAO-KK-01-03", "DIST-KK-01", "COM-KK-01-03-05"])
    }

    /// A result file parsed and written again is the same text (what `allocate
    /// whatif merge` does to leave a shard's timings out), with timings and without,
    /// on a one-year and a five-year scenario (per-year budgets, start years).
    @Test func aResultParsedAndWrittenAgainIsTheSameText() throws {
        for file in ["guideline-example.json", "five-year-plan.json", "csv-example.json"] {
            let scenario = try ScenarioReader.read(contentsOf: Self.root + "/scenarios/" + file)
            let result = try Allocation.solve(scenario)
            let figures = ResultFigures(model: result.model, decision: result.decision)
            for timings in [true, false] {
                let text = ResultDocument.json(result, model: result.model, figures: figures, includeTimings: timings).serialized()
                #expect(try JSONParser.parse(Array(text.utf8)).output.serialized() == text, "\(file), timings \(timings)")
            }
        }
    }

    /// A result without a decision: every project unfunded with `noDecision`; keys other tools add are ignored.
    @Test func resultWithoutDecisionAndExtraKeys() throws {
        let scenario = Scenario(
            name: "none", areas: [Area(id: "A")], funders: [Funder(id: "F", level: .lao, area: "A", budget: [5])],
            projects: [Project(id: "P", area: "A", cost: .total(10), priority: 1, mandatory: true)])
        let text = """
            {"format": "allocate-result/1", "scenario": "none", "status": "infeasible", "x-tool": {"a": [1]},
             "projects": [{"id": "P", "funded": false, "funder": null, "level": null, "start": null, "cost": null,
                           "reason": "noDecision", "explanation": "No decision was returned for this scenario.", "extra": 1}],
             "funders": [{"id": "F", "level": "lao", "budget": [5], "used": [0], "projects": 0}], "strategies": []}
            """
        let recorded = try Self.read(text).decision(for: scenario)
        #expect(recorded.status == .infeasible)
        #expect(recorded.decision == Decision(unfundedCount: 1))
        #expect(recorded.reasons == [UnfundedReason(code: "noDecision", explanation: "No decision was returned for this scenario.")])
    }

    @Test func brokenFilesAreRefusedWithPathAndLine() {
        #expect(Self.unreadable("{\"format\": \"allocate-result/1\",\n  \"scenario\": }") 
            == ["scenario (line 2): expected a value, found '}' (column 15)"])
        #expect(Self.unreadable("[1]") == ["$ (line 1): expected a JSON object (an allocate-result/1 file), found an array"])
        #expect(Self.unreadable("{\"format\": \"allocate/1\"}") == [
            "format (line 1): expected \"allocate-result/1\", found \"allocate/1\": this is not a result file of allocate",
        ])
        let text = """
            {"format": "allocate-result/1", "scenario": "x", "status": 3,
             "projects": [
              {"id": "P1", "funded": true, "funder": null, "level": "lao", "start": 1.5, "cost": 10},
              {"id": "P2", "funded": false, "funder": "F", "level": null, "start": null, "cost": null, "reason": "budget"},
              {"id": "P3", "funded": "no"}
             ],
             "funders": [{"id": "F", "level": "lao", "budget": ["a"]}]}
            """
        #expect(Self.unreadable(text) == [
            "status (line 1): expected a string, found a number",
            "projects[0].funder (line 3): expected a string, found null",
            "projects[0].start (line 3): expected an integer plan year, found 1.5",
            "projects[1].funder (line 4): must be null for an unfunded project, found a string",
            "projects[1] (line 4): missing required key \"explanation\"",
            "projects[2].funded (line 5): expected true or false, found a string",
            "funders[0].budget[0] (line 7): expected a number, found a string",
        ])
        #expect(ResultFileError(kind: .unreadable, problems: []).problems.isEmpty)
    }

    @Test func unreadableFileIsOneProblemAtTheRoot() {
        do {
            _ = try ResultFileReader.read(contentsOf: "/nonexistent/result.json")
            Issue.record("read a file that does not exist")
        } catch {
            #expect(error.kind == .unreadable)
            #expect(error.problems.map(\.description) == ["$: cannot read \"/nonexistent/result.json\": No such file or directory"])
        }
    }

    @Test func resultOfAnotherScenarioIsRefused() throws {
        let (scenario, _, text) = Self.solved
        var renamed = scenario
        renamed.name = "another"
        #expect(try Self.mismatch(text, scenario: renamed) == [
            "scenario (line 3): the result is of the scenario named \"\(scenario.name)\", but the scenario given is named \"another\"",
        ])
        var fewer = scenario
        fewer.projects.removeLast()
        fewer.funders.removeLast()
        let problems = try Self.mismatch(text, scenario: fewer)
        #expect(problems.count == 2)
        #expect(problems[0].hasPrefix("projects (line ") && problems[0].hasSuffix("has 6 projects, the scenario has 5"))
        #expect(problems[1].hasPrefix("funders (line ") && problems[1].hasSuffix("has 4 funders, the scenario has 3"))
        var budget = scenario
        budget.funders[2].budget = [1_900_000]
        #expect(try Self.mismatch(text, scenario: budget).map { $0.replacingLines() } == [
            "funders[2].budget (line _): is [2000000], the scenario gives DIST-KK-01 [1900000]",
        ])
        var level = scenario
        level.funders[3].level = .ministry
        #expect(try Self.mismatch(text, scenario: level).map { $0.replacingLines() } == [
            "funders[3].level (line _): is \"province\", the scenario says PROV-KK is ministry",
        ])
    }

    @Test func editedDecisionsAreRefused() throws {
        let text = Self.solved.text
        let p1 = "{\"id\": \"P1\", \"funded\": true, \"funder\": \"LAO-KK-01-03\", \"level\": \"lao\", \"start\": 1, \"cost\": 500000}"
        #expect(text.contains(p1))
        func edited(_ new: String) throws -> [String] {
            try Self.mismatch(Self.editing(text, p1, new)).map { $0.replacingLines() }
        }
        #expect(try edited(p1.replacingOccurrences(of: "\"P1\"", with: "\"P9\"")) == [
            "projects[0].id (line _): is \"P9\", the scenario's project 1 is \"P1\"",
        ])
        #expect(try edited(p1.replacingOccurrences(of: "500000", with: "500001")) == [
            "projects[0].cost (line _): is 500001, but P1 costs 500000 at LAO-KK-01-03 in this scenario",
        ])
        #expect(try edited(p1.replacingOccurrences(of: "\"start\": 1", with: "\"start\": 2")) == [
            "projects[0].start (line _): P1 may not start in plan year 2 in this scenario",
        ])
        #expect(try edited(p1.replacingOccurrences(of: "\"level\": \"lao\"", with: "\"level\": \"district\"")) == [
            "projects[0].level (line _): is \"district\", but LAO-KK-01-03 is lao",
        ])
        #expect(try edited(p1.replacingOccurrences(of: "LAO-KK-01-03", with: "LAO-X")) == [
            "projects[0].funder (line _): P1 is funded by \"LAO-X\", which is not a funder of the scenario",
        ])
        #expect(try edited(p1.replacingOccurrences(of: "LAO-KK-01-03", with: "COM-KK-01-03-05").replacingOccurrences(of: "lao", with: "community")) == [
            "projects[0].funder (line _): COM-KK-01-03-05 may not fund P1 in this scenario (eligibility: level)",
        ])
        #expect(try Self.mismatch(text.replacingOccurrences(of: "\"status\": \"optimal\"", with: "\"status\": \"best\"")).map { $0.replacingLines() } == [
            "status (line _): \"best\" is not a status of the format (optimal, feasible, infeasible, noSolution)",
        ])
    }
}

extension String {
    /// Every "(line 12)" as "(line _)", so expectations do not depend on the layout of result.json.
    fileprivate func replacingLines() -> String {
        var out = ""
        var rest = Substring(self)
        while let range = rest.range(of: "(line ") {
            out += rest[..<range.upperBound]
            rest = rest[range.upperBound...].drop { $0.isNumber }
            out += "_"
        }
        return out + rest
    }
}
