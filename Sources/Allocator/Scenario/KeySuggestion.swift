/// Finds the known key an unknown key was probably meant to be (`"costt"` ->
/// `"cost"`, `"Priority"` -> `"priority"`), so a typo's message says how to fix it.
enum KeySuggestion {
    /// The known key closest to `key` by edit distance (ignoring case), when
    /// close enough to be a typo: at most 2 edits, and fewer than half its length.
    /// Ties go to the earlier key in `known`, so the answer is deterministic.
    static func closest(to key: String, among known: [String]) -> String? {
        let typed = Array(key.lowercased().unicodeScalars)
        var best: (key: String, distance: Int)?
        for candidate in known {
            let target = Array(candidate.lowercased().unicodeScalars)
            let limit = min(2, (candidate.unicodeScalars.count - 1) / 2)
            // The distance is at least the difference in length, so a key far
            // longer than every known one (hostile input) costs no comparison.
            guard abs(typed.count - target.count) <= limit else { continue }
            let distance = editDistance(typed, target)
            guard distance <= limit else { continue }
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        return best?.key
    }

    /// Levenshtein distance (insertions, deletions, substitutions).
    ///
    /// - Complexity: O(a.count * b.count); keys are short.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
