import GLPKShim

/// The one table that turns GLPK's return codes and statuses into outcomes.
enum GLPKStatus {
    enum Simplex {
        case solved, infeasible, unbounded, timeLimit, iterationLimit, failed
    }

    /// Maps `glp_simplex`'s return code and, when it returned 0, `glp_get_status`.
    static func simplex(_ code: Int32, status: Int32) -> Simplex {
        switch code {
        case 0:
            switch status {
            case GLP_OPT: return .solved
            case GLP_NOFEAS, GLP_INFEAS: return .infeasible
            case GLP_UNBND: return .unbounded
            default: return .failed
            }
        case GLP_ENOPFS: return .infeasible
        case GLP_ENODFS: return .unbounded
        case GLP_ETMLIM: return .timeLimit
        case GLP_EITLIM: return .iterationLimit
        default: return .failed
        }
    }

    /// GLPK's documented meaning of a return code.
    static func describe(_ code: Int32) -> String {
        switch code {
        case GLP_EBADB: "invalid initial basis"
        case GLP_ESING: "singular basis matrix"
        case GLP_ECOND: "ill-conditioned basis matrix"
        case GLP_EBOUND: "incorrect bounds on an integer variable"
        case GLP_EROOT: "optimal basis for the initial LP relaxation not provided"
        case GLP_EFAIL: "the solver failed"
        case GLP_ESTOP: "the search was stopped by the application"
        case GLP_EITLIM: "iteration limit exceeded"
        default: "unexpected return code"
        }
    }
}
