import Foundation
import TwinUnits

/// An interferer that is on for bursts of `burst` and off in between, on average a
/// share `dutyCycle` of the time: a WLAN station's frames, a BLE connection's events, an
/// 802.15.6 hub's allocations.
public struct OnOffInterferer: Sendable, Hashable {
    public enum Timing: String, Sendable, Hashable {
        /// Bursts at a fixed period (beacons, scheduled allocations, BLE events),
        /// unsynchronised with the victim (uniform phase).
        case periodic
        /// Bursts at random: exponential gaps (saturated or Poisson WLAN traffic).
        case random
    }

    public var burst: Time
    public var dutyCycle: Double
    public var timing: Timing

    public init(burst: Time, dutyCycle: Double, timing: Timing) {
        self.burst = burst
        self.dutyCycle = Swift.min(Swift.max(dutyCycle, 0), 1)
        self.timing = timing
    }

    /// Probability that a victim frame of `airtime`, starting at a random time, overlaps
    /// at least one burst (the collision-time model of IEEE 802.15.2-2003 and Howitt,
    /// IEEE TVT 51(6) 2002 ✔, whose analytical model matched measurement to 2 % RMS):
    /// - periodic, period `P = burst/duty`: `min(1, (burst + airtime)/P)`;
    /// - random (memoryless gaps of mean `burst·(1−d)/d`): the frame is clear only if it
    ///   starts in a gap and the rest of the gap outlasts it: `1 − (1−d)·e^(−airtime/gap)`.
    public func overlapProbability(airtime: Time) -> Double {
        let d = dutyCycle
        guard d > 0 else { return 0 }
        guard d < 1, burst.si > 0 else { return 1 }
        switch timing {
        case .periodic:
            return Swift.min(1, (burst.si + airtime.si) * d / burst.si)
        case .random:
            let gap = burst.si * (1 - d) / d
            return 1 - (1 - d) * exp(-airtime.si / gap)
        }
    }
}

/// Frame loss from interference on the shared 2.4 GHz band: a frame is lost when it
/// overlaps an interferer's burst in time and the interference that falls into its
/// channel leaves a C/I below what the receiver needs (no capture otherwise).
///
/// A WLAN interferer is judged by the share of its power its spectral mask puts inside
/// the victim's channel (`RadioChannel.capturedShare`) against the co-channel C/I; a
/// narrow interferer (BLE, 802.15.6 NB) by its full power against the receiver's
/// rejection at the offset between the two centres. Source of the whole
/// scheme: IEEE 802.15.2-2003 (coexistence of 802.11b and Bluetooth: collision = time
/// overlap × frequency overlap), whose frequency part gives 22/79 for Bluetooth BR
/// hopping against a saturated 22 MHz DSSS channel ✔ (docs/sources-radio.md §4).
public enum Coexistence {
    public static let source =
        "IEEE 802.15.2-2003 collision model (time × frequency overlap); Howitt IEEE TVT 51(6) 2002; Bluetooth Core Vol 6 Part A §4.2"

    /// Probability that one victim frame is lost to `interferer`.
    public static func frameLoss(victim: RadioChannel, signal: PowerLevel, airtime: Time,
                                 interferer: RadioChannel, interference: PowerLevel, activity: OnOffInterferer,
                                 rejection: InterferenceRejection = .bleOneMegabit) -> Double {
        let share = victim.capturedShare(of: interferer)
        let inBand: PowerLevel
        let required: Decibels
        if interferer.technology == .wlan || share > 0 {
            // What falls inside the victim's band acts as co-channel interference.
            guard share > 0 else { return 0 }
            inBand = interference + Decibels(linear: share)
            required = rejection.requiredRatio(offset: .zero)
        } else {
            // A narrow interferer beside the channel: the receiver's selectivity decides.
            inBand = interference
            required = rejection.requiredRatio(offset: victim.centre - interferer.centre)
        }
        guard signal - inBand < required else { return 0 }
        return activity.overlapProbability(airtime: airtime)
    }

    /// Share of a CSA #2 connection's events on each data channel (index 0…36), from all
    /// 65 536 event counters: the exact long-run hop distribution for this access address.
    public static func hopShares(identifier: UInt16, map: BLEChannelMap) -> [Double] {
        var counts = [Double](repeating: 0, count: 37)
        for counter in 0...UInt16.max {
            let channel = BLEChannelSelection.channel(counter: counter, identifier: identifier, map: map)
            if (0...36).contains(channel) { counts[channel] += 1 }
        }
        return counts.map { $0 / 65_536 }
    }

    /// Long-run frame loss of a BLE connection hopping with `shares` (per data channel)
    /// next to one interferer: the hop-weighted mean of `frameLoss` per channel.
    public static func bleLinkLoss(shares: [Double], signal: PowerLevel, airtime: Time, interferer: RadioChannel,
                                   interference: PowerLevel, activity: OnOffInterferer, phy2M: Bool = false) -> Double {
        var loss = 0.0
        for (index, share) in shares.enumerated() where share > 0 {
            guard let channel = RadioChannel.ble(channelIndex: index, phy2M: phy2M) else { continue }
            loss += share * frameLoss(victim: channel, signal: signal, airtime: airtime, interferer: interferer,
                                      interference: interference, activity: activity)
        }
        return loss
    }
}
