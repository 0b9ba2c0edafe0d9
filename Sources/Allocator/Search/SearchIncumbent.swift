/// The best decision a solve has found so far, and what the steps of
/// `HybridSearch` share: the solve's clock, the gap test, the progress
/// reports, the `--verbose` log lines and the interruption request.
final class SearchIncumbent {
    let model: AllocationModel
    let mipGap: Double
    let clock = ContinuousClock()
    let began: ContinuousClock.Instant
    private let progress: (@Sendable (SolveProgress) -> Void)?
    private let log: (@Sendable (String) -> Void)?
    private let interruption: SolveInterruption?
    private var lastReport: ContinuousClock.Instant

    /// The best decision's columns and value; nil until one is found.
    private(set) var columns: [Int]?
    private(set) var value: Double?

    init(
        model: AllocationModel, mipGap: Double, progress: (@Sendable (SolveProgress) -> Void)?,
        log: (@Sendable (String) -> Void)?, interruption: SolveInterruption?
    ) {
        self.model = model
        self.mipGap = mipGap
        self.progress = progress
        self.log = log
        self.interruption = interruption
        began = clock.now
        lastReport = began - .seconds(2)
    }

    var now: ContinuousClock.Instant { clock.now }
    /// Seconds since the solve began.
    var elapsed: Double { GLPKSolver.seconds(clock.now - began) }
    var interrupted: Bool { interruption?.isRequested == true }

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

    /// Whether `bound` proves the best decision within `mipGap`.
    func reached(_ bound: Double) -> Bool {
        guard let value else { return false }
        return AllocationResult.provesGap(objective: value, bound: bound, mipGap: mipGap)
    }

    /// One `--verbose` line: elapsed time, the step, the best value.
    func note(_ step: String) {
        guard let log else { return }
        let best = value.map { NumberFormat.fixed($0, decimals: 3) } ?? "none"
        log("allocate: \(NumberFormat.fixed(elapsed, decimals: 2)) s  \(step)  best \(best)")
    }

    /// The progress line, at most once a second unless forced.
    func report(_ bound: Double?, force: Bool = false) {
        guard let progress, force || clock.now - lastReport >= .seconds(1) else { return }
        lastReport = clock.now
        progress(SolveProgress(elapsed: elapsed, objective: value, bound: bound))
    }
}
