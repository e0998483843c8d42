import Foundation

/// The data channels a BLE connection may use (bit i set = channel i used, i = 0…36).
///
/// Source: Bluetooth Core Specification v5.x Vol 6 Part B §4.5.8 (channel map, at least
/// 2 used channels) ✔. The adaptive map (AFH) drops channels the central classifies as
/// bad — here, channels an interferer covers more than `threshold` of.
public struct BLEChannelMap: Sendable, Hashable {
    public private(set) var bits: UInt64

    public init(bits: UInt64) { self.bits = bits & Self.allBits }

    static let allBits: UInt64 = (1 << 37) - 1
    public static let all = BLEChannelMap(bits: allBits)

    /// The Core Spec's 5-octet ChM field (LSB of the first octet is channel 0).
    public init(octets: [UInt8]) {
        var value: UInt64 = 0
        for (index, octet) in octets.prefix(5).enumerated() { value |= UInt64(octet) << (8 * UInt64(index)) }
        self.init(bits: value)
    }

    public func isUsed(_ channel: Int) -> Bool { (0...36).contains(channel) && bits & (1 << UInt64(channel)) != 0 }
    public var usedCount: Int { bits.nonzeroBitCount }
    /// Used channels in ascending order (the remapping table of both algorithms).
    public var usedChannels: [Int] { (0...36).filter { isUsed($0) } }

    /// The map without the channels `interferers` cover more than `threshold` of (AFH
    /// blacklisting). Returns nil when fewer than 2 channels would remain (the Core Spec
    /// minimum): the caller keeps the old map.
    public func excluding(_ interferers: [RadioChannel], threshold: Double = 0) -> BLEChannelMap? {
        var kept = bits
        for channel in 0...36 {
            guard let band = RadioChannel.ble(channelIndex: channel) else { continue }
            if interferers.contains(where: { band.coveredShare(by: $0) > threshold }) { kept &= ~(1 << UInt64(channel)) }
        }
        let map = BLEChannelMap(bits: kept)
        return map.usedCount >= 2 ? map : nil
    }
}

/// BLE data-channel hopping: channel selection algorithms #1 and #2.
///
/// Source: Bluetooth Core Specification v5.x Vol 6 Part B §4.5.8.2 (CSA #1:
/// `unmapped = (last + hopIncrement) mod 37`, hop 5…16; an unused channel is remapped to
/// `used[unmapped mod N]`) and §4.5.8.3 (CSA #2: the channel identifier is the access
/// address's upper and lower 16 bits XORed; `prn_e` runs three rounds of PERM (bit
/// reversal within each octet) and MAM (`17·a + b mod 2¹⁶`) on `counter XOR id`, XORed
/// with id at the end; `unmapped = prn_e mod 37`, an unused channel is remapped to
/// `used[⌊N·prn_e / 2¹⁶⌋]`). Checked against the sample data of Vol 6 Part C §3 ✔ (as
/// quoted in the Zephyr and NimBLE controller tests): id 0x305F; all 37 channels →
/// counters 0–3 give 25, 20, 6, 21; channels {9, 10, 21, 22, 23, 33, 34, 35, 36} →
/// counters 6–8 give 23, 9, 34.
public enum BLEChannelSelection {
    public static let source = "Bluetooth Core Specification v5.x Vol 6 Part B §4.5.8.2–3; sample data Vol 6 Part C §3"

    /// CSA #1 state: the last unmapped channel and the hop increment.
    public struct Algorithm1: Sendable, Hashable {
        public var hopIncrement: Int
        public private(set) var lastUnmapped: Int = 0

        public init(hopIncrement: Int) { self.hopIncrement = hopIncrement }

        /// The channel of the next connection event.
        public mutating func nextChannel(map: BLEChannelMap) -> Int {
            let unmapped = (lastUnmapped + hopIncrement) % 37
            lastUnmapped = unmapped
            if map.isUsed(unmapped) { return unmapped }
            let used = map.usedChannels
            return used.isEmpty ? unmapped : used[unmapped % used.count]
        }
    }

    /// The CSA #2 channel identifier of an access address.
    public static func channelIdentifier(accessAddress: UInt32) -> UInt16 {
        UInt16(truncatingIfNeeded: accessAddress >> 16) ^ UInt16(truncatingIfNeeded: accessAddress)
    }

    /// The CSA #2 pseudo-random number `prn_e` of event `counter`.
    public static func pseudoRandom(counter: UInt16, identifier: UInt16) -> UInt16 {
        var value = counter ^ identifier
        for _ in 0..<3 {
            value = permute(value)
            value = UInt16(truncatingIfNeeded: (UInt32(value) &* 17 &+ UInt32(identifier)) & 0xFFFF)
        }
        return value ^ identifier
    }

    /// CSA #2: the data channel of connection event `counter`.
    public static func channel(counter: UInt16, identifier: UInt16, map: BLEChannelMap) -> Int {
        let prn = pseudoRandom(counter: counter, identifier: identifier)
        let unmapped = Int(prn % 37)
        if map.isUsed(unmapped) { return unmapped }
        let used = map.usedChannels
        guard !used.isEmpty else { return unmapped }
        return used[(used.count * Int(prn)) >> 16]
    }

    /// PERM: reverse the bit order within each octet, both octets at once by swapping
    /// neighbouring bits, pairs and nibbles (a bit-by-bit loop was 1 % of a 24 h run:
    /// every connection event asks).
    static func permute(_ value: UInt16) -> UInt16 {
        var bits = value
        bits = (bits >> 1) & 0x5555 | (bits & 0x5555) << 1
        bits = (bits >> 2) & 0x3333 | (bits & 0x3333) << 2
        return (bits >> 4) & 0x0F0F | (bits & 0x0F0F) << 4
    }
}
