import GLPKShim

/// One `glp_intopt` run: GLPK's branch and cut from an optimal LP basis, with a
/// callback that hands GLPK the start decision at the first heuristic request
/// and records the best proven bound as the search goes.
final class BranchAndCut {
    private let problem: GLPKProblem
    private let start: [Int]?
    private let startValue: Double?
    private var startOffered = false
    /// Best proven upper bound so far: the LP bound, then the best active node's bound.
    private(set) var bound: Double
    /// Nodes processed so far.
    private(set) var nodes = 0
    /// Receives (best decision's value, best bound) about once a second.
    var report: ((Double?, Double) -> Void)?
    private var lastReport = ContinuousClock.now

    /// Relative gap at which the search stops once `knownBound` proves it
    /// (GLPK stops by itself when its own bound does).
    private let mipGap: Double
    /// The search was stopped by this callback because the gap was reached.
    private(set) var stoppedAtGap = false

    /// A proven bound found outside GLPK (the Lagrangian bound), if any.
    private let knownBound: Double?
    /// Checked at every callback: the search stops when it is requested.
    var interruption: SolveInterruption?
    /// Most simplex iterations (counted on the problem since its LP began)
    /// plus nodes, checked at every callback; nil for none.
    var stepLimit: Int?
    /// The search was stopped by this callback because `stepLimit` was reached.
    private(set) var stoppedAtStepLimit = false

    init(problem: GLPKProblem, start: [Int]?, startValue: Double?, bound: Double, knownBound: Double?, mipGap: Double) {
        self.knownBound = knownBound
        self.problem = problem
        self.start = start
        self.startValue = startValue
        self.bound = bound
        self.mipGap = mipGap
    }

    /// Runs `glp_intopt` and returns its return code. Calls `glp_intopt`.
    func run(mipGap: Double, timeLimit: Double, verbose: Bool) throws(SolverFailure) -> Int32 {
        let context = Unmanaged.passUnretained(self).toOpaque()
        let pointer = problem.pointer
        return try withExtendedLifetime(self) { () throws(SolverFailure) -> Int32 in
            try glpkGuarded("glp_intopt") {
                var parameters = glp_iocp()
                glp_init_iocp(&parameters)
                parameters.msg_lev = verbose ? GLP_MSG_ON : GLP_MSG_ERR
                parameters.presolve = GLP_OFF
                parameters.mip_gap = mipGap
                parameters.tol_int = GLPKSolver.integralityTolerance
                parameters.tol_obj = GLPKSolver.objectiveTolerance
                parameters.tm_lim = GLPKSolver.milliseconds(timeLimit)
                parameters.cov_cuts = GLP_ON
                parameters.clq_cuts = GLP_ON
                parameters.mir_cuts = GLP_ON
                parameters.cb_info = context
                parameters.cb_func = { tree, info in
                    guard let tree, let info else { return }
                    Unmanaged<BranchAndCut>.fromOpaque(info).takeUnretainedValue().callback(tree)
                }
                return glp_intopt(pointer, &parameters)
            }
        }
    }

    private func callback(_ tree: OpaquePointer) {
        let best = glp_ios_best_node(tree)
        if best != 0 {
            bound = min(bound, glp_ios_node_bound(tree, best))
        }
        var active: Int32 = 0, current: Int32 = 0, total: Int32 = 0
        glp_ios_tree_size(tree, &active, &current, &total)
        nodes = Int(total)
        let prob = glp_ios_get_prob(tree)
        let status = glp_mip_status(prob)
        let incumbent = status == GLP_FEAS || status == GLP_OPT ? max(glp_mip_obj_val(prob), startValue ?? -.infinity) : startValue
        if let report, ContinuousClock.now - lastReport >= .seconds(1) {
            lastReport = ContinuousClock.now
            report(incumbent, bound)
        }
        if interruption?.isRequested == true {
            glp_ios_terminate(tree)
            return
        }
        if let incumbent, let knownBound, !stoppedAtGap,
           AllocationResult.provesGap(objective: incumbent, bound: knownBound, mipGap: mipGap)
        {
            stoppedAtGap = true
            glp_ios_terminate(tree)
            return
        }
        if let stepLimit, Int(glp_get_it_cnt(prob)) + nodes >= stepLimit {
            stoppedAtStepLimit = true
            glp_ios_terminate(tree)
            return
        }
        if glp_ios_reason(tree) == GLP_IHEUR, !startOffered, let start {
            startOffered = true
            var x = [Double](repeating: 0, count: problem.columnCount + 1)
            for j in start { x[j + 1] = 1 }
            _ = glp_ios_heur_sol(tree, x)
        }
    }
}
