/// FNV-1a, 64-bit (Fowler, Noll & Vo; parameters from the IETF draft
/// draft-eastlake-fnv, offset basis 0xcbf29ce484222325, prime 0x100000001b3).
///
/// Swift's `Hasher` is seeded randomly per process, so anything derived from it would
/// change between runs. This hash is a fixed function of the bytes: the same stream
/// key gives the same generator on every machine and every run. FNV-1a's weak
/// avalanche in the last bytes does not matter here, because its result is passed
/// through the SplitMix64 finaliser before it seeds a generator.
public struct StableHash: Sendable {
    public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    public init() {}

    public mutating func combine(byte: UInt8) {
        value ^= UInt64(byte)
        value &*= 0x0000_0100_0000_01B3
    }

    /// Hashes the UTF-8 bytes of `string`, then a 0xFF terminator (a byte UTF-8 never
    /// produces), so ("ab", "c") and ("a", "bc") hash differently.
    public mutating func combine(_ string: String) {
        for byte in string.utf8 { combine(byte: byte) }
        combine(byte: 0xFF)
    }

    /// Hashes the eight bytes of `integer`, least significant first (fixed byte order,
    /// independent of the host's endianness).
    public mutating func combine(_ integer: UInt64) {
        var v = integer
        for _ in 0..<8 {
            combine(byte: UInt8(truncatingIfNeeded: v))
            v >>= 8
        }
    }

    /// FNV-1a 64 of the UTF-8 bytes of `string`, with no terminator: the textbook value
    /// (for checking against published test vectors).
    public static func fnv1a64(_ string: String) -> UInt64 {
        var hash = StableHash()
        for byte in string.utf8 { hash.combine(byte: byte) }
        return hash.value
    }
}
