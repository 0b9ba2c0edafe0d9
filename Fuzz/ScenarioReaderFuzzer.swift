import Allocator

/// libFuzzer's entry point: one input is one scenario file's bytes.
///
/// A crash, a sanitizer report, a hang (libFuzzer's `-timeout`) or a broken
/// property below is a finding. The properties are the reader's contract
/// (shared/spec/scenario-format.md, "Errors"):
///
/// * a rejected file has at least one problem, each with a path and, when it
///   has a line, a line that exists in the file;
/// * an accepted file writes back (`ScenarioWriter`) to a document that reads
///   as the same scenario;
/// * the model built from an accepted file is consistent with the independent
///   checker: the greedy decision found on the model's rows breaks no rule of
///   the scenario (`DecisionChecker`).
///
/// Built and run by Fuzz/run.sh (docs/fuzzing.md), never by `swift build`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenarioReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let scenario: Scenario
    do {
        scenario = try ScenarioReader.read(bytes: bytes)
    } catch {
        checkRejection(error, of: bytes)
        return 0
    }
    checkRoundTrip(scenario)
    checkModel(scenario)
    return 0
}

/// Every problem names a place: a non-empty path and a line within the file.
private func checkRejection(_ error: ScenarioError, of bytes: [UInt8]) {
    guard !error.problems.isEmpty else { fatalError("rejected with no problem") }
    let lines = lineCount(bytes)
    for problem in error.problems {
        guard !problem.path.isEmpty, !problem.message.isEmpty else {
            fatalError("problem without a path or a message: \(problem)")
        }
        if let line = problem.line, !(1...lines).contains(line) {
            fatalError("problem at line \(line) of a \(lines)-line file: \(problem)")
        }
    }
}

/// Lines as the parser counts them: LF, CRLF and a lone CR each end one.
private func lineCount(_ bytes: [UInt8]) -> Int {
    var lines = 1
    var i = 0
    while i < bytes.count {
        if bytes[i] == 0x0D {
            lines += 1
            if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
        } else if bytes[i] == 0x0A {
            lines += 1
        }
        i += 1
    }
    return lines
}

/// An accepted scenario, written back, reads as the same value.
private func checkRoundTrip(_ scenario: Scenario) {
    let text = ScenarioWriter.json(scenario).serialized()
    do {
        let again = try ScenarioReader.read(bytes: Array(text.utf8))
        guard again == scenario else { fatalError("written scenario reads back differently:\n\(text)") }
    } catch {
        fatalError("written scenario is rejected: \(error)\n\(text)")
    }
}

/// Most choices a model may have for the model check to run: a short input
/// can still list thousands of funders serving thousands of projects, which
/// is legitimate work, not a hang worth reporting.
private let largestCheckedModel = 20_000

/// The model's greedy decision breaks no rule of the scenario, as the
/// independent checker reads the scenario.
private func checkModel(_ scenario: Scenario) {
    let possibleChoices = scenario.projects.count * max(1, scenario.funders.count) * scenario.horizon
    guard possibleChoices <= largestCheckedModel else { return }
    let model = ModelBuilder.build(scenario)
    guard let columns = GreedyStart.decide(model) else { return }
    let decision = model.decision(fromColumns: columns)
    let problems = DecisionChecker.violations(of: decision, in: scenario)
    guard problems.isEmpty else {
        fatalError("greedy decision breaks the scenario's rules: \(problems)\n"
            + ScenarioWriter.json(scenario).serialized())
    }
}
