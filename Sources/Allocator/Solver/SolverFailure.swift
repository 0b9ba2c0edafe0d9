/// The solver could not do its job: GLPK reported an internal error (its error
/// hook fired) or returned a failure code. Not "infeasible" or "time limit":
/// those are results. The CLI maps this to exit status 3.
public struct SolverFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was being done, e.g. `glp_intopt`.
    public var operation: String
    /// GLPK's return code, when the failure was a return code.
    public var code: Int32?
    /// GLPK's own words, when it printed any.
    public var message: String

    public init(operation: String, code: Int32? = nil, message: String) {
        self.operation = operation
        self.code = code
        self.message = message
    }

    public var description: String {
        var text = "GLPK failed in \(operation)"
        if let code { text += " (return code \(code))" }
        let detail = message.split(separator: "\n").map(String.init).filter { !$0.isEmpty }.joined(separator: "; ")
        if !detail.isEmpty { text += ": \(detail)" }
        return text
    }
}
