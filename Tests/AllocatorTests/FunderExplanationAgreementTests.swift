import Allocator
import Testing

/// `allocate explain --funder` on random small scenarios, each re-solve
/// checked against enumeration: the whole re-solve's objective against
/// `BruteForce` on the changed scenario, and the funder-alone re-solves
/// against every way of giving the funder's own choices to the projects it
/// funds or that are unfunded (each project at most once), everything else
/// held as decided, judged by `DecisionChecker` on the changed scenario.
@Suite struct FunderExplanationAgreementTests {
    static let seeds: ClosedRange<UInt64> = 1 ... 300

    @Test func resolvesAgreeWithEnumeration() throws {
        var checked = 0, gained = 0
        for seed in Self.seeds {
            let drawn = RandomScenario.make(seed: seed)
            for s in [drawn, BudgetPriceAgreementTests.tightened(drawn)] {
                let result = try Allocation.solve(s)
                guard result.status == .optimal, let decision = result.decision else { continue }
                let base = try #require(try BruteForce.solve(s)).objective
                let explainer = Explainer(result: result)
                for f in s.funders.indices {
                    // The default amount where a price is above 0, else a tenth of the largest budget.
                    let fallback = max(1, (s.funders.map { $0.budget.max() ?? 0 }.max() ?? 0) / 10)
                    var e = try explainer.explain(funder: f)
                    if e.extra == nil { e = try explainer.explain(funder: f, extra: fallback) }
                    let extra = try #require(e.extra)
                    let changed = ScenarioChange.extraBudget(funder: f, years: extra.years, amount: extra.amount).applied(to: s)
                    let place = "seed \(seed), \(s.name == drawn.name && s.funders == drawn.funders ? "drawn" : "tight"), funder \(s.funders[f].id), \(extra.amount) baht in \(extra.years)"
                    #expect(e.resolves.count == 3, "\(place)")
                    guard e.resolves.count == 3 else { continue }
                    let (aloneBase, aloneExtra, whole) = (e.resolves[0], e.resolves[1], e.resolves[2])

                    let best = try #require(try BruteForce.solve(changed), "\(place)").objective
                    #expect(whole.status == .optimal, "\(place)")
                    #expect(abs((whole.objective ?? .nan) - best) <= 1e-6 * max(1, abs(best)), "\(place): whole \(String(describing: whole.objective)), enumeration \(best)")
                    #expect(abs((whole.gain ?? .nan) - (best - base)) <= 1e-6 * max(1, abs(best)), "\(place): whole gain")

                    let alone = Self.bestAlone(f, in: changed, holding: decision)
                    #expect(aloneExtra.status == .optimal, "\(place)")
                    #expect(abs((aloneExtra.objective ?? .nan) - alone) <= 1e-6 * max(1, abs(alone)), "\(place): alone \(String(describing: aloneExtra.objective)), enumeration \(alone)")
                    if let d = aloneExtra.decision {
                        #expect(DecisionChecker.violations(of: d, in: changed).isEmpty, "\(place): the alone decision breaks a rule")
                    }
                    let aloneAsIs = Self.bestAlone(f, in: s, holding: decision)
                    #expect(abs((aloneBase.objective ?? .nan) - aloneAsIs) <= 1e-6 * max(1, abs(aloneAsIs)), "\(place): alone, own budget")
                    #expect(abs(aloneBase.gain ?? .nan) <= 1e-6 * max(1, abs(base)), "\(place): an optimal decision is optimal for the funder alone")
                    checked += 1
                    if (aloneExtra.gain ?? 0) > 1e-9 { gained += 1 }
                }
            }
        }
        #expect(checked >= 1000, "funders explained: \(checked)")
        #expect(gained >= 50, "explanations where the extra money funds more: \(gained)")
    }

    /// The best objective over decisions that keep `decision` for every
    /// project another funder funds and give each other project one of funder
    /// `f`'s eligible choices or nothing, by enumeration.
    static func bestAlone(_ f: Int, in s: Scenario, holding decision: Decision) -> Double {
        let columns = BruteForce.columns(of: s).filter { $0.funder == f }
        let free = s.projects.indices.filter { p in decision.assignments[p].map { $0.funder == f } ?? true }
        let options = free.map { p in columns.filter { $0.project == p } }
        var assignments = decision.assignments
        for p in free { assignments[p] = nil }
        var best = -Double.infinity
        func visit(_ k: Int) {
            guard k < free.count else {
                let candidate = Decision(assignments: assignments)
                if DecisionChecker.violations(of: candidate, in: s).isEmpty {
                    best = max(best, DecisionChecker.objective(of: candidate, in: s))
                }
                return
            }
            assignments[free[k]] = nil
            visit(k + 1)
            for option in options[k] {
                assignments[free[k]] = Decision.Assignment(funder: f, start: option.start)
                visit(k + 1)
            }
            assignments[free[k]] = nil
        }
        visit(0)
        return best
    }
}
