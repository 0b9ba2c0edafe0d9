import Allocator
import Testing

/// Infeasible scenarios explained (issue 6, point 3): each hand-built case has
/// one known conflict, and the diagnosis names it with the shortfall worked
/// out by hand.
@Suite struct InfeasibilityDiagnosisTests {
    /// One tambon with one LAO funder (budget `budget`), strategies S1 and S2 (S1's minimum share `share`), and `projects`.
    static func scenario(budget: Int = 1_000_000, share: Double = 0, projects: String) throws -> Scenario {
        let text = """
            {"format": "allocate/1", "name": "infeasible", "policy": {"mipGap": 0},
             "areas": [{"id": "A", "kind": "province"}, {"id": "A-1", "parent": "A", "kind": "tambon"}],
             "strategies": [{"id": "S1", "minShare": \(share)}, {"id": "S2"}],
             "funders": [{"id": "LAO-1", "level": "lao", "area": "A-1", "budget": \(budget)}],
             "projects": [\(projects)]}
            """
        return try ScenarioReader.read(bytes: Array(text.utf8))
    }

    static func project(_ id: String, cost: Int, strategy: String = "S1", extra: String = "") -> String {
        """
        {"id": "\(id)", "area": "A-1", "cost": \(cost), "priority": 5, "strategies": ["\(strategy)"]\(extra)}
        """
    }

    static func diagnosis(_ scenario: Scenario) throws -> InfeasibilityDiagnosis {
        let result = try Allocation.solve(scenario)
        #expect(result.status == .infeasible)
        let diagnosis = try #require(result.infeasibility)
        #expect(diagnosis.proven)
        return diagnosis
    }

    @Test func mandatoryProjectsOverABudget() throws {
        let s = try Self.scenario(projects: [
            Self.project("P1", cost: 600_000, extra: #", "mandatory": true"#),
            Self.project("P2", cost: 500_000, extra: #", "mandatory": true"#),
            Self.project("P3", cost: 100_000),
        ].joined(separator: ","))
        let d = try Self.diagnosis(s)
        #expect(d.conflicts.map(\.rule) == [.budget(funder: 0, year: 1)])
        #expect(abs(d.conflicts[0].amount - 100_000) < 1e-6)
        #expect(d.conflicts[0].explanation.contains("100,000 baht more"))
    }

    @Test func minimumShareNoDecisionCanMeet() throws {
        // P2 (S2, 700,000) is mandatory; S1 needs half of all money: with P1
        // (S1, 300,000) funded, S1 has 300,000 of 1,000,000 and lacks 400,000.
        let s = try Self.scenario(share: 0.5, projects: [
            Self.project("P1", cost: 300_000),
            Self.project("P2", cost: 700_000, strategy: "S2", extra: #", "mandatory": true"#),
        ].joined(separator: ","))
        let d = try Self.diagnosis(s)
        #expect(d.conflicts.map(\.rule) == [.minShare(strategy: 0)])
        #expect(abs(d.conflicts[0].amount - 400_000) < 1e-3)
    }

    @Test func mandatoryProjectRequiringAnUnfundableOne() throws {
        // P2 costs more than any budget: it has no choice, so P1 cannot be funded.
        let s = try Self.scenario(projects: [
            Self.project("P1", cost: 100_000, extra: #", "mandatory": true, "requires": ["P2"]"#),
            Self.project("P2", cost: 2_000_000),
        ].joined(separator: ","))
        let d = try Self.diagnosis(s)
        #expect(d.conflicts.count == 1)
        let rule = try #require(d.conflicts.first?.rule)
        #expect(rule == .requires(project: 0, required: 1) || rule == .mandatory(project: 0))
    }

    @Test func twoMandatoryProjectsInOneOverlapGroup() throws {
        let s = try Self.scenario(projects: [
            Self.project("P1", cost: 100_000, extra: #", "mandatory": true, "overlaps": ["G"]"#),
            Self.project("P2", cost: 100_000, extra: #", "mandatory": true, "overlaps": ["G"]"#),
        ].joined(separator: ","))
        let d = try Self.diagnosis(s)
        #expect(d.conflicts.count == 1)
        let rule = try #require(d.conflicts.first?.rule)
        #expect(rule == .overlap(group: "G") || rule == .mandatory(project: 0) || rule == .mandatory(project: 1))
        #expect(d.conflicts.first?.amount == 1)
    }

    /// A feasible scenario gets no diagnosis.
    @Test func feasibleScenarioHasNone() throws {
        let s = try Self.scenario(projects: Self.project("P1", cost: 100_000, extra: #", "mandatory": true"#))
        let result = try Allocation.solve(s)
        #expect(result.status == .optimal)
        #expect(result.infeasibility == nil)
    }
}
