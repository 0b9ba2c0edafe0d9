import GLPKShim

/// Runs GLPK work with GLPK's error hook armed (see `allocate_glpk_guarded` in
/// GLPKShim): if GLPK detects an error it does not abort the process; the
/// thread's GLPK environment is freed and a `SolverFailure` carrying GLPK's
/// message is thrown instead.
///
/// The body should only call GLPK: when GLPK fails, the body's frames are
/// left by `longjmp`, so it must not hold Swift resources that need cleanup.
func glpkGuarded<T>(_ operation: String, _ body: () -> T) throws(SolverFailure) -> T {
    var result: T?
    var message = [CChar](repeating: 0, count: 2048)
    let failed: Int32 = withoutActuallyEscaping({ result = body() }) { work in
        var context = work
        return withUnsafeMutablePointer(to: &context) { pointer in
            message.withUnsafeMutableBufferPointer { buffer in
                allocate_glpk_guarded(
                    { raw in raw!.assumingMemoryBound(to: (() -> Void).self).pointee() },
                    pointer, buffer.baseAddress, buffer.count)
            }
        }
    }
    guard failed == 0, let value = result else {
        let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        throw SolverFailure(operation: operation, message: text)
    }
    return value
}
