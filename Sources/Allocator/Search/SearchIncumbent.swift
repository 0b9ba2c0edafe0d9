/// The best decision a solve has found so far, and what the steps of
/// `HybridSearch` share: the work done and its limit (`SearchWork`), the
/// clock's deadline, the gap test, the progress reports, the `--verbose` log
/// lines and the interruption request.
///
/// Every choice of the search is made on the work count; the clock only ends
/// it (the time limit, a safety net) and paces the progress reports.
final class SearchIncumbent {
    let model: AllocationModel
    let mipGap: Double
    let clock = ContinuousClock()
    let began: ContinuousClock.Instant
    /// When the time limit runs out.
    let deadline: ContinuousClock.Instant
    /// Work units the search may spend (`SearchWork`).
    let workLimit: Double
    /// Most threads the search runs on at once; the decision does not depend on it.
    let threads: Int
    /// Work units spent so far.
    private(set) var work = 0.0
    private let progress: (@Sendable (SolveProgress) -> Void)?
    private let log: (@Sendable (String) -> Void)?
    private let interruption: SolveInterruption?
    private var lastReport: ContinuousClock.Instant

    /// The best decision's columns and value; nil until one is found.
    private(set) var columns: [Int]?
    private(set) var value: Double?

    init(
        model: AllocationModel, mipGap: Double, timeLimit: Double, workLimit: Double, threads: Int,
        progress: (@Sendable (SolveProgress) -> Void)?, log: (@Sendable (String) -> Void)?,
        interruption: SolveInterruption?
    ) {
        self.model = model
        self.mipGap = mipGap
        self.workLimit = workLimit
        self.threads = max(1, threads)
        self.progress = progress
        self.log = log
        self.interruption = interruption
        began = clock.now
        deadline = began + .seconds(clamping: max(0, timeLimit))
        lastReport = began - .seconds(2)
    }

    var now: ContinuousClock.Instant { clock.now }
    /// Seconds since the solve began.
    var elapsed: Double { GLPKSolver.seconds(clock.now - began) }
    /// Seconds until the time limit.
    var secondsLeft: Double { GLPKSolver.seconds(deadline - clock.now) }
    var interrupted: Bool { interruption?.isRequested == true }
    var pastDeadline: Bool { clock.now >= deadline }

    /// Counts `units` of work done.
    func spend(_ units: Double) { work += units }
    /// Work units left before the work limit.
    var workLeft: Double { max(0, workLimit - work) }
    /// Whether the search must stop now: interrupted, out of work or out of time.
    var mustStop: Bool { interrupted || work >= workLimit || pastDeadline }

    /// Keeps `candidate` if it holds every row and beats the best; says whether it did.
    @discardableResult
    func offer(_ candidate: [Int]?) -> Bool {
        guard let candidate, model.linear.maximumViolation(ofColumns: candidate) <= LinearModel.feasibilityTolerance
        else { return false }
        let candidateValue = model.objective(of: candidate)
        guard candidateValue > value ?? -.infinity else { return false }
        columns = candidate
        value = candidateValue
        return true
    }

    /// Polishes the best decision (`DecisionPolish`) and keeps the result when
    /// it holds every row (the polish checks only the rows its moves touch);
    /// returns the decision as it was when the polish changed it.
    /// Done once, when the search has ended: polishing every decision found
    /// moved when the later steps happen, and on the 12,000-project province's
    /// budget variations more solves then ended at their work limit
    /// (docs/decisions.md).
    @discardableResult
    func polishBest() -> [Int]? {
        guard let columns else { return nil }
        let (polished, passes) = DecisionPolish(model: model).polished(columns)
        spend(SearchWork.polish(model.linear, passes: passes))
        guard polished != columns,
            model.linear.maximumViolation(ofColumns: polished) <= LinearModel.feasibilityTolerance
        else { return nil }
        let polishedValue = model.objective(of: polished)
        guard polishedValue > value ?? -.infinity else { return nil }
        self.columns = polished
        value = polishedValue
        return columns
    }

    /// Whether `bound` proves the best decision within `mipGap`.
    func reached(_ bound: Double) -> Bool {
        guard let value else { return false }
        return AllocationResult.provesGap(objective: value, bound: bound, mipGap: mipGap)
    }

    /// One `--verbose` line: elapsed time, the step, the best value.
    func note(_ step: String) {
        guard let log else { return }
        let best = value.map { NumberFormat.fixed($0, decimals: 3) } ?? "none"
        log("allocate: \(NumberFormat.fixed(elapsed, decimals: 2)) s  work \(NumberFormat.fixed(work, decimals: 0))  \(step)  best \(best)")
    }

    /// The progress line, at most once a second unless forced.
    func report(_ bound: Double?, force: Bool = false) {
        guard let progress, force || clock.now - lastReport >= .seconds(1) else { return }
        lastReport = clock.now
        progress(SolveProgress(elapsed: elapsed, objective: value, bound: bound))
    }
}
