import Allocator
import Testing

/// The per-funder detail behind each reason: every eligibility rule that
/// excludes a funder is named (not only the first), and an eligible funder is
/// too small, at its project limit, spent, or had room, as worked out by hand.
@Suite struct FunderStandingTests {
    static let areas = [Area(id: "P"), Area(id: "D1", parent: "P"), Area(id: "T1", parent: "D1"), Area(id: "D2", parent: "P")]

    @Test func everyRuleThatExcludesAFunderIsNamed() throws {
        let s = Scenario(
            name: "rules", areas: Self.areas, strategies: [Strategy(id: "S")],
            funders: [
                Funder(id: "C", level: .community, area: "T1", budget: [100]),
                Funder(id: "L2", level: .lao, area: "D2", budget: [100]),
                Funder(id: "L", level: .lao, area: "T1", budget: [100], maxProjectCost: 10),
                Funder(id: "M", level: .ministry, budget: [100], sectors: ["health"]),
            ],
            projects: [Project(id: "X", area: "T1", cost: .total(50), priority: 5, sector: "water")])
        let result = try Allocation.solve(s, options: SolveOptions(mipGap: 0))
        let figures = ResultFigures(model: result.model, decision: result.decision)
        let detail = try #require(figures.details[0])
        #expect(detail.reason.code == "noEligibleFunder")
        // In escalation order; L2 serves a sibling area and is only counted.
        #expect(detail.standings.map { result.scenario.funders[$0.funder].id } == ["C", "L", "M"])
        #expect(detail.standings.map(\.kind) == [
            .ineligible([.levelNotAllowed]),
            .ineligible([.overMaxProjectCost, .noStrategyLink]),
            .ineligible([.sectorNotInMandate, .noStrategyLink]),
        ])
        #expect(detail.outsideArea == 1)
        // The sentence counts each funder under the first rule that excludes it, and names it.
        #expect(detail.reason.explanation == "No funder may fund it: level not allowed for it (1 funder: C); "
            + "sector mandate without water (1 funder: M); it costs more than the funder's maxProjectCost (1 funder: L); "
            + "outside its area (1 funder).")
    }

    @Test func failuresAgreeWithTheFirstRuleOfCheck() {
        let project = Project(id: "X", area: "T1", cost: .total(50), priority: 5, exclude: true)
        let funder = Funder(id: "M", level: .ministry, budget: [100], maxProjectCost: 10, sectors: ["health"])
        let rules = Eligibility.failures(project: project, funder: funder, servesArea: false, totalCost: 50, policy: Policy())
        #expect(rules == [.outsideArea, .sectorNotInMandate, .overMaxProjectCost, .noStrategyLink, .excluded])
        #expect(Eligibility.check(project: project, funder: funder, servesArea: false, totalCost: 50, policy: Policy()) == .outsideArea)
        let fine = Project(id: "Y", area: "T1", cost: .total(5), priority: 5, sector: "health", strategies: ["S"])
        #expect(Eligibility.failures(project: fine, funder: funder, servesArea: true, totalCost: 5, policy: Policy()) == [])
    }

    /// L (budget 1,000, at most 2 projects) funds A (600); B (500) does not fit: 400 left.
    /// C (at most 1 project) funds D; E (10,000) is larger than F's whole budget.
    @Test func eligibleFundersAreSpentFullTooSmallOrHadRoom() throws {
        let s = Scenario(
            name: "standings", areas: Self.areas,
            funders: [
                Funder(id: "L", level: .lao, area: "T1", budget: [1000], maxProjects: 2),
                Funder(id: "C", level: .district, area: "D2", budget: [1000], maxProjects: 1),
                Funder(id: "F", level: .province, area: "P", budget: [5000]),
            ],
            projects: [
                Project(id: "A", area: "T1", cost: .total(600), priority: 10, levels: [.lao]),
                Project(id: "B", area: "T1", cost: .total(500), priority: 1, levels: [.lao]),
                Project(id: "D", area: "D2", cost: .total(100), priority: 10, levels: [.district]),
                Project(id: "G", area: "D2", cost: .total(100), priority: 1, levels: [.district]),
                Project(id: "E", area: "D2", cost: .total(10000), priority: 1, levels: [.province]),
            ],
            policy: Policy(strategyRequired: [], mipGap: 0))
        let result = try Allocation.solve(s)
        let details = ResultFigures(model: result.model, decision: result.decision).details
        #expect(details[1]?.reason.code == "budget")
        #expect(details[1]?.standings.map(\.kind) == [
            .budgetFull(start: 1, year: 1, left: 400, needed: 500), .ineligible([.levelNotAllowed]),
        ])
        #expect(details[3]?.standings.map(\.kind).filter { $0.code != "ineligible" } == [.atCapacity(limit: 1)])
        #expect(details[4]?.standings.map(\.kind).filter { $0.code != "ineligible" } == [.tooLarge(year: 1, budget: 5000)])
        #expect(details[4]?.reason.explanation.hasPrefix("It costs more in some year than the whole yearly budget") == true)
    }
}
