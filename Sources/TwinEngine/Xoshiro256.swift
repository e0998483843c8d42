/// SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014; constants from Vigna's reference `splitmix64.c`).
///
/// Used only to expand a 64-bit seed into the 256-bit state of `Xoshiro256`, as Vigna
/// recommends: it never yields the all-zero state xoshiro must avoid, and nearby seeds
/// (1, 2, 3…) give unrelated states.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 output function: a bijective 64-bit finaliser with full avalanche.
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** 1.0 (Blackman & Vigna, "Scrambled linear pseudorandom number
/// generators", ACM TOMS 47(4), 2021; reference code at prng.di.unimi.it).
///
/// The runtime's only random source. Chosen because it is fast (a handful of shifts and
/// one multiply), has a 2^256 − 1 period, passes BigCrush, and — unlike
/// `SystemRandomNumberGenerator` — is a pure function of its seed, so a twin run is
/// reproducible byte for byte. Never create one from the clock: take one from
/// `RandomStreams`.
public struct Xoshiro256: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// Seeds the 256-bit state from four consecutive SplitMix64 outputs.
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    @inlinable
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, by: 45)
        return result
    }

    @inlinable @inline(__always)
    func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
