/// Numbers as a planning officer reads them: baht with thousands separators,
/// percentages, and objective values with a fixed number of decimals. Pure
/// Swift, so the output does not depend on the machine's locale.
public enum NumberFormat {
    /// Whole baht with thousands separators: 1234567.6 -> "1,234,568".
    public static func baht(_ amount: Double) -> String {
        grouped(Int64(amount.rounded()))
    }

    /// An integer with thousands separators.
    public static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (k, ch) in digits.enumerated() {
            if k > 0, (digits.count - k) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }

    public static func grouped(_ value: Int) -> String { grouped(Int64(value)) }

    /// `x` with `decimals` digits after the point and thousands separators.
    public static func fixed(_ x: Double, decimals: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0 ..< decimals { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        guard scaled < 9e18 else { return "\(x)" }
        let units = Int64(scaled)
        let whole = units / Int64(scale)
        let fraction = units % Int64(scale)
        var text = grouped(whole)
        if decimals > 0 {
            let f = String(fraction)
            text += "." + String(repeating: "0", count: decimals - f.count) + f
        }
        return (x < 0 && units != 0 ? "-" : "") + text
    }

    /// A fraction as a percentage: 0.1234 -> "12.34%".
    public static func percent(_ fraction: Double, decimals: Int = 2) -> String {
        fixed(fraction * 100, decimals: decimals) + "%"
    }

    /// A count with its noun: "1 funder", "2 funders", "1,024 projects".
    public static func counted(_ n: Int, _ singular: String, plural: String? = nil) -> String {
        "\(grouped(n)) \(n == 1 ? singular : plural ?? singular + "s")"
    }

    /// Seconds as given: 60 -> "60", 0.5 -> "0.5", at most 3 decimals.
    public static func seconds(_ x: Double) -> String {
        var text = fixed(x, decimals: 3)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
