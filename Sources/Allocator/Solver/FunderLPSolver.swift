import GLPKShim

/// Solves a funder's program (`FunderLP`) as a linear program, its columns in
/// [0, 1], with GLPK's primal simplex started from the held decision, and reads for each of the funder's
/// budget rows what one more baht is worth: the right derivative of the LP's
/// optimal value in that row's budget, the range over which it holds, and how
/// each basic column moves with the money (the simplex tableau's column of the
/// row: `glp_eval_tab_col`).
///
/// A budget row that has money left at the optimum (its slack is basic) is
/// worth 0. A row that binds is worth its dual value, which is the right
/// derivative when the basis stays optimal for a little more money
/// (`glp_analyze_bound`). When it does not (a degenerate basis: the money is
/// exactly spent, as with round budgets), the dual is one of many and not
/// necessarily the value of more money; the row's bound is then raised by a
/// little (a millionth of the budget, then a ten-thousandth, then a
/// hundredth), the LP re-optimised by the dual simplex from that basis, and
/// that basis read instead: its dual is the slope of the LP's value just
/// above the budget. The bound is put back before the next row.
///
/// With a deadline, every simplex call gets the time left as GLPK's own limit
/// (`tm_lim`), and a program not solved and read by then gives no solution:
/// the budget prices leave that funder out rather than run past the time
/// limit of `allocate SCENARIO`.
///
/// Runs on the calling thread; GLPK's environment is thread-local.
public enum FunderLPSolver {
    /// What more money in one plan year is worth.
    public struct Year: Sendable, Equatable {
        /// Objective units per baht: the right derivative of the LP's value in this budget.
        public var price: Double
        /// Baht above the budget over which `price` holds (the basis stays optimal);
        /// nil when nothing limits it.
        public var range: Double?
        /// Each basic column of the program (index into `FunderLP.columns`) that
        /// moves with the money, and by how much per baht.
        public var rates: [Rate]
        /// The dual value of every row of the program at the basis read (for
        /// telling which other limit binds when the price is 0).
        public var rowDuals: [Double]
        /// The money is left over at the optimum (the row's slack is basic).
        public var slack: Bool
    }

    /// One column's change per baht of more money.
    public struct Rate: Sendable, Equatable {
        public var column: Int
        public var perBaht: Double
    }

    /// The LP's optimum and, per plan year (index `y - 1`), the value of more
    /// money; nil for a year without a budget row.
    public struct Solution: Sendable {
        public var value: Double
        public var columnValues: [Double]
        public var years: [Year?]
    }

    /// Relative size of a step above the budget below which the basis counts as degenerate.
    static let degenerateRange = 1e-7
    /// The raises tried on a degenerate budget, as fractions of max(1, budget).
    static let raises = [1e-6, 1e-4, 1e-2]

    /// Solves `lp` and reads each budget row. Calls `glp_simplex`, `glp_analyze_bound`, `glp_eval_tab_col`.
    ///
    /// - Parameter deadline: when given, GLPK stops there (`tm_lim`).
    /// - Returns: nil when `deadline` came before the program was solved and read.
    /// - Throws: `SolverFailure` when GLPK fails or does not find the optimum
    ///   (the program is feasible and bounded, so that is a failure).
    public static func solve(
        _ lp: FunderLP, until deadline: ContinuousClock.Instant? = nil
    ) throws(SolverFailure) -> Solution? {
        let m = lp.linear.rowCount
        let n = lp.linear.columnCount
        guard n > 0 else {
            return Solution(value: 0, columnValues: [], years: lp.budgetRows.map { _ in nil })
        }
        /// GLPK's limit for the next call: the time left, or nil when none is.
        func timeLeft() -> Int32? {
            guard let deadline else { return Int32.max }
            let left = GLPKSolver.seconds(deadline - ContinuousClock.now)
            return left > 0 ? GLPKSolver.milliseconds(left) : nil
        }
        guard timeLeft() != nil else { return nil }
        let problem = try GLPKProblem(lp.linear)
        let budgetRows = lp.budgetRows
        let start = lp.start
        let outcome: Result<Solution?, SolverFailure> = try glpkGuarded("glp_simplex") {
            let P = problem.pointer
            var parameters = glp_smcp()
            glp_init_smcp(&parameters)
            parameters.msg_lev = GLP_MSG_OFF
            parameters.presolve = GLP_OFF
            parameters.meth = GLP_PRIMAL
            guard let limit = timeLeft() else { return .success(nil) }
            parameters.tm_lim = limit
            glp_scale_prob(P, GLP_SF_AUTO)
            // From the held decision: its columns at their upper bound, every
            // row's slack basic. A primal feasible basis, usually far fewer
            // pivots from the optimum than the slack basis (about one pivot per
            // column away: 7.2 s against 1.9 s for the 200k country's prices).
            glp_std_basis(P)
            for i in start { glp_set_col_stat(P, Int32(i + 1), GLP_NU) }
            var code = glp_simplex(P, &parameters)
            if code == GLP_ETMLIM { return .success(nil) }
            guard code == 0, glp_get_status(P) == GLP_OPT else {
                return .failure(SolverFailure(operation: "glp_simplex", code: code, message: "the funder's LP was not solved to optimality"))
            }
            let value = glp_get_obj_val(P)
            let columnValues = (0 ..< n).map { glp_get_col_prim(P, Int32($0 + 1)) }
            var reoptimise = glp_smcp()
            glp_init_smcp(&reoptimise)
            reoptimise.msg_lev = GLP_MSG_OFF
            reoptimise.presolve = GLP_OFF
            reoptimise.meth = GLP_DUALP
            var years: [Year?] = []
            var ind = [Int32](repeating: 0, count: m + 1)
            var val = [Double](repeating: 0, count: m + 1)
            for row in budgetRows {
                guard let row else {
                    years.append(nil)
                    continue
                }
                let k = Int32(row + 1)
                let budget = glp_get_row_ub(P, k)
                var raised = false
                var year: Year?
                for raise in [0] + Self.raises {
                    if raise > 0 {
                        glp_set_row_bnds(P, k, GLP_UP, 0, budget + raise * max(1, abs(budget)))
                        raised = true
                        guard let limit = timeLeft() else { return .success(nil) }
                        reoptimise.tm_lim = limit
                        code = glp_simplex(P, &reoptimise)
                        if code == GLP_ETMLIM { return .success(nil) }
                        guard code == 0, glp_get_status(P) == GLP_OPT else {
                            return .failure(SolverFailure(operation: "glp_simplex", code: code, message: "the funder's LP was not re-optimised"))
                        }
                    }
                    let duals = (0 ..< m).map { glp_get_row_dual(P, Int32($0 + 1)) }
                    if glp_get_row_stat(P, k) == GLP_BS {
                        year = Year(price: 0, range: nil, rates: [], rowDuals: duals, slack: true)
                        break
                    }
                    if glp_bf_exists(P) == 0, glp_factorize(P) != 0 {
                        return .failure(SolverFailure(operation: "glp_factorize", message: "the funder's LP basis could not be factorised"))
                    }
                    var low = 0.0, high = 0.0
                    var lowVariable: Int32 = 0, highVariable: Int32 = 0
                    glp_analyze_bound(P, k, &low, &lowVariable, &high, &highVariable)
                    let bound = glp_get_row_ub(P, k)
                    guard high > bound + Self.degenerateRange * max(1, abs(bound)) || raise == Self.raises.last else { continue }
                    let length = Int(glp_eval_tab_col(P, k, &ind, &val))
                    var rates: [Rate] = []
                    for t in stride(from: 1, through: length, by: 1) where Int(ind[t]) > m {
                        rates.append(Rate(column: Int(ind[t]) - m - 1, perBaht: val[t]))
                    }
                    rates.sort { $0.column < $1.column }
                    year = Year(
                        price: max(0, glp_get_row_dual(P, k)), range: high >= Double.greatestFiniteMagnitude ? nil : max(0, high - budget),
                        rates: rates, rowDuals: duals, slack: false)
                    break
                }
                if raised {
                    glp_set_row_bnds(P, k, GLP_UP, 0, budget)
                    guard let limit = timeLeft() else { return .success(nil) }
                    reoptimise.tm_lim = limit
                    code = glp_simplex(P, &reoptimise)
                    if code == GLP_ETMLIM { return .success(nil) }
                    guard code == 0, glp_get_status(P) == GLP_OPT else {
                        return .failure(SolverFailure(operation: "glp_simplex", code: code, message: "the funder's LP was not re-optimised"))
                    }
                }
                years.append(year)
            }
            return .success(Solution(value: value, columnValues: columnValues, years: years))
        }
        return try outcome.get()
    }
}
