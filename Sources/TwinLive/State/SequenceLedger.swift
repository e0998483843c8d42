/// Which (source, sequence) batches were applied, so a resend is acknowledged without
/// being applied twice. Per source it keeps every sequence within `span` of the newest
/// one; anything older counts as seen (a gateway does not resend a batch that old), so
/// memory stays bounded however long the stream runs.
public struct SequenceLedger: Sendable, Hashable {
    public static let span = 4096

    struct Source: Sendable, Hashable {
        var newest: Int
        var seen: Set<Int>
    }

    private var sources: [String: Source] = [:]

    public init() {}

    public func contains(source: String, sequence: Int) -> Bool {
        guard let entry = sources[source] else { return false }
        return sequence <= entry.newest - Self.span || entry.seen.contains(sequence)
    }

    public mutating func insert(source: String, sequence: Int) {
        var entry = sources[source] ?? Source(newest: sequence, seen: [])
        entry.newest = Swift.max(entry.newest, sequence)
        entry.seen.insert(sequence)
        if entry.seen.count > 2 * Self.span {
            let floor = entry.newest - Self.span
            entry.seen = entry.seen.filter { $0 > floor }
        }
        sources[source] = entry
    }

    /// The newest sequence per source, sorted by source.
    public var newest: [(source: String, sequence: Int)] {
        sources.keys.sorted().compactMap { key in sources[key].map { (key, $0.newest) } }
    }
}
