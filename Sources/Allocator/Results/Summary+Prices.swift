/// The summary's section on budget prices: where one more baht is worth most,
/// and what limits the other budgets.
extension Summary {
    /// Budgets listed in the summary, highest price first.
    static let listedPrices = 10

    /// The section, or "" when the result has no prices.
    static func pricesSection(_ result: AllocationResult, model: AllocationModel) -> String {
        guard let prices = result.budgetPrices else { return "" }
        let s = model.scenario
        var out = "\nWhere one more baht is worth most (each funder's LP at this decision, the rest held; docs/prices.md)\n"
        if !prices.isComplete { out += "  " + cutLine(prices, funders: s.funders.count) + "\n" }
        guard prices.isComplete || !prices.all.isEmpty else { return out }
        out += "  " + limitCounts(prices) + "\n"
        let ranked = prices.ranked
        guard !ranked.isEmpty else {
            return out + (prices.isComplete
                ? "  No budget binds: more money at any one funder buys nothing at this decision.\n"
                : "  No budget of the funders priced binds.\n")
        }
        // The plan year only when there are several (a fiscal year would read as an amount).
        let years = s.horizon > 1
        var table = TextTable(
            headers: ["funder", "name", "level"] + (years ? ["year"] : []) + ["per 1M baht", "next project", "holds for (baht)"],
            alignments: [.left, .left, .left] + (years ? [.left] : []) + [.right, .left, .right])
        for price in ranked.prefix(listedPrices) {
            let funder = s.funders[price.funder]
            table.add([funder.id, funder.name ?? "", funder.level.name] + (years ? [ProjectExplanation.yearLabel(price.year, s)] : []) + [
                NumberFormat.fixed(price.perMillion, decimals: 3), nextProject(price, model: model),
                price.range.map(NumberFormat.baht) ?? "-",
            ])
        }
        return out + table.render()
    }

    /// The marginal project (from its start year, with several plan years) and
    /// the one it pushes out: "P-0017", "P-0017 for P-0009", "A2 from 2571 (moved from 2572)".
    static func nextProject(_ price: BudgetPrice, model: AllocationModel) -> String {
        let s = model.scenario
        guard let m = price.marginal else { return "-" }
        func label(_ c: Choice) -> String {
            s.projects[c.project].id + (s.horizon > 1 ? " from \(ProjectExplanation.yearLabel(c.start, s))" : "")
        }
        let gained = model.choices[m]
        guard let d = price.displaced else { return label(gained) }
        let lost = model.choices[d]
        if lost.project == gained.project { return label(gained) + " (moved from \(ProjectExplanation.yearLabel(lost.start, s)))" }
        return label(gained) + " for " + label(lost)
    }

    /// The sentence saying the prices were cut by the time limit, and how many funders they leave out.
    static func cutLine(_ prices: BudgetPrices, funders: Int) -> String {
        "Cut by the time limit: \(NumberFormat.grouped(prices.unpriced.count)) of "
            + "\(NumberFormat.counted(funders, "funder")) not priced (left out of budgetPrices); "
            + "a longer --time-limit prices them all."
    }

    /// "Money binds 12 of 40 budgets (funder and plan year); 3 at a project limit, ..."
    static func limitCounts(_ prices: BudgetPrices) -> String {
        var counts: [(code: String, count: Int)] = []
        for price in prices.all {
            if let k = counts.firstIndex(where: { $0.code == price.limit.code }) {
                counts[k].count += 1
            } else {
                counts.append((price.limit.code, 1))
            }
        }
        func count(_ code: String) -> Int { counts.first { $0.code == code }?.count ?? 0 }
        let words: [(code: String, text: String)] = [
            ("maxProjects", "at a project limit"), ("otherYear", "held by another year's money"),
            ("minShare", "held by a minimum strategy share"), ("overlap", "held by an overlap group"),
            ("requires", "held by a requires link"), ("nothingToFund", "with nothing more to fund"),
        ]
        var line = "Money binds \(NumberFormat.grouped(count("budget"))) of "
            + "\(NumberFormat.counted(prices.all.count, "budget")) (funder and plan year)"
        let others = words.filter { count($0.code) > 0 }.map { "\(NumberFormat.grouped(count($0.code))) \($0.text)" }
        if !others.isEmpty { line += "; " + others.joined(separator: ", ") }
        return line + "."
    }
}
