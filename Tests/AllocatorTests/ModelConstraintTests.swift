import Allocator
import Testing

/// One test per constraint family of the spec's model: in each, the family is
/// the only thing keeping the solver from a more valuable decision. Policy and
/// areas come from `ModelRule`: 10% lost per escalation step and per year of delay.
@Suite struct ModelConstraintTests {
    /// Each project is funded at most once, though two funders would each add value.
    @Test func eachProjectFundedAtMostOnce() throws {
        let s = ModelRule.scenario(
            funders: [
                Funder(id: "LAO-T1", level: .lao, area: "T1", budget: [1000]),
                Funder(id: "DIST-D1", level: .district, area: "D1", budget: [1000]),
            ],
            projects: [Project(id: "A", area: "T1", cost: .total(10), priority: 10)])
        // LAO 10 beats DIST 9; both at once would be 19.
        try ModelRule.expectOptimum(s, ["LAO-T1@1"], objective: 10)
    }

    /// A mandatory project is funded (exactly once) even when a more valuable
    /// project wants the same budget, and even when it has a single choice.
    @Test func mandatoryProjectFundedExactlyOnce() throws {
        let s = ModelRule.scenario(
            funders: [Funder(id: "LAO-T1", level: .lao, area: "T1", budget: [100])],
            projects: [
                Project(id: "A", area: "T1", cost: .total(100), priority: 10),
                Project(id: "M", area: "T1", cost: .total(100), priority: 1, mandatory: true),
            ])
        // Room for one: M (1) rather than A (10).
        try ModelRule.expectOptimum(s, ["-", "LAO-T1@1"], objective: 1)
    }

    /// Within each overlap group at most one project; a project may sit in
    /// several groups (every one counts) or list a group twice.
    @Test func overlapGroupsFundAtMostOneEach() throws {
        let s = ModelRule.scenario(
            funders: [Funder(id: "LAO-T1", level: .lao, area: "T1", budget: [1000])],
            projects: [
                Project(id: "A", area: "T1", cost: .total(10), priority: 5, overlaps: ["g1"]),
                Project(id: "B", area: "T1", cost: .total(10), priority: 8, overlaps: ["g1", "g2"]),
                Project(id: "C", area: "T1", cost: .total(10), priority: 5, overlaps: ["g2", "g2"]),
                Project(id: "D", area: "T1", cost: .total(10), priority: 1, overlaps: ["g3"]),
            ])
        // A + C + D = 11 beats B + D = 9 (all four would be 19; B + C + D, if g2 were ignored, 14).
        try ModelRule.expectOptimum(s, ["LAO-T1@1", "-", "LAO-T1@1", "LAO-T1@1"], objective: 11)
    }

    /// Each funder's spending within its own budget (one plan year).
    @Test func budgetPerFunder() throws {
        let s = ModelRule.scenario(
            funders: [
                Funder(id: "LAO-T1", level: .lao, area: "T1", budget: [100]),
                Funder(id: "DIST-D1", level: .district, area: "D1", budget: [60]),
            ],
            projects: [
                Project(id: "A", area: "T1", cost: .total(60), priority: 10),
                Project(id: "B", area: "T1", cost: .total(60), priority: 9),
                Project(id: "C", area: "T1", cost: .total(40), priority: 3),
            ])
        // LAO holds 100: A + C (10 + 3); B goes to DIST at 9 * 0.9 = 8.1. Total 21.1.
        // Without budgets all three at the LAO would be 22.
        try ModelRule.expectOptimum(s, ["LAO-T1@1", "DIST-D1@1", "LAO-T1@1"], objective: 21.1)
    }

    /// Each funder and plan year: a total cost C over d years spends C/d each
    /// year, a per-year `cost` array spends as written, and each year has its own budget.
    @Test func budgetPerYearSpreadsTotalsAndKeepsCostArrays() throws {
        let s = ModelRule.scenario(
            horizon: 2,
            funders: [Funder(id: "LAO-T1", level: .lao, area: "T1", budget: [90, 70])],
            projects: [
                // 120 over 2 years: 60 + 60.
                Project(id: "X", area: "T1", cost: .total(120), priority: 10, duration: 2),
                // 30 then 10 (spread evenly it would be 20 + 20).
                Project(id: "Z", area: "T1", cost: .perYear([30, 10]), priority: 6, duration: 2),
                Project(id: "W", area: "T1", cost: .total(30), priority: 4),
            ])
        // X + Z: year 1 60 + 30 = 90, year 2 60 + 10 = 70, value 16; adding W (30) breaks either year.
        // Next best X + W@1 (90, 60) = 14; Z + W@1 = 10. With Z spread evenly X + Z would break
        // year 2 (80 > 70); with X's 120 all in year 1 X could not be funded.
        try ModelRule.expectOptimum(s, ["LAO-T1@1", "LAO-T1@1", "-"], objective: 16)
    }

    /// `maxProjects` counts projects over the whole horizon, not per year;
    /// `maxProjects` 0 closes a funder.
    @Test func maxProjectsPerFunderOverHorizon() throws {
        let s = ModelRule.scenario(
            horizon: 2,
            funders: [
                Funder(id: "LAO-T1", level: .lao, area: "T1", budget: [20, 20], maxProjects: 2),
                Funder(id: "DIST-D1", level: .district, area: "D1", budget: [1000, 1000], maxProjects: 0),
            ],
            projects: [
                Project(id: "A", area: "T1", cost: .total(10), priority: 10, valueAt: [.init(key: "district", value: 100)]),
                Project(id: "B", area: "T1", cost: .total(10), priority: 9, valueAt: [.init(key: "district", value: 100)]),
                Project(id: "C", area: "T1", cost: .total(10), priority: 8, valueAt: [.init(key: "district", value: 100)]),
            ])
        // Two projects at the LAO: A@1 + B@1 = 19 (A@1 + B@2 = 18.1). Without the limit
        // A@1 + B@1 + C@2 = 26.2 would fit the budgets.
        try ModelRule.expectOptimum(s, ["LAO-T1@1", "LAO-T1@1", "-"], objective: 19)
    }

    /// `requires` with horizon 1: a project is funded only if the one it requires is.
    @Test func requiresFundedOnlyWithRequiredProject() throws {
        let s = ModelRule.scenario(
            funders: [Funder(id: "LAO-T1", level: .lao, area: "T1", budget: [100])],
            projects: [
                Project(id: "Q", area: "T1", cost: .total(50), priority: 1),
                Project(id: "P", area: "T1", cost: .total(50), priority: 10, requires: ["Q"]),
                Project(id: "R", area: "T1", cost: .total(50), priority: 5),
            ])
        // Room for two: P + Q = 11 (P + R = 15 is not allowed; Q + R = 6).
        try ModelRule.expectOptimum(s, ["LAO-T1@1", "LAO-T1@1", "-"], objective: 11)
    }

    /// `requires` with horizon > 1: the project starts only once the one it
    /// requires has ended (start >= its start + its duration).
    @Test func requiresStartsAfterRequiredProjectEnds() throws {
        let s = ModelRule.scenario(
            horizon: 3,
            funders: [Funder(id: "LAO-T1", level: .lao, area: "T1", budget: ModelRule.years(100, 3))],
            projects: [
                Project(id: "Q", area: "T1", cost: .total(10), priority: 1, duration: 2),
                Project(id: "P", area: "T1", cost: .total(10), priority: 10, requires: ["Q"]),
            ])
        // Q in years 1-2, P in year 3: 1 + 10 * 0.9^2 = 9.1 (both in year 1 would be 11;
        // P in year 2, overlapping Q, 10).
        try ModelRule.expectOptimum(s, ["LAO-T1@1", "LAO-T1@3"], objective: 9.1)
    }

    /// `minShare`: money to projects serving the strategy, each at its cost at
    /// its funder after `costAt`, is at least the share of all money; a strategy
    /// listed twice by a project counts once.
    @Test func minShareOfStrategyMoney() throws {
        let s = ModelRule.scenario(
            strategies: [Strategy(id: "S1", minShare: 0.5)],
            funders: [Funder(id: "LAO-T1", level: .lao, area: "T1", budget: [1000])],
            projects: [
                // 100, but 40 at the LAO level.
                Project(id: "A", area: "T1", cost: .total(100), priority: 1, strategies: ["S1", "S1"],
                        costAt: [.init(key: "lao", value: .total(40))]),
                Project(id: "B", area: "T1", cost: .total(50), priority: 10),
                Project(id: "C", area: "T1", cost: .total(20), priority: 5),
            ])
        // A + C: 40 of 60 serves S1, at least half: value 1 + 5 = 6. Any set with B fails:
        // A + B 40 of 90, A + B + C 40 of 110. (At A's own cost 100, A + B + C would pass
        // with 100 of 170; counting S1 twice, 2 * 40 - 0.5 * 110 >= 0 would pass too.)
        try ModelRule.expectOptimum(s, ["LAO-T1@1", "-", "LAO-T1@1"], objective: 6)
    }
}
