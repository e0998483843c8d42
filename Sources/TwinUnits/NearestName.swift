/// Edit distance (optimal string alignment, case-insensitive) used for every "did you
/// mean" note: unknown keys, units, values and references. Swapping two neighbouring
/// letters (`wacth`, `chset`) counts as one edit, as a typist makes it. One
/// implementation so all notes agree on what "near" means.
public func editDistance(_ a: String, _ b: String) -> Int {
    let lhs = Array(a.lowercased().unicodeScalars), rhs = Array(b.lowercased().unicodeScalars)
    if lhs.isEmpty { return rhs.count }
    if rhs.isEmpty { return lhs.count }
    var beforePrevious = [Int](repeating: 0, count: rhs.count + 1)
    var previous = Array(0...rhs.count)
    var current = [Int](repeating: 0, count: rhs.count + 1)
    for i in 1...lhs.count {
        current[0] = i
        for j in 1...rhs.count {
            let substitution = previous[j - 1] + (lhs[i - 1] == rhs[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            if i > 1, j > 1, lhs[i - 1] == rhs[j - 2], lhs[i - 2] == rhs[j - 1] {
                current[j] = min(current[j], beforePrevious[j - 2] + 1)
            }
        }
        (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[rhs.count]
}

/// The candidate nearest to `name`, if it is within `maxDistance` edits (default: a
/// third of the name's length, at least 1, at most 3). Ties go to the earliest candidate
/// in sorted order so the note is deterministic.
public func nearestName(to name: String, among candidates: [String], maxDistance: Int? = nil) -> String? {
    // The same words in another order (`right-wrist` for `wrist-right`) are many edits
    // apart but one mistake: match them first.
    let words = name.lowercased().split(separator: "-").sorted()
    if words.count > 1, let reordered = candidates.sorted().first(where: {
        $0.lowercased().split(separator: "-").sorted() == words
    }) {
        return reordered
    }
    let length = name.lowercased().unicodeScalars.count
    let limit = maxDistance ?? min(3, max(1, length / 3))
    var best: (distance: Int, name: String)?
    for candidate in candidates.sorted() {
        // The distance is at least the difference in length: skip without computing it
        // (a megabyte name against a list of ids was seconds of edit distances).
        guard abs(candidate.lowercased().unicodeScalars.count - length) <= limit else { continue }
        let distance = editDistance(name, candidate)
        guard distance <= limit else { continue }
        if best == nil || distance < best!.distance { best = (distance, candidate) }
    }
    return best?.name
}
