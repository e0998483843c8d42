/// Reads a text through libyaml's event API and only counts the events: the floor
/// against which `twinc bench` measures the cost of building nodes, resolving scalars
/// and checking documents. Returns nil when libyaml reports a problem.
public func countRawYAMLEvents(text: String) -> Int? {
    let reader = LibYAMLEventReader(bytes: text.utf8)
    var count = 0
    while true {
        switch reader.next() {
        case .success(.streamEnd): return count + 1
        case .success: count += 1
        case .failure: return nil
        }
    }
}
