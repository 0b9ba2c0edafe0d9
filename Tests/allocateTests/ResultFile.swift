import Allocator
import Foundation
import XCTest

/// An `allocate-result/1` file read back with Foundation's `JSONSerialization`
/// (none of the tool's own JSON code), and checked against its scenario with
/// `DecisionChecker`, the independent answer every result is held to.
struct ResultFile {
    /// The statuses the result format allows, and whether each carries a decision.
    static let statuses = ["optimal": true, "feasible": true, "infeasible": false, "noSolution": false]
    /// The reason codes documented in docs/result-format.md.
    static let reasons: Set<String> = [
        "noDecision", "excluded", "noStartYear", "noEligibleFunder", "noValue", "overlap", "requires", "budget", "notChosen",
    ]

    var text: String
    var json: [String: Any]

    init(_ url: URL) throws {
        let data = try Data(contentsOf: url)
        text = String(decoding: data, as: UTF8.self)
        json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any], "\(url.path) is not a JSON object")
    }

    var status: String? { json["status"] as? String }
    var objective: Double? { Self.number(json["objective"]) }
    var bound: Double? { Self.number(json["bound"]) }
    var gap: Double? { Self.number(json["gap"]) }
    var projects: [[String: Any]] { json["projects"] as? [[String: Any]] ?? [] }
    var funders: [[String: Any]] { json["funders"] as? [[String: Any]] ?? [] }
    var strategies: [[String: Any]] { json["strategies"] as? [[String: Any]] ?? [] }

    /// A JSON number as a Double; nil for `null`, a missing key or anything else.
    static func number(_ value: Any?) -> Double? {
        guard let value, !(value is NSNull) else { return nil }
        if let n = value as? NSNumber { return n.doubleValue }
        if let d = value as? Double { return d }
        if let i = value as? Int { return Double(i) }
        return nil
    }

    static func isNull(_ value: Any?) -> Bool {
        value is NSNull
    }

    /// `a` and `b` agree to `relative` of the larger magnitude (at least `relative` absolute).
    static func close(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
        abs(a - b) <= relative * max(1, abs(a), abs(b))
    }

    /// The decision the file states: each funded project's funder (looked up by id) and start year.
    func decision(for scenario: Scenario) throws -> Decision {
        var funderIndex: [String: Int] = [:]
        for (f, funder) in scenario.funders.enumerated() where funderIndex[funder.id] == nil {
            funderIndex[funder.id] = f
        }
        return Decision(assignments: try projects.map { entry in
            guard entry["funded"] as? Bool == true else { return nil }
            let id = try XCTUnwrap(entry["funder"] as? String, "funded project without a funder: \(entry)")
            let funder = try XCTUnwrap(funderIndex[id], "unknown funder \(id)")
            let start = try XCTUnwrap(Self.number(entry["start"]), "funded project without a start year: \(entry)")
            return Decision.Assignment(funder: funder, start: Int(start))
        })
    }

    /// Checks every required key of the result format against `scenario`, the
    /// exit status against the status, and, when there is a decision, that it
    /// breaks no rule and that `objective` is its value recomputed by
    /// `DecisionChecker`. Figures (cost, used, fundedCost, share, summary) are
    /// recomputed from the decision; `budgetPrices`, which `allocate SCENARIO`
    /// writes with a decision (not when interrupted, nor `allocate whatif`), is
    /// checked for its shape. Returns the decision, nil when there is none.
    @discardableResult
    func check(
        against scenario: Scenario, exitStatus: Int32, timings: Bool = true, prices: Bool = true, _ label: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> Decision? {
        func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
            XCTAssertTrue(condition, "\(label): \(message())", file: file, line: line)
        }
        var required = ["format", "scenario", "status", "objective", "bound", "gap", "projects", "funders", "strategies"]
        if timings { required.append("timings") }
        for key in required {
            expect(json.keys.contains(key), "missing required key \(key)")
        }
        expect(json.keys.contains("timings") == timings, "timings present: \(json.keys.contains("timings")), expected \(timings)")
        expect(json["format"] as? String == "allocate-result/1", "format \(String(describing: json["format"]))")
        expect(json["scenario"] as? String == scenario.name, "scenario \(String(describing: json["scenario"]))")
        let status = try XCTUnwrap(status, "\(label): no status", file: file, line: line)
        let hasDecision = try XCTUnwrap(Self.statuses[status], "\(label): unknown status \(status)", file: file, line: line)
        expect(exitStatus == (hasDecision ? 0 : 1), "exit status \(exitStatus) with status \(status)")

        // One project per line, then one funder and one strategy per line (docs/result-format.md).
        let entryLines = text.split(separator: "\n").filter { $0.hasPrefix("    {\"id\": ") && ($0.hasSuffix("}") || $0.hasSuffix("},")) }
        expect(entryLines.count == scenario.projects.count + scenario.funders.count + scenario.strategies.count,
               "\(entryLines.count) one-line entries for \(scenario.projects.count) projects, \(scenario.funders.count) funders, \(scenario.strategies.count) strategies")

        // projects: one per scenario project, in scenario order.
        expect(projects.map { $0["id"] as? String } == scenario.projects.map(\.id), "project ids are not the scenario's, in order")
        guard projects.count == scenario.projects.count else { return nil }
        let decision = try decision(for: scenario)
        for (p, entry) in projects.enumerated() {
            let id = scenario.projects[p].id
            for key in ["id", "funded", "funder", "level", "start", "cost"] {
                expect(entry.keys.contains(key), "project \(id) lacks \(key)")
            }
            if let a = decision.assignments[p] {
                let funder = scenario.funders[a.funder]
                expect(entry["level"] as? String == funder.level.name, "project \(id): level \(String(describing: entry["level"])) for a \(funder.level.name) funder")
                let cost = Self.number(entry["cost"])
                expect(cost.map { Self.close($0, DecisionChecker.totalCost(of: scenario.projects[p], at: funder)) } == true,
                       "project \(id): cost \(String(describing: cost)), expected \(DecisionChecker.totalCost(of: scenario.projects[p], at: funder))")
                expect(entry["reason"] == nil, "funded project \(id) has a reason")
            } else {
                expect(entry["funded"] as? Bool == false, "project \(id): funded is \(String(describing: entry["funded"]))")
                for key in ["funder", "level", "start", "cost"] {
                    expect(Self.isNull(entry[key]), "unfunded project \(id): \(key) is not null")
                }
                let reason = entry["reason"] as? String
                expect(reason.map(Self.reasons.contains) == true, "unfunded project \(id): reason \(String(describing: reason))")
                expect(hasDecision ? reason != "noDecision" : reason == "noDecision",
                       "unfunded project \(id): reason \(String(describing: reason)) with status \(status)")
                expect(!((entry["explanation"] as? String) ?? "").isEmpty, "unfunded project \(id) has no explanation")
            }
        }

        // funders: budget, used per year and count, recomputed from the decision.
        expect(funders.map { $0["id"] as? String } == scenario.funders.map(\.id), "funder ids are not the scenario's, in order")
        var fundedBy = Array(repeating: [Int](), count: scenario.funders.count)
        for (p, a) in decision.assignments.enumerated() {
            if let a { fundedBy[a.funder].append(p) }
        }
        var allocated = 0.0
        for (f, funder) in scenario.funders.enumerated() where f < funders.count {
            let entry = funders[f]
            var used = Array(repeating: 0.0, count: scenario.horizon)
            for p in fundedBy[f] {
                let start = decision.assignments[p]!.start
                for (k, amount) in DecisionChecker.yearlyCost(of: scenario.projects[p], at: funder).enumerated()
                where used.indices.contains(start - 1 + k) {
                    used[start - 1 + k] += amount
                }
                allocated += DecisionChecker.totalCost(of: scenario.projects[p], at: funder)
            }
            let count = fundedBy[f].count
            expect(entry["level"] as? String == funder.level.name, "funder \(funder.id): level")
            let budget = (entry["budget"] as? [Any])?.compactMap(Self.number)
            expect(budget == funder.budget, "funder \(funder.id): budget \(String(describing: budget)), expected \(funder.budget)")
            let written = (entry["used"] as? [Any])?.compactMap(Self.number) ?? []
            expect(written.count == used.count && zip(written, used).allSatisfy { Self.close($0, $1) },
                   "funder \(funder.id): used \(written), expected \(used)")
            expect(Self.number(entry["projects"]) == Double(count), "funder \(funder.id): projects \(String(describing: entry["projects"])), expected \(count)")
        }

        // strategies: money going to projects that serve each, and its share of all money.
        expect(strategies.map { $0["id"] as? String } == scenario.strategies.map(\.id), "strategy ids are not the scenario's, in order")
        for (k, strategy) in scenario.strategies.enumerated() where k < strategies.count {
            var funded = 0.0
            for (p, a) in decision.assignments.enumerated() {
                guard let a, scenario.projects[p].strategies.contains(strategy.id) else { continue }
                funded += DecisionChecker.totalCost(of: scenario.projects[p], at: scenario.funders[a.funder])
            }
            let share = allocated > 0 ? funded / allocated : 0
            let writtenCost = Self.number(strategies[k]["fundedCost"])
            let writtenShare = Self.number(strategies[k]["share"])
            expect(writtenCost.map { Self.close($0, funded) } == true, "strategy \(strategy.id): fundedCost \(String(describing: writtenCost)), expected \(funded)")
            expect(writtenShare.map { abs($0 - share) <= 1e-8 } == true, "strategy \(strategy.id): share \(String(describing: writtenShare)), expected \(share)")
        }

        // The documented summary counts.
        if let summary = json["summary"] as? [String: Any] {
            let fundedCount = decision.assignments.compactMap { $0 }.count
            expect(Self.number(summary["projects"]) == Double(scenario.projects.count), "summary.projects")
            expect(Self.number(summary["funded"]) == Double(fundedCount), "summary.funded \(String(describing: summary["funded"])), expected \(fundedCount)")
            expect(Self.number(summary["fundedCost"]).map { Self.close($0, allocated) } == true, "summary.fundedCost, expected \(allocated)")
        } else {
            expect(false, "no summary object")
        }

        if timings {
            let t = json["timings"] as? [String: Any] ?? [:]
            let parts = ["read", "build", "solve", "total"].map { Self.number(t[$0]) }
            expect(parts.allSatisfy { ($0 ?? -1) >= 0 }, "timings \(t)")
            let read = parts[0] ?? 0, build = parts[1] ?? 0, solve = parts[2] ?? 0, total = parts[3] ?? 0
            expect(read + build + solve <= total + 1e-6, "timings read + build + solve exceed total: \(t)")
        }

        guard hasDecision else {
            expect(objective == nil, "objective \(String(describing: objective)) without a decision")
            expect(gap == nil, "gap \(String(describing: gap)) without a decision")
            expect(decision.assignments.allSatisfy { $0 == nil }, "projects funded with status \(status)")
            expect(json["budgetPrices"] == nil, "budgetPrices without a decision")
            return nil
        }

        // budgetPrices: one per funder and plan year, in order, or, when
        // budgetPricesComplete is false (cut by the time limit), the funders
        // priced in time with every year, unpricedFunders counting the others;
        // a price above 0 exactly when money binds, its marginal project one
        // the funder may fund and does not leave to another funder (docs/result-format.md).
        expect((json["budgetPrices"] != nil) == prices, "budgetPrices present: \(json["budgetPrices"] != nil), expected \(prices)")
        expect((json["budgetPricesComplete"] != nil) == prices, "budgetPricesComplete present: \(json["budgetPricesComplete"] != nil), expected \(prices)")
        let complete = json["budgetPricesComplete"] as? Bool ?? true
        expect((json["unpricedFunders"] != nil) == !complete, "unpricedFunders present: \(json["unpricedFunders"] != nil), complete \(complete)")
        let written = json["budgetPrices"] as? [[String: Any]] ?? []
        let writtenFunders = written.map { $0["funder"] as? String ?? "?" }
        let pricedFunders = scenario.funders.map(\.id).filter { writtenFunders.contains($0) }
        if !prices {
            expect(written.isEmpty, "budgetPrices written where none were expected")
        } else if complete {
            expect(pricedFunders.count == scenario.funders.count, "budgetPrices complete but \(scenario.funders.count - pricedFunders.count) funders have none")
        } else {
            expect(Self.number(json["unpricedFunders"]).map(Int.init) == scenario.funders.count - pricedFunders.count,
                   "unpricedFunders \(json["unpricedFunders"] ?? "?"), but \(scenario.funders.count - pricedFunders.count) funders have no price")
        }
        let expected = pricedFunders.flatMap { id in (1 ... scenario.horizon).map { (id, $0) } }
        expect(!prices || written.map { "\($0["funder"] as? String ?? "?")/\(Self.number($0["year"]) ?? -1)" }
               == expected.map { "\($0.0)/\(Double($0.1))" }, "budgetPrices are not one per funder priced and plan year, in order")
        let projectIndex = Dictionary(uniqueKeysWithValues: scenario.projects.enumerated().map { ($1.id, $0) })
        for entry in written {
            let where_ = "budgetPrices \(entry["funder"] ?? "?") year \(entry["year"] ?? "?")"
            let price = try XCTUnwrap(Self.number(entry["price"]), "\(label): \(where_) without a price", file: file, line: line)
            let limit = entry["limit"] as? String ?? "?"
            expect(price >= 0, "\(where_): price \(price)")
            expect((price > 0) == (limit == "budget"), "\(where_): price \(price) with limit \(limit)")
            expect(["budget", "maxProjects", "otherYear", "minShare", "overlap", "requires", "nothingToFund"].contains(limit), "\(where_): limit \(limit)")
            expect(Self.number(entry["perMillion"]).map { abs($0 - price * 1e6) <= 1e-6 * max(1, price * 1e6) } == true, "\(where_): perMillion")
            guard let f = scenario.funders.firstIndex(where: { $0.id == entry["funder"] as? String }) else { continue }
            if let id = entry["marginal"] as? String {
                let p = try XCTUnwrap(projectIndex[id], "\(label): \(where_): marginal \(id) is no project", file: file, line: line)
                expect(price > 0, "\(where_): a marginal project with price 0")
                expect(DecisionChecker.eligibilityProblems(project: p, funder: f, in: scenario).isEmpty, "\(where_): marginal \(id) is not eligible there")
                expect(decision.assignments[p].map { $0.funder == f } ?? true, "\(where_): marginal \(id) is another funder's")
            } else {
                expect(price == 0, "\(where_): price \(price) without a marginal project")
            }
        }


        // The decision itself: every rule holds, and the objective is its value.
        let violations = DecisionChecker.violations(of: decision, in: scenario)
        expect(violations.isEmpty, "the decision breaks rules:\n" + violations.prefix(20).joined(separator: "\n"))
        let recomputed = DecisionChecker.objective(of: decision, in: scenario)
        let objective = try XCTUnwrap(objective, "\(label): status \(status) without an objective", file: file, line: line)
        expect(Self.close(objective, recomputed), "objective \(objective), recomputed \(recomputed)")
        if let bound {
            expect(bound >= objective - 1e-9 * max(1, abs(objective)), "bound \(bound) below objective \(objective)")
            let expectedGap = (bound - objective) / max(1e-9, abs(objective))
            expect(gap.map { abs($0 - expectedGap) <= 1e-9 * max(1, expectedGap) } == true, "gap \(String(describing: gap)), expected \(expectedGap)")
        } else {
            expect(gap == nil, "gap \(String(describing: gap)) without a bound")
        }
        if status == "optimal", json["termination"] as? String != "searchComplete" {
            let mipGap = Self.number(json["mipGap"]) ?? scenario.policy.mipGap
            expect((gap ?? .infinity) <= mipGap + 1e-9, "optimal with gap \(String(describing: gap)) above mipGap \(mipGap)")
        }
        return decision
    }
}
