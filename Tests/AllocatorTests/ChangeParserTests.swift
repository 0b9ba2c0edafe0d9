@testable import Allocator
import Testing

/// The change expression syntax of docs/whatif.md: every target, operator,
/// value form and plan year, and for each kind of mistake the column and the message.
@Suite struct ChangeParserTests {
    private func parse(_ text: String) throws -> Change {
        try ChangeParser.parse(text)
    }

    /// The column and message of the problem in `text`.
    private func problem(_ text: String) -> ChangeExpressionError? {
        do {
            _ = try ChangeParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func theIssuesExamples() throws {
        var c = try parse("level:province.budget*=0.9")
        #expect(c.target == .level(.province))
        #expect(c.field == .budget)
        #expect(c.operation == .multiply)
        #expect(c.value == .number(0.9))
        #expect(c.year == nil)

        c = try parse("funder:LAO-KK-01-03.budget=+500000")
        #expect(c.target == .funder("LAO-KK-01-03"))
        #expect(c.operation == .add)
        #expect(c.value == .number(500_000))
        #expect(c.idColumn == 8)
        #expect(c.fieldColumn == 21)
        #expect(c.valueColumn == 29)

        c = try parse("project:P-00017.priority=10")
        #expect(c.target == .project("P-00017"))
        #expect(c.field == .priority)
        #expect(c.operation == .set)
        #expect(c.value == .number(10))

        #expect(try parse("project:P-00017.exclude=true").value == .flag(true))
        c = try parse("policy.escalationPenalty=0.01")
        #expect(c.target == .policy)
        #expect(c.field == .escalationPenalty)
        #expect(c.value == .number(0.01))
        c = try parse("strategy:S1.minShare=0.3")
        #expect(c.target == .strategy("S1"))
        #expect(c.value == .number(0.3))
        c = try parse("area:KK-01.budget*=1.2")
        #expect(c.target == .area("KK-01"))
        #expect(c.value == .number(1.2))
    }

    @Test func everyOperatorAndItsOtherSpelling() throws {
        #expect(try parse("funder:F.budget=5").operation == .set)
        #expect(try parse("funder:F.budget+=5").operation == .add)
        #expect(try parse("funder:F.budget=+5").operation == .add)
        #expect(try parse("funder:F.budget-=5").operation == .subtract)
        #expect(try parse("funder:F.budget=-5").operation == .subtract)
        #expect(try parse("funder:F.budget=-5").value == .number(5))
        #expect(try parse("funder:F.budget*=5").operation == .multiply)
        // Spaces around the operator and the value.
        let spaced = try parse("  funder:F.budget  *=  0.5 ")
        #expect(spaced.operation == .multiply)
        #expect(spaced.value == .number(0.5))
        #expect(try parse("funder:F.budget = +5").operation == .add)
    }

    @Test func valuesAsASpreadsheetWritesThem() throws {
        #expect(try parse("funder:F.budget=1,250,000.50").value == .number(1_250_000.5))
        #expect(try parse("funder:F.budget=฿500,000").value == .number(500_000))
        #expect(try parse("funder:F.budget=500000 บาท").value == .number(500_000))
        #expect(try parse("funder:F.budget*=90%").value == .number(0.9))
        #expect(try parse("strategy:S1.minShare=30%").value == .number(0.3))
        #expect(try parse("funder:F.maxProjects=4").value == .integer(4))
        #expect(try parse("funder:F.maxProjects=none").value == .unset)
        #expect(try parse("funder:F.maxProjectCost=none").value == .unset)
        #expect(try parse("funder:F.sectors=roads; water").value == .names(["roads", "water"]))
        #expect(try parse("funder:F.sectors+=roads").operation == .add)
        #expect(try parse("funder:F.sectors=any").value == .unset)
        #expect(try parse("project:P.mandatory=yes").value == .flag(true))
        #expect(try parse("project:P.funder=LAO-1").value == .identifier("LAO-1"))
        #expect(try parse("project:P.funder=none").value == .unset)
        #expect(try parse("project:P.latestStart=none").value == .unset)
        #expect(try parse("policy.strategyRequired=lao;district").value == .levels([.lao, .district]))
        #expect(try parse("policy.strategyRequired=none").value == .unset)
        #expect(try parse("policy.timeLimit*=2").value == .number(2))
    }

    @Test func planYears() throws {
        let c = try parse("funder:X.budget[2]*=0.9")
        #expect(c.year == 2)
        #expect(c.yearColumn == 17)
        #expect(c.target == .funder("X"))
        #expect(try parse("level:lao.budget[ 3 ]+=1").year == 3)
        #expect(problem("funder:X.budget[0]*=0.9")?.column == 17)
        #expect(problem("funder:X.budget[two]*=0.9")?.message.contains("plan year") == true)
        let notBudget = problem("project:P.priority[2]=1")
        #expect(notBudget?.column == 19)
        #expect(notBudget?.message == "only budget has plan years; [2] cannot follow priority")
    }

    @Test func idsWithDotsDashesAndQuotes() throws {
        #expect(try parse("funder:MIN.RID.budget=1").target == .funder("MIN.RID"))
        #expect(try parse("area:KK-01-03-05.budget*=2").target == .area("KK-01-03-05"))
        let quoted = try parse(#"funder:"A=B [x]".budget=1"#)
        #expect(quoted.target == .funder("A=B [x]"))
        #expect(quoted.fieldColumn == 18)
        #expect(try parse(#"funder:"say \"hi\" \\".budget=1"#).target == .funder(#"say "hi" \"#))
        #expect(try parse("funder:อบต.หนองบัว.budget=1").target == .funder("อบต.หนองบัว"))
        #expect(try parse(#"project:P.funder="A=B""#).value == .identifier("A=B"))
    }

    @Test func problemsNameTheirColumn() {
        let cases: [(String, Int, String)] = [
            ("", 1, "empty change"),
            ("fundr:F.budget=1", 1, "unknown target \"fundr\"; expected funder, level, area, project, strategy or policy (did you mean \"funder\"?)"),
            ("budget=1", 1, "expected a target"),
            ("policy:x.mipGap=0", 7, "policy has no id"),
            ("funder:F.budget", 16, "expected an operator"),
            ("funder:F.budjet=1", 10, "unknown field \"budjet\" of a funder; did you mean \"budget\"? (fields: budget, maxProjects, maxProjectCost, sectors)"),
            ("funder:F.priority=1", 10, "unknown field \"priority\" of a funder"),
            ("funder:.budget=1", 8, "expected an id after \"funder:\""),
            ("funder:F=1", 9, "expected .FIELD after the funder id"),
            ("level:provinse.budget*=0.9", 7, "unknown level \"provinse\"; did you mean \"province\"?"),
            ("funder:F.budget*=", 18, "expected a value after *="),
            ("funder:F.budget=abc", 17, "expected an amount in baht (e.g. 500000 or 500,000), found \"abc\""),
            ("funder:F.budget=5,00,000", 17, "expected an amount in baht"),
            ("funder:F.budget*=x", 18, "expected a factor (e.g. 0.9 or 90%), found \"x\""),
            ("funder:F.maxProjects*=2", 21, "maxProjects takes =, += or -=, not *="),
            ("project:P.exclude=+true", 18, "exclude takes =, not += (a sign after = adds or subtracts)"),
            ("project:P.exclude=maybe", 19, "expected true or false, found \"maybe\""),
            ("funder:F.maxProjects=2.5", 22, "expected a whole number (e.g. 3) or none, found \"2.5\""),
            ("funder:F.maxProjects+=none", 23, "none goes only with ="),
            ("policy.strategyRequired=lao;distrct", 25, "unknown level \"distrct\"; did you mean \"district\"?"),
            (#"funder:"F.budget=1"#, 8, "the quoted id has no closing \""),
            (#"funder:"F"budget=1"#, 11, "expected . and a field after the quoted id"),
        ]
        for (text, column, message) in cases {
            let found = problem(text)
            #expect(found?.column == column, "\(text): \(String(describing: found))")
            #expect(found?.message.hasPrefix(message) == true, "\(text): \(String(describing: found))")
        }
    }
}
