import ArgumentParser

/// `allocate`: one integrated funding decision for all the development plans of an area.
@main
struct Allocate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocate",
        abstract: "Decide which level funds each proposed project, within budgets, with no overlap.",
        discussion: """
            Exit status: 0 a decision was returned, 1 infeasible or no decision found, \
            2 the scenario was rejected (bad input), 3 an internal or solver failure.
            """,
        version: "0.1.0",
        subcommands: [
            Solve.self, Validate.self, ImportCommand.self, Generate.self, Compare.self, Plans.self, Explain.self,
            CalendarCommand.self, WhatIf.self,
        ],
        defaultSubcommand: Solve.self
    )
}
