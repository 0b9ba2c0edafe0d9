import GLPKShim

/// Runs GLPK work with GLPK's error hook armed (see `allocate_glpk_guarded` in
/// GLPKShim): if GLPK detects an error it does not abort the process; the
/// thread's GLPK environment is freed and a `SolverFailure` carrying GLPK's
/// message is thrown instead.
///
/// The body should only call GLPK: when GLPK fails, the body's frames are
/// left by `longjmp`, so anything they retained is leaked (never released
/// twice), which is why the work is held in a heap box rather than on the stack.
func glpkGuarded<T>(_ operation: String, _ body: @escaping () -> T) throws(SolverFailure) -> T {
    var result: T?
    let work = GuardedWork { result = body() }
    var message = [CChar](repeating: 0, count: 2048)
    let failed = message.withUnsafeMutableBufferPointer { buffer in
        allocate_glpk_guarded(
            { raw in Unmanaged<GuardedWork>.fromOpaque(raw!).takeUnretainedValue().body() },
            Unmanaged.passUnretained(work).toOpaque(), buffer.baseAddress, buffer.count)
    }
    withExtendedLifetime(work) {}
    guard failed == 0, let value = result else {
        let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        throw SolverFailure(operation: operation, message: text)
    }
    return value
}

/// The work, kept on the heap while GLPK runs it.
private final class GuardedWork {
    let body: () -> Void

    init(_ body: @escaping () -> Void) {
        self.body = body
    }
}
