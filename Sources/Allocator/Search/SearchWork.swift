import Foundation

/// The search's measure of work: what `HybridSearch` uses in place of the
/// clock for every choice it makes (when to round, when to switch between the
/// bound and the neighbourhoods, how long one area group may take), so that the
/// same scenario and limits give the same decision on every run, thread count
/// and machine (issue 6 point 5; docs/decisions.md, "Determinism").
///
/// A unit is about one millisecond of the project's 2-core reference machine
/// (docs/decisions.md gives the measurements): each step is charged an
/// estimate from the model's size and GLPK's simplex iteration and node counts,
/// never a measured time. The estimates only need to keep the work roughly in
/// proportion to time; what they must be is the same everywhere.
enum SearchWork {
    /// Work units per second of `timeLimit`: the default work limit is
    /// `timeLimit × unitsPerSecond`. Below 1000 so that on a machine as fast
    /// as the reference one, loaded by another solve, the work limit (not the
    /// clock) ends the search.
    static let unitsPerSecond = 600.0

    /// Entries of the 12,000-project reference model, the size the estimates are scaled from.
    static let referenceEntries = 136_865.0

    /// One subgradient step of the Lagrangian relaxation (knapsacks, reduced
    /// profits, subgradient; on 2 threads): 4.5 ms at 12,000 projects, 23 ms
    /// at 200,000 (measured in CPU time; a power fitted through the two).
    static func step(_ model: LinearModel) -> Double {
        4.5 * pow(max(1, Double(model.entryCount)) / referenceEntries, 0.59)
    }

    /// One rounding of the relaxation's point (`GreedyStart.rounded`, on one
    /// thread): 23 ms at 12,000 projects, about 0.8 s at 200,000.
    static func rounding(_ model: LinearModel) -> Double {
        23 * pow(max(1, Double(model.entryCount)) / referenceEntries, 1.25)
    }

    /// One GLPK solve of a model with `rows` rows and `columns` columns that
    /// made `iterations` simplex iterations and processed `nodes` nodes (about
    /// 0.09 ms per iteration on the 300-row area groups, measured in CPU time).
    static func glpk(iterations: Int, nodes: Int, rows: Int, columns: Int) -> Double {
        1 + Double(iterations + nodes) * iterationCost(rows: rows, columns: columns)
    }

    /// Units per GLPK step (a simplex iteration or a node) of a model of this size.
    static func iterationCost(rows: Int, columns: Int) -> Double {
        3e-4 * Double(max(1, rows + columns))
    }

    /// Most GLPK steps (`GLPKSolver.stepLimit`) one area group's solve may
    /// make: about half a second on the reference machine, the clock limit it
    /// replaced.
    static let groupSteps = 7_000
}
