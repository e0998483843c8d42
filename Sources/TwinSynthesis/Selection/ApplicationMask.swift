/// A set of application numbers (see `CoverIndex.applicationNumbers`) as bits: method
/// pins are checked on every complete cover, and propagating `Set<String>`s along the
/// closure there dominated the search. Any number of applications fits (one word per 64).
struct ApplicationMask: Hashable, Sendable {
    private var low: UInt64 = 0
    private var high: [UInt64] = []

    init() {}

    init(_ members: some Sequence<Int>) {
        for member in members { insert(member) }
    }

    mutating func insert(_ member: Int) {
        if member < 64 {
            low |= 1 << UInt64(member)
            return
        }
        let word = member / 64 - 1
        if high.count <= word { high += Array(repeating: 0, count: word + 1 - high.count) }
        high[word] |= 1 << UInt64(member % 64)
    }

    func contains(_ member: Int) -> Bool {
        if member < 64 { return low & (1 << UInt64(member)) != 0 }
        let word = member / 64 - 1
        return word < high.count && high[word] & (1 << UInt64(member % 64)) != 0
    }

    func isSubset(of other: ApplicationMask) -> Bool {
        guard low & ~other.low == 0 else { return false }
        for (index, word) in high.enumerated() where word & ~(index < other.high.count ? other.high[index] : 0) != 0 {
            return false
        }
        return true
    }

    mutating func formUnion(_ other: ApplicationMask) {
        low |= other.low
        if high.count < other.high.count { high += Array(repeating: 0, count: other.high.count - high.count) }
        for (index, word) in other.high.enumerated() { high[index] |= word }
    }
}
