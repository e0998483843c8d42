/// A fixed-capacity set of small integers (demand and item indices) as 64-bit words:
/// the search copies, unions and intersects these at every node, which dictionaries of
/// keys made slow. Iteration is in increasing index order, so it never depends on hashing.
struct Bitset: Hashable, Sendable {
    private(set) var words: [UInt64]

    init(capacity: Int) { words = Array(repeating: 0, count: (capacity + 63) / 64) }

    init(capacity: Int, _ members: some Sequence<Int>) {
        self.init(capacity: capacity)
        for member in members { insert(member) }
    }

    func contains(_ index: Int) -> Bool { words[index >> 6] & (1 << UInt64(index & 63)) != 0 }

    mutating func insert(_ index: Int) { words[index >> 6] |= 1 << UInt64(index & 63) }

    mutating func remove(_ index: Int) { words[index >> 6] &= ~(1 << UInt64(index & 63)) }

    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    mutating func formUnion(_ other: Bitset) {
        for index in words.indices { words[index] |= other.words[index] }
    }

    mutating func subtract(_ other: Bitset) {
        for index in words.indices { words[index] &= ~other.words[index] }
    }

    func intersects(_ other: Bitset) -> Bool {
        for index in words.indices where words[index] & other.words[index] != 0 { return true }
        return false
    }

    /// Members of `self ∩ other` without building the intersection.
    func countCommon(_ other: Bitset) -> Int {
        var total = 0
        for index in words.indices { total += (words[index] & other.words[index]).nonzeroBitCount }
        return total
    }

    /// Calls `body` for every member in increasing order.
    func forEach(_ body: (Int) -> Void) {
        for (wordIndex, word) in words.enumerated() {
            var rest = word
            while rest != 0 {
                body(wordIndex << 6 + rest.trailingZeroBitCount)
                rest &= rest - 1
            }
        }
    }

    /// Members in increasing order.
    var members: [Int] {
        var result: [Int] = []
        forEach { result.append($0) }
        return result
    }
}
