import GLPKShim

/// Solves the elastic version of a binary model, to explain why it has no
/// solution: each listed row may be broken by a continuous slack column at a
/// price per unit, and GLPK's branch and cut finds the 0/1 point that breaks
/// them at the least total price. The rows with a positive slack are rules
/// that cannot all hold together; the slack says by how much.
///
/// Runs on the calling thread (GLPK's environment is thread-local).
public struct ElasticSolver: Sendable {
    /// Row `row` may be broken at `price` per unit of violation.
    public struct Slack: Sendable, Equatable {
        public var row: Int
        public var price: Double

        public init(row: Int, price: Double) {
            self.row = row
            self.price = price
        }
    }

    /// The least-price violations found: one amount per slack (in row units),
    /// and whether the search proved them the least (else it stopped at the time limit).
    public struct Violations: Sendable {
        public var amounts: [Double]
        public var proven: Bool
    }

    public var timeLimit: Double

    public init(timeLimit: Double) {
        self.timeLimit = timeLimit
    }

    /// Solves `model` with `slacks` made elastic. A `≤` row is relaxed upward,
    /// a `≥` row (or the lower side of a two-sided row) downward. Returns nil
    /// when even the elastic model has no solution within the time limit.
    /// Calls `glp_simplex`, `glp_intopt`.
    public func solve(_ model: LinearModel, slacks: [Slack]) throws(SolverFailure) -> Violations? {
        var elastic = LinearModel()
        for j in 0 ..< model.columnCount { _ = elastic.addColumn(objective: 0, name: model.columnNames[j]) }
        var slackOf = [Int](repeating: -1, count: model.rowCount)
        for slack in slacks {
            slackOf[slack.row] = elastic.addColumn(objective: -slack.price, name: "slack[\(model.rowNames[slack.row])]")
        }
        for i in 0 ..< model.rowCount {
            var entries = model.row(i)
            let b = model.rowBounds[i]
            if slackOf[i] >= 0 { entries.append((slackOf[i], b.lower != nil ? 1 : -1)) }
            elastic.addRow(name: model.rowNames[i], lower: b.lower, upper: b.upper, entries: entries)
        }
        let problem = try GLPKProblem(elastic)
        let began = ContinuousClock.now
        let binaries = model.columnCount
        let code: (lp: Int32, mip: Int32) = try glpkGuarded("glp_intopt") {
            let lp = problem.pointer
            for k in 0 ..< slacks.count {
                let col = Int32(binaries + k + 1)
                glp_set_col_kind(lp, col, GLP_CV)
                glp_set_col_bnds(lp, col, GLP_LO, 0, 0)
            }
            var simplex = glp_smcp()
            glp_init_smcp(&simplex)
            simplex.msg_lev = GLP_MSG_ERR
            simplex.tm_lim = GLPKSolver.milliseconds(timeLimit)
            glp_scale_prob(lp, GLP_SF_AUTO)
            let lpCode = glp_simplex(lp, &simplex)
            guard lpCode == 0, glp_get_status(lp) == GLP_OPT else { return (lpCode, -1) }
            var parameters = glp_iocp()
            glp_init_iocp(&parameters)
            parameters.msg_lev = GLP_MSG_ERR
            parameters.presolve = GLP_OFF
            parameters.tm_lim = GLPKSolver.milliseconds(timeLimit - GLPKSolver.seconds(ContinuousClock.now - began))
            return (lpCode, glp_intopt(lp, &parameters))
        }
        guard code.mip == 0 || code.mip == GLP_ETMLIM else { return nil }
        let status = glp_mip_status(problem.pointer)
        guard status == GLP_OPT || status == GLP_FEAS else { return nil }
        let amounts = (0 ..< slacks.count).map { k in
            max(0, glp_mip_col_val(problem.pointer, Int32(binaries + k + 1)))
        }
        return Violations(amounts: amounts, proven: code.mip == 0 && status == GLP_OPT)
    }
}
