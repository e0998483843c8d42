public extension Array where Element: Equatable {
    /// The elements in their first-seen order with later repeats left out. The config
    /// builders list ids, levels and KPIs in the order the intent gives them, so a
    /// `Set` (hash order) would make twin.json depend on the process; the lists are a
    /// handful of entries, so the quadratic scan costs nothing.
    func removingRepeats() -> [Element] {
        reduce(into: []) { kept, element in
            if !kept.contains(element) { kept.append(element) }
        }
    }
}
