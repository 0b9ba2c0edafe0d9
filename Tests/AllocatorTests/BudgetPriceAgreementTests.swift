import Allocator
import Testing

/// Every budget price of random small scenarios (`RandomScenario`: every
/// feature of the format) checked against an independent answer: the
/// funder's LP is built here by the older `LinearModel.restricted(parts:at:)`
/// (not by `FunderLPBuilder`), with the funder's part worked out here from
/// the decision, and solved in exact rational arithmetic (`ExactLP`) at the
/// budget and a hundredth of a baht above it: the finite difference must
/// equal the price. Over the range a price is said to hold, the LP's value
/// must grow at exactly that price. Each scenario is tried as drawn and with
/// tight budgets (`tightened`), so that many budgets bind.
@Suite struct BudgetPriceAgreementTests {
    static let seeds: ClosedRange<UInt64> = 1 ... 1000
    /// A hundredth of a baht: small against the scenarios' costs (multiples of 6
    /// and 10 baht), large against the rounding of `glp_exact`'s optimum (about 1e-10).
    static let step = 1e-2

    /// How many prices of each kind were checked.
    struct Tally {
        var positive = 0
        var zero = 0
        var ranges = 0
        var limits: Set<String> = []
    }

    @Test func pricesAreFiniteDifferencesOfTheFundersExactLP() throws {
        var tally = Tally()
        for seed in Self.seeds {
            let s = RandomScenario.make(seed: seed)
            try check(s, "seed \(seed)", &tally)
            try check(Self.tightened(s), "seed \(seed), tight", &tally)
        }
        #expect(tally.positive >= 200, "enough binding budgets tested: \(tally.positive)")
        #expect(tally.zero >= 300, "enough free budgets tested: \(tally.zero)")
        #expect(tally.ranges >= 200, "enough ranges tested: \(tally.ranges)")
        #expect(tally.limits.isSuperset(of: ["budget", "nothingToFund", "maxProjects", "minShare"]), "\(tally.limits)")
    }

    /// `s` with each funder's budget of each year cut to 40% of what all its
    /// choices would spend that year, but no less than its dearest choice
    /// there (so that every choice still fits alone), in whole baht.
    static func tightened(_ s: Scenario) -> Scenario {
        var tight = s
        let model = ModelBuilder.build(s)
        var total = s.funders.map { _ in [Double](repeating: 0, count: s.horizon) }
        var largest = total
        for c in model.choices {
            for (k, amount) in c.yearlyCost.enumerated() where c.start - 1 + k < s.horizon {
                total[c.funder][c.start - 1 + k] += amount
                largest[c.funder][c.start - 1 + k] = max(largest[c.funder][c.start - 1 + k], amount)
            }
        }
        for f in s.funders.indices {
            for y in 0 ..< s.horizon where total[f][y] > 0 {
                tight.funders[f].budget[y] = max(largest[f][y], (0.4 * total[f][y]).rounded())
            }
        }
        return tight
    }

    private func check(_ s: Scenario, _ label: String, _ tally: inout Tally) throws {
        let result = try Allocation.solve(s)
        guard let decision = result.decision else { return }
        let model = result.model
        let prices = try BudgetPrices.compute(model: model, decision: decision)
        #expect(prices.all.count == s.funders.count * s.horizon)
        let columns = try #require(model.columns(of: decision))
        for f in s.funders.indices {
            let part = model.choices.indices.filter { j in
                let c = model.choices[j]
                guard c.funder == f else { return false }
                let owner = decision.assignments[c.project]?.funder
                return owner == nil || owner == f
            }
            let lp = model.linear.restricted(parts: [part], at: columns)[0]
            let base = try #require(ExactLP.value(of: lp), "\(label)")
            for y in 1 ... s.horizon {
                let price = prices.price(funder: f, year: y)
                let place = "\(label), funder \(s.funders[f].id), year \(y)"
                #expect(price.funder == f && price.year == y)
                tally.limits.insert(price.limit.code)
                #expect((price.price > 0) == (price.limit == .budget), "\(place)")
                guard let row = lp.rowNames.firstIndex(of: "budget[\(s.funders[f].id),\(y)]") else {
                    #expect(price.price == 0, "\(place): no budget row")
                    tally.zero += 1
                    continue
                }
                let above = try #require(ExactLP.value(of: lp, upperShift: [row: Self.step]))
                let slope = (above - base) / Self.step
                #expect(abs(slope - price.price) <= 1e-6 * max(1, abs(slope)), "\(place): price \(price.price), finite difference \(slope)")
                guard price.price > 0 else {
                    tally.zero += 1
                    continue
                }
                tally.positive += 1
                #expect(price.marginal.map { part.contains($0) } == true, "\(place): the marginal choice is the funder's")
                #expect(price.displaced.map { part.contains($0) } ?? true, "\(place): the displaced choice is the funder's")
                guard let range = price.range, range > Self.step else { continue }
                tally.ranges += 1
                for fraction in [0.5, 1.0] {
                    let far = try #require(ExactLP.value(of: lp, upperShift: [row: fraction * range]))
                    #expect(abs(far - base - price.price * fraction * range) <= 1e-7 * max(1, abs(far)),
                            "\(place): the LP grows at the price over \(fraction) of its range \(range)")
                }
            }
        }
    }
}
