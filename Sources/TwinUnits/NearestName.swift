/// Edit distance (optimal string alignment, case-insensitive) used for every "did you
/// mean" note: unknown keys, units, values and references. Swapping two neighbouring
/// letters (`wacth`, `chset`) counts as one edit, as a typist makes it. One
/// implementation so all notes agree on what "near" means.
public func editDistance(_ a: String, _ b: String) -> Int {
    // No bound: a row minimum never exceeds the longer length, so the early exit never fires.
    boundedEditDistance(Array(a.lowercased().unicodeScalars), Array(b.lowercased().unicodeScalars),
                        limit: Int.max - 1)
}

/// The candidate nearest to `name`, if it is within `maxDistance` edits (default: a
/// third of the name's length, at least 1, at most 3). Ties go to the earliest candidate
/// in sorted order so the note is deterministic.
public func nearestName(to name: String, among candidates: [String], maxDistance: Int? = nil) -> String? {
    NearestNameIndex(candidates).nearest(to: name, maxDistance: maxDistance)
}

/// `nearestName` over one list of candidates asked many times: the candidates are
/// sorted, lower-cased and grouped by length once, so a lookup costs edit distances to
/// the candidates of about the right length only. A use case of 50,000 broken gateways
/// and a thousand devices naming unknown ones sorted and lower-cased the whole list for
/// every reference (minutes); the answers are the same.
public struct NearestNameIndex: Sendable {
    /// The candidates in sorted order, with their lower-cased scalars.
    private let sorted: [(name: String, scalars: [Unicode.Scalar])]
    /// Indices into `sorted` by length in scalars, ascending.
    private let byLength: [Int: [Int]]
    /// The first candidate in sorted order for each multiset of hyphen-separated words.
    private let byWords: [String: Int]

    public init(_ candidates: [String]) {
        sorted = candidates.sorted().map { ($0, Array($0.lowercased().unicodeScalars)) }
        var byLength: [Int: [Int]] = [:], byWords: [String: Int] = [:]
        for (index, candidate) in sorted.enumerated() {
            byLength[candidate.scalars.count, default: []].append(index)
            let key = Self.wordsKey(candidate.name)
            if byWords[key] == nil { byWords[key] = index }
        }
        self.byLength = byLength
        self.byWords = byWords
    }

    /// Lower-cased words in sorted order, joined: equal keys are the same words in any order.
    private static func wordsKey(_ text: String) -> String {
        text.lowercased().split(separator: "-").sorted().joined(separator: "-")
    }

    public func nearest(to name: String, maxDistance: Int? = nil) -> String? {
        // The same words in another order (`right-wrist` for `wrist-right`) are many edits
        // apart but one mistake: match them first.
        if name.lowercased().split(separator: "-").count > 1, let index = byWords[Self.wordsKey(name)] {
            return sorted[index].name
        }
        let scalars = Array(name.lowercased().unicodeScalars)
        let limit = maxDistance ?? min(3, max(1, scalars.count / 3))
        guard limit >= 0 else { return nil }
        // The distance is at least the difference in length: only candidates within
        // `limit` of the name's length are measured, in sorted order for the ties.
        var indices: [Int] = []
        for length in max(0, scalars.count - limit)...(scalars.count + limit) {
            indices += byLength[length] ?? []
        }
        var best: (distance: Int, index: Int)?
        for index in indices.sorted() {
            let distance = boundedEditDistance(scalars, sorted[index].scalars, limit: limit)
            guard distance <= limit else { continue }
            if best == nil || distance < best!.distance { best = (distance, index) }
        }
        return best.map { sorted[$0.index].name }
    }
}

/// `editDistance` of two lower-cased scalar arrays, or `limit + 1` as soon as every
/// cell of a row exceeds `limit` (row minima never decrease, transpositions included).
func boundedEditDistance(_ lhs: [Unicode.Scalar], _ rhs: [Unicode.Scalar], limit: Int) -> Int {
    if lhs.isEmpty { return rhs.count }
    if rhs.isEmpty { return lhs.count }
    var beforePrevious = [Int](repeating: 0, count: rhs.count + 1)
    var previous = Array(0...rhs.count)
    var current = [Int](repeating: 0, count: rhs.count + 1)
    for i in 1...lhs.count {
        current[0] = i
        var rowMinimum = i
        for j in 1...rhs.count {
            let substitution = previous[j - 1] + (lhs[i - 1] == rhs[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            if i > 1, j > 1, lhs[i - 1] == rhs[j - 2], lhs[i - 2] == rhs[j - 1] {
                current[j] = min(current[j], beforePrevious[j - 2] + 1)
            }
            rowMinimum = min(rowMinimum, current[j])
        }
        if rowMinimum > limit { return limit + 1 }
        (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[rhs.count]
}
