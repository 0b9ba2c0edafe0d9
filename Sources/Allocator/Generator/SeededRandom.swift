/// A small seeded pseudo-random generator (SplitMix64, Steele, Lea & Flood 2014)
/// whose every draw is the same on every run and every machine.
///
/// Swift's `SystemRandomNumberGenerator` is not seedable, and the standard
/// library's `random(in:using:)` algorithms may change between Swift releases,
/// so the helpers here derive integers and doubles from the raw 64-bit stream
/// themselves, using only integer arithmetic and IEEE `+ - * /` (no `libm`, whose
/// `exp` and `log` may differ in the last bit between platforms).
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// An independent stream for one part of the generation, so that changing
    /// how (say) projects are drawn never changes the area names.
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SeededRandom(seed: stream &* 0xD1B5_4A32_D192_ED03)
        state = seed ^ mixer.next()
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<n` (Lemire's multiply-high; the bias, at most
    /// n / 2^64, is far below anything a synthetic scenario could show).
    public mutating func int(below n: Int) -> Int {
        precondition(n > 0, "int(below:) needs a positive bound")
        return Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// A uniform integer in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + int(below: range.upperBound - range.lowerBound + 1)
    }

    /// A uniform double in [0, 1), 53 random bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform double in `range`.
    public mutating func double(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// true with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T {
        items[int(below: items.count)]
    }

    /// An index drawn with probability proportional to `weights` (not all zero).
    public mutating func index(weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var r = unit() * total
        for (i, w) in weights.enumerated() {
            if r < w { return i }
            r -= w
        }
        return weights.count - 1
    }

    /// An approximately standard normal draw (Irwin-Hall: the sum of 12
    /// uniforms minus 6; tails end at +-6, which suits money amounts).
    public mutating func normal() -> Double {
        var sum = 0.0
        for _ in 0..<12 { sum += unit() }
        return sum - 6
    }

    /// A log-normal draw with the given median and log-scale spread `sigma`,
    /// clamped to `range`.
    public mutating func logNormal(median: Double, sigma: Double, in range: ClosedRange<Double>) -> Double {
        let x = median * SeededRandom.exp(sigma * normal())
        return min(max(x, range.lowerBound), range.upperBound)
    }

    /// e^x from `+ - * /` only, so it is bit-identical everywhere: x = k ln 2 + r
    /// with |r| <= ln 2 / 2, e^r by its Taylor series (relative error < 1e-15
    /// for the |x| < 40 used here), then scaled by 2^k.
    static func exp(_ x: Double) -> Double {
        let ln2 = 0.693_147_180_559_945_3
        let k = (x / ln2).rounded()
        let r = x - k * ln2
        var term = 1.0
        var sum = 1.0
        for n in 1...18 {
            term = term * r / Double(n)
            sum += term
        }
        var scale = 1.0
        let factor = k >= 0 ? 2.0 : 0.5
        for _ in 0..<Int(abs(k)) { scale *= factor }
        return sum * scale
    }
}
