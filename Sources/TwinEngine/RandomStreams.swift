/// A family of independent random generators, one per named stream, all derived from
/// one run seed.
///
/// Each stream's generator is a pure function of (seed, key): nothing is shared and
/// nothing depends on the order or number of streams created. So adding a device to a
/// twin, or a new purpose to a device, leaves every other stream's numbers unchanged,
/// and two replications differ only by their seed. Keys are by convention the device
/// id plus a purpose, e.g. `generator("ecg-patch", "shadowing")`.
///
/// Derivation: FNV-1a 64 over the key components (each terminated) and the seed, then
/// the SplitMix64 finaliser, then the usual SplitMix64 expansion into xoshiro256**
/// state. Distinct keys give unrelated 256-bit states (a collision needs a 64-bit hash
/// collision).
public struct RandomStreams: Sendable {
    /// The run seed (the `--seed` of `twinc run`, or seed + replication index).
    public let seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    /// The generator of the stream named by `components` (e.g. device id, purpose).
    /// Calling it twice with the same key gives two generators at the same position.
    public func generator(_ components: String...) -> Xoshiro256 {
        generator(key: components)
    }

    /// The generator of the stream named by `key` (an ordered list of components).
    public func generator(key: [String]) -> Xoshiro256 {
        Xoshiro256(seed: streamSeed(key: key))
    }

    /// The 64-bit seed of one stream; exposed so reports can quote it.
    public func streamSeed(key: [String]) -> UInt64 {
        var hash = StableHash()
        hash.combine(UInt64(key.count))
        for component in key { hash.combine(component) }
        hash.combine(seed)
        return SplitMix64.mix(hash.value)
    }

    /// The seed of replication `index` of a run started with `seed`: replications are
    /// themselves independent stream families.
    public func replication(_ index: Int) -> RandomStreams {
        var hash = StableHash()
        hash.combine(seed)
        hash.combine("replication")
        hash.combine(UInt64(truncatingIfNeeded: index))
        return RandomStreams(seed: SplitMix64.mix(hash.value))
    }
}
