import Foundation

/// The search's measure of work: what `HybridSearch` uses in place of the
/// clock for every choice it makes (when to round, when to switch between the
/// bound and the neighbourhoods, how long one area group may take), so that the
/// same scenario and limits give the same decision on every run, thread count
/// and machine (issue 6 point 5; docs/decisions.md, "Determinism").
///
/// A unit is about one millisecond of the project's 2-core reference machine
/// (docs/decisions.md gives the measurements): each step is charged an estimate from the model's size
/// and GLPK's simplex iteration and node counts, never a measured time. The
/// estimates only need to keep the work roughly in proportion to time, and
/// the steps in proportion to each other; what they must be is the same
/// everywhere.
enum SearchWork {
    /// Work units per second of `timeLimit`: the default work limit is
    /// `timeLimit × unitsPerSecond`. Below 1000 so that on a machine as fast
    /// as the reference one, loaded by another solve, the work limit (not the
    /// clock) ends the search.
    static let unitsPerSecond = 600.0

    /// Entries of the 12,000-project reference model, the size the estimates are scaled from.
    static let referenceEntries = 136_865.0

    /// One subgradient step of the Lagrangian relaxation (knapsacks, reduced
    /// profits, subgradient; on 2 threads): about 4.5 ms at 12,000 projects
    /// and 70 ms at 200,000 on the machine alone, in proportion to the
    /// model's matrix entries.
    static func step(_ model: LinearModel) -> Double {
        4.5 * max(1, Double(model.entryCount)) / referenceEntries
    }

    /// One rounding of the relaxation's point (`GreedyStart.rounded`, on one
    /// thread): 23 ms at 12,000 projects, about 0.8 s at 200,000.
    static func rounding(_ model: LinearModel) -> Double {
        23 * pow(max(1, Double(model.entryCount)) / referenceEntries, 1.25)
    }

    /// One GLPK solve of a model with `rows` rows and `columns` columns that
    /// made `iterations` simplex iterations and processed `nodes` nodes (about
    /// 0.07 ms per iteration or node on the 300-row area groups).
    static func glpk(iterations: Int, nodes: Int, rows: Int, columns: Int) -> Double {
        1 + Double(iterations + nodes) * iterationCost(rows: rows, columns: columns)
    }

    /// Polishing a decision (`DecisionPolish`) in `passes` passes over the
    /// projects: about 1.5 ms a pass at 12,000 projects, in proportion to the
    /// model's matrix entries.
    static func polish(_ model: LinearModel, passes: Int) -> Double {
        1.5 * Double(max(1, passes)) * max(1, Double(model.entryCount)) / referenceEntries
    }

    /// What one batch of groups costs besides GLPK: building the restricted
    /// models from the whole model's rows and checking the result against
    /// every row (about 20 ms a batch at 200,000 projects).
    static func batch(_ model: LinearModel) -> Double {
        1e-5 * Double(model.entryCount)
    }

    /// Units per GLPK step (a simplex iteration or a node) of a model of this size.
    static func iterationCost(rows: Int, columns: Int) -> Double {
        2.2e-4 * Double(max(1, rows + columns))
    }

    /// Units per GLPK step of branch and cut on the whole model (step 4 of
    /// `HybridSearch`): twice a group's at the same size, since its cut
    /// generation and node handling weigh more (Chon Buri's 660 choices: about
    /// 0.3 ms a step).
    static func wholeModelStepCost(rows: Int, columns: Int) -> Double {
        2 * iterationCost(rows: rows, columns: columns)
    }

    /// Most work units one area group's (or funder's) GLPK solve may spend:
    /// about half a second, the clock limit it replaced.
    static let groupUnits = 500.0

    /// Most GLPK steps (`GLPKSolver.stepLimit`) a group's solve may make:
    /// `groupUnits` at this size (a funder's part of 2,000 columns makes a
    /// step in about 1 ms, a 200-column area group in 0.07 ms).
    static func groupSteps(rows: Int, columns: Int) -> Int {
        max(100, Int(groupUnits / iterationCost(rows: rows, columns: columns)))
    }
}
