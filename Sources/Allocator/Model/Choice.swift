/// One way to fund a project: by an eligible funder, starting in an allowed
/// plan year. Each choice is one binary column of the model.
public struct Choice: Sendable, Equatable {
    /// Index into `Scenario.projects`.
    public var project: Int
    /// Index into `Scenario.funders`.
    public var funder: Int
    /// 1-based plan year in which the project starts.
    public var start: Int
    /// `value(p, f, t)` of the spec: what funding it this way adds to the objective.
    public var value: Double
    /// Cost in each year of the project's duration at this funder (after `costAt`).
    public var yearlyCost: [Double]

    /// Cost at this funder over all years.
    public var totalCost: Double { yearlyCost.reduce(0, +) }

    public init(project: Int, funder: Int, start: Int, value: Double, yearlyCost: [Double]) {
        self.project = project
        self.funder = funder
        self.start = start
        self.value = value
        self.yearlyCost = yearlyCost
    }
}
