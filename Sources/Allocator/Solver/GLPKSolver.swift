import GLPKShim

/// Solves a `LinearModel` with GLPK: the LP relaxation by the primal simplex
/// method after scaling, then branch and cut (`glp_intopt`, cover, clique and
/// MIR cuts) from that basis, seeded with a feasible start decision when one
/// is given. docs/decisions.md gives the measurements behind these settings;
/// GLPK's presolvers stay off (the LP presolver ignores the time limit on
/// large models).
///
/// Runs on the calling thread, which must not change during the call: GLPK's
/// environment is thread-local.
public struct GLPKSolver: Sendable {
    /// Relative gap at which branch and cut stops.
    public var mipGap: Double
    /// Wall-clock seconds for the whole solve.
    public var timeLimit: Double
    /// Send GLPK's terminal output to stderr.
    public var verbose: Bool
    /// Called after the LP relaxation and about once a second during branch and cut.
    public var progress: (@Sendable (SolveProgress) -> Void)?
    /// Stops branch and cut early when requested (the LP relaxation finishes first).
    public var interruption: SolveInterruption?
    /// Most GLPK steps for the whole solve: simplex iterations (LP relaxation
    /// and branch and cut together) plus branch-and-bound nodes; nil for none.
    /// Unlike `timeLimit` it stops at the same point on every run and machine;
    /// branch and cut checks it at each callback, so the last node may pass it.
    public var stepLimit: Int?
    /// Solve the LP relaxation to its end whatever `stepLimit` (its iterations
    /// still count): for a model with no known decision, whose infeasibility
    /// only the LP can prove.
    public var finishesRelaxation = false

    public init(
        mipGap: Double, timeLimit: Double, verbose: Bool = false,
        progress: (@Sendable (SolveProgress) -> Void)? = nil
    ) {
        self.mipGap = mipGap
        self.timeLimit = timeLimit
        self.verbose = verbose
        self.progress = progress
    }

    /// Solves `model`; `start` (columns at 1) must be feasible for it if given.
    /// `rounding`, if given, is called with the LP relaxation's column values
    /// and reduced costs, and may return a feasible decision built from them (LP rounding); the
    /// better of it and `start` seeds branch and cut.
    /// Calls `glp_simplex`, then `glp_intopt`.
    /// `knownBound`, a proven upper bound found elsewhere (the Lagrangian bound),
    /// is combined with GLPK's own: the search stops once either proves the gap.
    public func solve(
        _ model: LinearModel, start: [Int]? = nil, knownBound: Double? = nil,
        rounding: (([Double], [Double]) -> [Int]?)? = nil
    ) throws(SolverFailure) -> SolverOutcome {
        if model.columnCount == 0 {
            // Nothing can be funded: the empty decision is the only one. GLPK is
            // not asked, since it rejects a problem without columns.
            let feasible = model.maximumViolation([]) <= LinearModel.feasibilityTolerance
            return SolverOutcome(
                termination: feasible ? .searchComplete : .infeasible, columns: feasible ? [] : nil,
                bound: feasible ? 0 : nil, proven: feasible)
        }
        let clock = ContinuousClock()
        let began = clock.now
        allocate_glpk_set_terminal(verbose ? 1 : 0)
        let problem = try GLPKProblem(model)
        var start = start
        var startValue = start.map { model.objectiveValue(ofColumns: $0) }

        let lpCode: Int32 = try glpkGuarded("glp_simplex") {
            var parameters = glp_smcp()
            glp_init_smcp(&parameters)
            parameters.msg_lev = verbose ? GLP_MSG_ON : GLP_MSG_ERR
            parameters.presolve = GLP_OFF
            parameters.meth = GLP_PRIMAL
            glp_scale_prob(problem.pointer, GLP_SF_AUTO)
            glp_std_basis(problem.pointer)
            parameters.tm_lim = Self.milliseconds(timeLimit - Self.seconds(began.duration(to: clock.now)))
            if let stepLimit, !finishesRelaxation { parameters.it_lim = Int32(clamping: max(1, stepLimit)) }
            return glp_simplex(problem.pointer, &parameters)
        }
        let lpSeconds = Self.seconds(began.duration(to: clock.now))
        let lpIterations = Int(glp_get_it_cnt(problem.pointer))
        switch GLPKStatus.simplex(lpCode, status: glp_get_status(problem.pointer)) {
        case .solved:
            break
        case .infeasible:
            return SolverOutcome(termination: .infeasible, columns: nil, bound: nil, lpSeconds: lpSeconds)
        case .unbounded:
            throw SolverFailure(operation: "glp_simplex", code: lpCode, message: "LP relaxation unbounded")
        case .timeLimit, .iterationLimit:
            var outcome = SolverOutcome(
                termination: lpCode == GLP_EITLIM ? .workLimit : .timeLimit, columns: start, bound: nil, lpSeconds: lpSeconds)
            outcome.iterations = lpIterations
            return outcome
        case .failed:
            throw SolverFailure(operation: "glp_simplex", code: lpCode, message: "simplex failed")
        }
        let lpBound = min(glp_get_obj_val(problem.pointer), knownBound ?? .infinity)
        if let rounding {
            let lp = (0 ..< model.columnCount).map { glp_get_col_prim(problem.pointer, Int32($0 + 1)) }
            let reduced = (0 ..< model.columnCount).map { glp_get_col_dual(problem.pointer, Int32($0 + 1)) }
            if let rounded = rounding(lp, reduced), model.maximumViolation(ofColumns: rounded) <= LinearModel.feasibilityTolerance {
                let value = model.objectiveValue(ofColumns: rounded)
                if value > startValue ?? -.infinity {
                    start = rounded
                    startValue = value
                }
            }
        }

        progress?(SolveProgress(elapsed: Self.seconds(began.duration(to: clock.now)), objective: startValue, bound: lpBound))
        if let startValue, AllocationResult.provesGap(objective: startValue, bound: lpBound, mipGap: mipGap) {
            var outcome = SolverOutcome(termination: .gapReached, columns: start, bound: lpBound, lpSeconds: lpSeconds)
            outcome.iterations = lpIterations
            return outcome
        }
        let remaining = timeLimit - Self.seconds(began.duration(to: clock.now))
        let exhausted = stepLimit.map { lpIterations >= $0 } ?? false
        guard remaining > 0, !exhausted else {
            var outcome = SolverOutcome(
                termination: exhausted ? .workLimit : .timeLimit, columns: start, bound: lpBound, lpSeconds: lpSeconds)
            outcome.iterations = lpIterations
            return outcome
        }
        let search = BranchAndCut(
            problem: problem, start: start, startValue: startValue, bound: lpBound, knownBound: knownBound,
            mipGap: mipGap)
        search.interruption = interruption
        search.stepLimit = stepLimit
        if let progress {
            search.report = { objective, bound in
                progress(SolveProgress(elapsed: Self.seconds(began.duration(to: clock.now)), objective: objective, bound: bound))
            }
        }
        let mipCode = try search.run(mipGap: mipGap, timeLimit: remaining, verbose: verbose)
        let mipSeconds = Self.seconds(began.duration(to: clock.now)) - lpSeconds

        let termination: Termination
        switch mipCode {
        case 0:
            termination = glp_mip_status(problem.pointer) == GLP_NOFEAS ? .infeasible : .searchComplete
        case GLP_EMIPGAP: termination = .gapReached
        case GLP_ESTOP where search.stoppedAtGap: termination = .gapReached
        case GLP_ESTOP where search.stoppedAtStepLimit: termination = .workLimit
        case GLP_ESTOP where interruption?.isRequested == true: termination = .interrupted
        case GLP_ETMLIM: termination = .timeLimit
        case GLP_ENOPFS: termination = .infeasible
        default:
            throw SolverFailure(operation: "glp_intopt", code: mipCode, message: GLPKStatus.describe(mipCode))
        }
        // GLPK's incumbent is rounded from values within its integrality
        // tolerance of 0 or 1, so it is checked against every row before use.
        var found: [Int]?
        let status = glp_mip_status(problem.pointer)
        if status == GLP_OPT || status == GLP_FEAS {
            let candidate = (0 ..< problem.columnCount).filter { glp_mip_col_val(problem.pointer, Int32($0 + 1)) > 0.5 }
            if model.maximumViolation(ofColumns: candidate) <= LinearModel.feasibilityTolerance { found = candidate }
        }
        var columns = found
        if let start, let startValue, found.map({ model.objectiveValue(ofColumns: $0) < startValue }) ?? true {
            columns = start
        }
        // A completed search proves its (checked) incumbent optimal up to GLPK's
        // objective tolerance: nodes within tol_obj × (1 + |incumbent|) are pruned.
        // If GLPK's incumbent failed the check, its search proves nothing.
        var bound: Double? = search.bound
        var proven = false
        if termination == .searchComplete, found != nil, let columns {
            let value = model.objectiveValue(ofColumns: columns)
            bound = min(search.bound, value + Self.objectiveTolerance * (1 + abs(value)))
            proven = true
        }
        if termination == .infeasible { bound = nil }
        var outcome = SolverOutcome(
            termination: termination, columns: columns, bound: bound, proven: proven, nodes: search.nodes,
            lpSeconds: lpSeconds, mipSeconds: mipSeconds)
        outcome.iterations = Int(glp_get_it_cnt(problem.pointer))
        return outcome
    }

    /// GLPK's `tol_obj` as set here: how close a node's bound may come to the
    /// incumbent before the node is pruned.
    static let objectiveTolerance = 1e-9

    /// GLPK's `tol_int` as set here: LP values this close to 0 or 1 count as integral.
    static let integralityTolerance = 1e-9

    static func milliseconds(_ seconds: Double) -> Int32 {
        Int32(clamping: Int64((max(0.001, seconds) * 1000).rounded(.up).clamped(to: 1 ... 2e9)))
    }

    static func seconds(_ d: Duration) -> Double {
        let (s, atto) = d.components
        return Double(s) + Double(atto) * 1e-18
    }
}
