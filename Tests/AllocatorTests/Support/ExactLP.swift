import Allocator
import GLPKShim

/// The optimal value of a `LinearModel`'s LP relaxation (every column in
/// [0, 1]) by GLPK's simplex method in exact rational arithmetic
/// (`glp_exact`): an answer independent of the floating-point simplex, of its
/// tolerances and of any dual value, for checking prices by finite differences.
enum ExactLP {
    /// The optimum; nil when the LP has no solution. `upperShift[i]` is added to
    /// row `i`'s upper bound when given.
    static func value(of model: LinearModel, upperShift: [Int: Double] = [:]) -> Double? {
        if model.columnCount == 0 { return model.maximumViolation([]) <= 1e-9 ? 0 : nil }
        let lp = glp_create_prob()!
        defer { glp_delete_prob(lp) }
        glp_set_obj_dir(lp, GLP_MAX)
        if model.rowCount > 0 { glp_add_rows(lp, Int32(model.rowCount)) }
        glp_add_cols(lp, Int32(model.columnCount))
        for (i, b) in model.rowBounds.enumerated() {
            let upper = b.upper.map { $0 + (upperShift[i] ?? 0) }
            let row = Int32(i + 1)
            switch (b.lower, upper) {
            case let (l?, u?) where l == u: glp_set_row_bnds(lp, row, GLP_FX, l, u)
            case let (l?, u?): glp_set_row_bnds(lp, row, GLP_DB, l, u)
            case let (l?, nil): glp_set_row_bnds(lp, row, GLP_LO, l, 0)
            case let (nil, u?): glp_set_row_bnds(lp, row, GLP_UP, 0, u)
            case (nil, nil): glp_set_row_bnds(lp, row, GLP_FR, 0, 0)
            }
        }
        for j in 0 ..< model.columnCount {
            glp_set_col_bnds(lp, Int32(j + 1), GLP_DB, 0, 1)
            glp_set_obj_coef(lp, Int32(j + 1), model.objective[j])
        }
        var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
        for i in 0 ..< model.rowCount {
            for (j, a) in model.row(i) {
                ia.append(Int32(i + 1))
                ja.append(Int32(j + 1))
                ar.append(a)
            }
        }
        if ia.count > 1 { glp_load_matrix(lp, Int32(ia.count - 1), ia, ja, ar) }
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        guard glp_exact(lp, &parameters) == 0, glp_get_status(lp) == GLP_OPT else { return nil }
        return glp_get_obj_val(lp)
    }
}
