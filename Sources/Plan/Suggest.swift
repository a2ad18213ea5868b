/// "Did you mean" suggestions by edit distance.
public enum Suggest {
    /// The candidate closest to `word`, when it is close enough to be a likely typo; ties go to the earlier candidate.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let w = Array(word.lowercased().unicodeScalars)
        let limit = w.count <= 3 ? 1 : w.count <= 6 ? 2 : 3
        var best: (String, Int)?
        for candidate in candidates where candidate != word {
            let c = Array(candidate.lowercased().unicodeScalars)
            let d = distance(w, c)
            // A truncated name (`cchc_plan` for `cchc_plan_date`) is a likely slip even when far in edits.
            let isPrefix = min(w.count, c.count) >= 4 && (c.starts(with: w) || w.starts(with: c))
            if d <= limit || isPrefix, d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }

    /// `; did you mean 'x'?` or an empty string.
    public static func hint(for word: String, among candidates: [String]) -> String {
        closest(to: word, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// `; did you mean 'x'?` or, without a close candidate, `(expected one of: a, b, c)`.
    static func hintOrList(for word: String, among candidates: [String]) -> String {
        if let near = closest(to: word, among: candidates) { return "; did you mean '\(near)'?" }
        return " (expected one of: \(candidates.joined(separator: ", ")))"
    }

    /// Optimal string alignment distance: Levenshtein plus adjacent transpositions (`titel` → `title` is 1).
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var row = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            row[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    row[j] = min(row[j], prev2[j - 2] + 1)
                }
            }
            (prev2, prev, row) = (prev, row, prev2)
        }
        return prev[b.count]
    }
}
