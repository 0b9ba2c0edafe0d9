/// Why a change expression cannot be read or applied, and the 1-based column
/// (in characters) where the problem starts. Whoever read the expression adds
/// where it was written (`WhatIfProblem`).
public struct ChangeExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var column: Int
    public var message: String

    public init(column: Int, message: String) {
        self.column = column
        self.message = message
    }

    public var description: String { "column \(column): \(message)" }
}
