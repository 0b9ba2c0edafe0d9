/// Makes a realistic synthetic `allocate/1` scenario of any size, the same for
/// the same parameters on every run and every machine.
///
/// The scenario follows the Ministry of Interior guideline's structure:
/// * areas: province > district > tambon > village, Thai names, ids like
///   `KK-01-03-05`, about 12 villages per tambon, 10 tambons per district and
///   5 proposals per village;
/// * 4 to 6 provincial strategies with weights, and a minimum share on the
///   water strategy (sometimes also on quality of life) set a little above
///   its share of the requests, so it binds but can be met;
/// * funders: a community per village (self-reliant needs only), an LAO per
///   tambon (with `maxProjects` and `maxProjectCost`), a district, a province,
///   and 5 to 8 nationwide ministries with sector mandates;
/// * projects: about 30% self-reliant, log-normal costs rounded to 1,000 baht,
///   duplicate proposals in overlap groups, `requires` edges, a few cheap
///   mandatory projects, `costAt` and `levels` overrides, and with a horizon
///   above 1 durations, per-year costs and start windows;
/// * budgets sized so that about 57-64% of the money requested by fundable
///   projects can be funded (see `ScenarioGenerator+Funders.swift`).
///
/// Money is always whole thousands of baht and the random stream is
/// `SeededRandom`, so the output has no floating-point or platform surprises.
public struct ScenarioGenerator: Sendable {
    /// Number of projects generated (exactly).
    public let projects: Int
    public let seed: UInt64
    /// Plan years, 1...10.
    public let horizon: Int
    /// Number of provinces (area tree roots).
    public let provinces: Int

    public init(projects: Int, seed: UInt64, horizon: Int = 1, provinces: Int = 1) {
        precondition(projects >= 1, "a scenario needs at least one project")
        precondition((1...10).contains(horizon), "horizon must be 1...10")
        precondition(provinces >= 1, "a scenario needs at least one province")
        self.projects = projects
        self.seed = seed
        self.horizon = horizon
        self.provinces = provinces
    }

    /// The scenario for these parameters.
    ///
    /// - Complexity: O(projects), a few seconds for a million projects in a release build.
    public func generate() -> Scenario {
        let tree = makeAreas()
        let plan = makeStrategies()
        let ministries = chooseMinistries()
        let drawn = makeProjects(tree: tree, strategies: plan, ministries: ministries)
        let funding = makeFunders(tree: tree, ministries: ministries, drawn: drawn)
        let strategies = plan.strategies(requested: funding.requested, projects: drawn.projects,
                                         ratio: funding.ratio)
        let provinceNames = tree.provinces.map(\.name)
        let title = provinceNames.count == 1
            ? "แผนพัฒนาบูรณาการจังหวัด\(provinceNames[0])"
            : "แผนพัฒนาบูรณาการ \(provinceNames.count) จังหวัด"
        return Scenario(
            name: "\(title) (สังเคราะห์ seed \(seed))",
            fiscalYear: 2570,
            horizon: horizon,
            areas: tree.areas,
            strategies: strategies,
            funders: funding.funders,
            projects: drawn.projects,
            policy: Policy()
        )
    }

    /// The random stream for one part of the generation (see `SeededRandom.init(seed:stream:)`).
    func random(_ part: Part) -> SeededRandom {
        SeededRandom(seed: seed, stream: part.rawValue)
    }

    /// The parts of the generation, each with its own random stream.
    enum Part: UInt64 {
        case areas = 1, strategies, ministries, projects, funders
    }

    /// `amount` rounded to whole thousands of baht, at least 1,000.
    static func thousands(_ amount: Double) -> Double {
        max(1000, (amount / 1000).rounded() * 1000)
    }

    /// `n` in decimal, left-padded with zeros to `width` digits.
    static func padded(_ n: Int, width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Splits `total` into `parts` counts of at least `minimum` each, each
    /// near the average give or take `jitter` (a fraction), summing to `total`.
    static func split(_ total: Int, into parts: Int, jitter: Double, minimum: Int,
                      using rng: inout SeededRandom) -> [Int] {
        precondition(parts >= 1 && total >= parts * minimum)
        let free = total - parts * minimum
        let weights = (0..<parts).map { _ in 1 + jitter * (2 * rng.unit() - 1) }
        let sum = weights.reduce(0, +)
        var counts = weights.map { minimum + Int(Double(free) * $0 / sum) }
        var rest = total - counts.reduce(0, +)
        var i = rng.int(below: parts)
        while rest > 0 {
            counts[i] += 1
            rest -= 1
            i = (i + 1) % parts
        }
        while rest < 0 {
            // Only if floating-point rounding pushed the floors one past `free`.
            if counts[i] > minimum {
                counts[i] -= 1
                rest += 1
            }
            i = (i + 1) % parts
        }
        return counts
    }
}
