import GLPKShim

/// Owns one GLPK problem object (`glp_prob`) holding a `LinearModel`.
///
/// GLPK's environment is thread-local: create, use and release a problem on
/// one thread. If a guarded call fails, GLPK's environment (and so this
/// problem) is already gone; `deinit` then does not touch the pointer.
final class GLPKProblem {
    let pointer: OpaquePointer
    private let generation: UInt
    let columnCount: Int
    let rowCount: Int

    /// Creates the problem and loads the model in one `glp_load_matrix` call.
    /// Calls `glp_create_prob`, `glp_add_rows`, `glp_add_cols`, `glp_load_matrix`.
    init(_ model: LinearModel) throws(SolverFailure) {
        let n = model.columnCount
        let m = model.rowCount
        let nonzeros = model.entryCount
        guard n < Int(Int32.max), m < Int(Int32.max), nonzeros < Int(Int32.max) - 1 else {
            throw SolverFailure(operation: "load", message: "model too large for GLPK (\(n) columns, \(nonzeros) nonzeros)")
        }
        var ia = [Int32](repeating: 0, count: nonzeros + 1)
        var ja = [Int32](repeating: 0, count: nonzeros + 1)
        var ar = [Double](repeating: 0, count: nonzeros + 1)
        for i in 0 ..< m {
            for k in model.rowStart[i] ..< model.rowStart[i + 1] {
                ia[k + 1] = Int32(i + 1)
                ja[k + 1] = model.entryColumn[k] + 1
                ar[k + 1] = model.entryValue[k]
            }
        }
        for k in stride(from: 1, through: nonzeros, by: 1) where !(ja[k] >= 1 && Int(ja[k]) <= n && ar[k].isFinite) {
            throw SolverFailure(operation: "load", message: "invalid matrix entry \(ar[k]) in row \(ia[k]), column \(ja[k])")
        }
        for (i, b) in model.rowBounds.enumerated() where !(b.lower?.isFinite ?? true) || !(b.upper?.isFinite ?? true) {
            throw SolverFailure(operation: "load", message: "invalid bound on row \(model.rowNames[i])")
        }
        for (j, c) in model.objective.enumerated() where !c.isFinite {
            throw SolverFailure(operation: "load", message: "invalid objective coefficient on column \(model.columnNames[j])")
        }
        pointer = try glpkGuarded("glp_create_prob") {
            let lp = glp_create_prob()!
            glp_set_obj_dir(lp, GLP_MAX)
            if m > 0 { glp_add_rows(lp, Int32(m)) }
            if n > 0 { glp_add_cols(lp, Int32(n)) }
            for (i, b) in model.rowBounds.enumerated() {
                let row = Int32(i + 1)
                switch (b.lower, b.upper) {
                case let (lower?, upper?) where lower == upper: glp_set_row_bnds(lp, row, GLP_FX, lower, upper)
                case let (lower?, upper?): glp_set_row_bnds(lp, row, GLP_DB, lower, upper)
                case let (lower?, nil): glp_set_row_bnds(lp, row, GLP_LO, lower, 0)
                case let (nil, upper?): glp_set_row_bnds(lp, row, GLP_UP, 0, upper)
                case (nil, nil): glp_set_row_bnds(lp, row, GLP_FR, 0, 0)
                }
            }
            for (j, c) in model.objective.enumerated() {
                let col = Int32(j + 1)
                glp_set_col_kind(lp, col, GLP_BV)
                glp_set_obj_coef(lp, col, c)
            }
            if nonzeros > 0 {
                glp_load_matrix(lp, Int32(nonzeros), ia, ja, ar)
            }
            return lp
        }
        generation = allocate_glpk_generation()
        columnCount = n
        rowCount = m
    }

    /// Whether GLPK's environment that holds this problem still exists.
    var isAlive: Bool { allocate_glpk_generation() == generation }

    deinit {
        if isAlive { glp_delete_prob(pointer) }
    }
}
