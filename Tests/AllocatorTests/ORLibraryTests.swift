import Allocator
import Foundation
import Testing

/// OR-Library generalized assignment problems gap1-gap6 (Beasley), problems 1-5
/// of each, solved as scenarios and compared with the published optima.
///
/// Agents become province-level funders with budget b[i]; jobs become
/// mandatory projects with `costAt` a[i][j] and `valueAt` c[i][j] per funder id.
@Suite struct ORLibraryTests {
    /// Published maximisation optima, problems 1-5 (from the data folder's README).
    static let optima: [Int: [Double]] = [
        1: [336, 327, 339, 341, 326],
        2: [434, 436, 420, 419, 428],
        3: [580, 564, 573, 570, 564],
        4: [656, 644, 673, 647, 664],
        5: [563, 558, 564, 568, 559],
        6: [761, 759, 758, 752, 747],
    ]

    /// One problem of a file: m agents, n jobs, profits c, resources a, capacities b.
    struct Problem {
        var agents: Int
        var jobs: Int
        var profit: [[Double]]
        var resource: [[Double]]
        var capacity: [Double]
    }

    struct FormatError: Error, CustomStringConvertible {
        var description: String
    }

    /// `/work/shared/data/orlib-gap`, found from this file: the repository root's sibling `shared/data`.
    static var dataFolder: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // AllocatorTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // repository root
            .appendingPathComponent("../shared/data/orlib-gap")
            .standardized
    }

    /// Reads every problem of an OR-Library GAP file (numbers separated by any white space).
    static func problems(in url: URL) throws -> [Problem] {
        let text = try String(contentsOf: url, encoding: .utf8)
        let words = text.split(whereSeparator: { $0.isWhitespace })
        var position = 0
        func next() throws -> Double {
            guard position < words.count, let value = Double(words[position]) else {
                throw FormatError(description: "\(url.lastPathComponent): expected a number at word \(position + 1)")
            }
            position += 1
            return value
        }
        func matrix(_ rows: Int, _ columns: Int) throws -> [[Double]] {
            try (0..<rows).map { _ in try (0..<columns).map { _ in try next() } }
        }
        let count = Int(try next())
        var problems: [Problem] = []
        for _ in 0..<count {
            let m = Int(try next())
            let n = Int(try next())
            let profit = try matrix(m, n)
            let resource = try matrix(m, n)
            let capacity = try (0..<m).map { _ in try next() }
            problems.append(Problem(agents: m, jobs: n, profit: profit, resource: resource, capacity: capacity))
        }
        guard position == words.count else {
            throw FormatError(description: "\(url.lastPathComponent): \(words.count - position) words left after \(count) problems")
        }
        return problems
    }

    static func scenario(_ problem: Problem, name: String) -> Scenario {
        let funders = (0..<problem.agents).map { i in
            Funder(id: "A\(i + 1)", level: .province, area: "PV", budget: [problem.capacity[i]])
        }
        let projects = (0..<problem.jobs).map { j in
            Project(
                id: "J\(j + 1)", area: "PV", cost: .total(1), priority: 1, mandatory: true,
                costAt: (0..<problem.agents).map { i in .init(key: funders[i].id, value: .total(problem.resource[i][j])) },
                valueAt: (0..<problem.agents).map { i in .init(key: funders[i].id, value: problem.profit[i][j]) })
        }
        return Scenario(
            name: name, areas: [Area(id: "PV", kind: .province)], funders: funders, projects: projects,
            policy: Policy(escalationPenalty: 0, delayDiscount: 0, strategyRequired: [], mipGap: 0, timeLimit: 600))
    }

    @Test(arguments: 1...6)
    func publishedOptimum(file: Int) throws {
        let folder = Self.dataFolder
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            Issue.record("OR-Library data folder missing: expected \(folder.path) (the repository's sibling shared/data/orlib-gap)")
            return
        }
        let problems = try Self.problems(in: folder.appendingPathComponent("gap\(file).txt"))
        try #require(problems.count >= 5, "gap\(file).txt holds \(problems.count) problems")
        for (k, optimum) in Self.optima[file]!.enumerated() {
            let name = "gap\(file)-\(k + 1)"
            let scenario = Self.scenario(problems[k], name: name)
            let result = try Allocation.solve(scenario, options: SolveOptions(mipGap: 0))
            #expect(result.status == .optimal, "\(name)")
            let decision = try #require(result.decision, "\(name): no decision")
            #expect(DecisionChecker.violations(of: decision, in: scenario) == [], "\(name)")
            let objective = try #require(result.objective)
            #expect(abs(objective - optimum) <= 1e-6, "\(name): objective \(objective), published \(optimum)")
            #expect(abs(DecisionChecker.objective(of: decision, in: scenario) - optimum) <= 1e-6, "\(name)")
            // Every job assigned exactly once, so the value is a plain sum of profits.
            let sum = decision.assignments.enumerated().reduce(0.0) { total, entry in
                total + problems[k].profit[entry.element!.funder][entry.offset]
            }
            #expect(sum == optimum, "\(name)")
        }
    }

    @Test func parserReadsFirstProblemOfGap1() throws {
        let problems = try Self.problems(in: Self.dataFolder.appendingPathComponent("gap1.txt"))
        #expect(problems.count == 5)
        #expect(problems[0].agents == 5 && problems[0].jobs == 15)
        #expect(problems[0].profit[0].prefix(3) == [17, 21, 22])
        #expect(problems[0].resource[0].prefix(3) == [8, 15, 14])
        #expect(problems[0].capacity == [36, 34, 38, 27, 33])
    }
}
