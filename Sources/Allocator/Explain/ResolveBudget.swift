/// The re-solves an explanation may still make: a count and a deadline, shared
/// out among its searches so that the last search is not starved by the first.
struct ResolveBudget {
    /// Re-solves left.
    var count: Int
    /// No re-solve starts unless it can end (at its own time limit) before this.
    var deadline: ContinuousClock.Instant
    /// Seconds each re-solve may take.
    let resolveTime: Double
    let clock = ContinuousClock()

    /// What stops the next re-solve from starting, if anything.
    var stop: SmallestChange.Cut? {
        if count <= 0 { return .resolves }
        if clock.now + .milliseconds(Int64(resolveTime * 1000)) > deadline { return .time }
        return nil
    }

    /// An equal share, for one of `searches` searches still to run, of what is left.
    func share(among searches: Int) -> ResolveBudget {
        let n = max(1, searches)
        let remaining = clock.now < deadline ? deadline - clock.now : .zero
        return ResolveBudget(count: count / n + (count % n > 0 ? 1 : 0), deadline: clock.now + remaining / n, resolveTime: resolveTime)
    }
}
