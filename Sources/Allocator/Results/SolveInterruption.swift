import Synchronization

/// A request, from another thread, to stop a solve early and return the best
/// decision found so far (the command line's Ctrl-C). The solve checks it
/// between steps: between subgradient steps, between neighbourhood batches,
/// and at every branch-and-cut callback; an LP relaxation under way (the
/// whole model's, on models of at most 20,000 choices) finishes first.
public final class SolveInterruption: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// Asks the solve to stop; safe from any thread.
    public func request() {
        flag.store(true, ordering: .relaxed)
    }

    public var isRequested: Bool { flag.load(ordering: .relaxed) }
}
