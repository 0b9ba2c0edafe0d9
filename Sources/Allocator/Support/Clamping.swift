/// Conversions of seconds that must not trap on any `Double` a scenario or
/// option allows (1e21 s, say): values are clamped to what the target holds.
extension Double {
    func clamped(to range: ClosedRange<Double>) -> Double {
        Swift.min(Swift.max(self, range.lowerBound), range.upperBound)
    }
}

extension Duration {
    /// `seconds` rounded up to whole milliseconds, at most a century either way.
    static func seconds(clamping seconds: Double) -> Duration {
        .milliseconds(Int64((seconds.clamped(to: -3.2e9 ... 3.2e9) * 1000).rounded(.up)))
    }
}
