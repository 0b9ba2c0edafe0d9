/// One solve of a what-if batch: the base scenario or one variation, its
/// result and the figures shown in the comparison.
public struct WhatIfRun: Sendable {
    /// 0 for the base; k for the k-th variation of the list (the file's
    /// variations in file order, then the one made of `--set` flags). Stable
    /// for a given request, so a part of a batch can be named by its indices.
    public var index: Int
    public var name: String
    public var description: String?
    /// The change expressions, as written (none for the base).
    public var changes: [String]
    public var result: AllocationResult
    public var figures: ResultFigures

    public init(index: Int, name: String, description: String? = nil, changes: [String], result: AllocationResult) {
        self.index = index
        self.name = name
        self.description = description
        self.changes = changes
        self.result = result
        figures = ResultFigures(model: result.model, decision: result.decision)
    }

    /// Every funder's budget over all plan years.
    public var budget: Double {
        result.scenario.funders.reduce(0.0) { $0 + $1.budget.reduce(0, +) }
    }

    /// Budget left over: `budget` minus the money funded.
    public var unspentBudget: Double { budget - figures.fundedCost }
}
