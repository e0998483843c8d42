/// Reads a text through libyaml's event API and only counts the events, copying none of
/// them into Swift: libyaml's own cost, the floor against which `twinc bench` measures
/// the cost of copying events, building nodes, resolving scalars and checking
/// documents. Returns nil when libyaml reports a problem.
public func countLibYAMLEvents(text: String) -> Int? {
    let reader = LibYAMLEventReader(bytes: text.utf8)
    var count = 0
    do {
        while try reader.skip() { count += 1 }
        return count
    } catch {
        return nil
    }
}

/// Reads a text through libyaml's event API, copying each event into Swift values as
/// the tree builder receives them, and only counts them: the cost of the event layer
/// before any node is built. Returns nil when libyaml reports a problem.
public func countRawYAMLEvents(text: String) -> Int? {
    let reader = LibYAMLEventReader(bytes: text.utf8)
    var count = 0
    do {
        while true {
            if case .streamEnd = try reader.next() { return count + 1 }
            count += 1
        }
    } catch {
        return nil
    }
}
