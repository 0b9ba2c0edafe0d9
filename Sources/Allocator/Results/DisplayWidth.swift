/// Terminal column width of text, so Thai names line up in tables: Thai vowel
/// and tone marks above or below a consonant (nonspacing marks such as U+0E31,
/// U+0E34...U+0E3A, U+0E47...U+0E4E) take no column; East Asian wide
/// characters take two.
public enum DisplayWidth {
    /// - Complexity: O(n) in the number of Unicode scalars.
    public static func of(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format, .control:
                continue
            default:
                width += isWide(scalar) ? 2 : 1
            }
        }
        return width
    }

    /// `text` padded with spaces to `width` columns (left-aligned), or cut with "…" when wider.
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        var shown = text
        if of(shown) > width {
            var cut = ""
            for character in text {
                if of(cut + String(character)) > width - 1 { break }
                cut.append(character)
            }
            shown = cut + "…"
        }
        let fill = String(repeating: " ", count: max(0, width - of(shown)))
        return alignRight ? fill + shown : shown + fill
    }

    private static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100 ... 0x115F, 0x2E80 ... 0x303E, 0x3041 ... 0x33FF, 0x3400 ... 0x4DBF, 0x4E00 ... 0x9FFF,
             0xA000 ... 0xA4CF, 0xAC00 ... 0xD7A3, 0xF900 ... 0xFAFF, 0xFE30 ... 0xFE4F, 0xFF00 ... 0xFF60,
             0xFFE0 ... 0xFFE6, 0x1F300 ... 0x1F64F, 0x1F900 ... 0x1F9FF, 0x20000 ... 0x3FFFD:
            true
        default:
            false
        }
    }
}
