/// Numbers, read by the RFC 8259 grammar (no leading zeros, no `+`, no bare
/// `.`) and converted to correctly rounded Doubles; overflow is an error.
extension JSONByteReader {
    /// Exact powers of ten a Double holds (Clinger's fast path).
    static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Reads a number by the RFC 8259 grammar. Up to 15 significant digits with
    /// a small exponent are converted exactly by one multiplication or division;
    /// anything else goes through the C library's correctly rounded conversion.
    mutating func readNumber() throws(JSONParseError) -> Double {
        let start = pos
        var negative = false
        if bytes[pos] == UInt8(ascii: "-") {
            negative = true
            pos += 1
        }
        guard pos < bytes.count, isDigit(bytes[pos]) else {
            throw fail("expected a digit after '-'", at: pos)
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        if bytes[pos] == UInt8(ascii: "0") {
            pos += 1
            if pos < bytes.count, isDigit(bytes[pos]) {
                throw fail("numbers must not have leading zeros", at: start)
            }
        } else {
            while pos < bytes.count, isDigit(bytes[pos]) {
                if significantDigits < 19 {
                    mantissa = mantissa * 10 + UInt64(bytes[pos] - UInt8(ascii: "0"))
                    significantDigits += 1
                } else {
                    exponent += 1
                    significantDigits += 1
                }
                pos += 1
            }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            pos += 1
            guard pos < bytes.count, isDigit(bytes[pos]) else {
                throw fail("expected a digit after the decimal point", at: pos)
            }
            while pos < bytes.count, isDigit(bytes[pos]) {
                let digit = UInt64(bytes[pos] - UInt8(ascii: "0"))
                if significantDigits < 19 {
                    mantissa = mantissa * 10 + digit
                    if mantissa != 0 { significantDigits += 1 }
                    exponent -= 1
                } else {
                    significantDigits += 1
                }
                pos += 1
            }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            pos += 1
            var exponentNegative = false
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") {
                exponentNegative = bytes[pos] == UInt8(ascii: "-")
                pos += 1
            }
            guard pos < bytes.count, isDigit(bytes[pos]) else {
                throw fail("expected a digit in the exponent", at: pos)
            }
            var written = 0
            while pos < bytes.count, isDigit(bytes[pos]) {
                if written < 100_000 { written = written * 10 + Int(bytes[pos] - UInt8(ascii: "0")) }
                pos += 1
            }
            exponent += exponentNegative ? -written : written
        }
        if significantDigits <= 15, (-22...22).contains(exponent) {
            var value = Double(mantissa)
            if exponent >= 0 {
                value *= JSONByteReader.powersOfTen[exponent]
            } else {
                value /= JSONByteReader.powersOfTen[-exponent]
            }
            return negative ? -value : value
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        // A number too large for a Double is valid JSON: it reads as an infinity,
        // which the scenario decoder reports at its path without hiding other problems.
        guard let value = Double(text) else {
            throw fail("number \(text) cannot be read", at: start)
        }
        return value
    }

    func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }
}
