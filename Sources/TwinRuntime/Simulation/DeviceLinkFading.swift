import TwinEngine
import TwinModels
import TwinUnits

/// One device's links to its gateways: the static log-normal shadowing drawn once per
/// link (where the device sits on this wearer: CM3/CM2/log-distance σ), each link's own
/// part of the wearer's temporal fading (`LinkFading`: its share of the posture bout's
/// shadow and of the fast fade, correlated with the wearer's other links through
/// `BodyFading` in `ChannelState`), and scenario link degradation.
///
/// Sources: CM3/CM2/log-distance σ per `BodyGeometry.link` (ban-numbers.md §1, §5); the
/// temporal fading per posture is twin.json's `activity` (`ActivityFading`: Castalia's
/// NICTA fade table with a 175 ms coherence walking, Smith et al. Electron. Lett. 2009;
/// the sleep shadow calibrated to Smith et al. IEEE TAP 2011; docs/sources-radio.md §2).
/// The fade is sampled exactly at the instants frames are sent (an Ornstein–Uhlenbeck
/// latent), so it moves while the wearer is still too, only more slowly.
struct DeviceLinkFading: Sendable {
    /// The device's transmit level (dBm) and each link's mean path loss (dB).
    let transmitLevel: Double
    let meanLoss: [Double]
    var shadow: [Double]
    /// Each link's own fading, created at the link's first frame (nil before, and for
    /// every link while the wearer has no fading).
    var links: [LinkFading?]
    var degradation: Double = 0
    var generator: Xoshiro256

    init(transmitLevel: Double, links: [LinkGeometry], generator: Xoshiro256) {
        self.transmitLevel = transmitLevel
        meanLoss = links.map(\.meanLoss)
        self.generator = generator
        shadow = []
        for link in links { shadow.append(link.sigma * self.generator.standardNormal()) }
        self.links = Array(repeating: nil, count: links.count)
    }

    /// Received level (dBm) at the gateway in `slot` without the temporal fading.
    func received(slot: Int) -> Double {
        transmitLevel - meanLoss[slot] - shadow[slot] - degradation
    }

    /// The level (dBm) at which a frame the device sends now reaches the gateway in
    /// `slot`: the one place every MAC asks (through `BANSimulation.receivedLevel`).
    /// `body` is the wearer's shared fading already moved to the frame's time.
    mutating func level(slot: Int, body: BodyFading?) -> Double {
        guard let body else { return received(slot: slot) }
        if links[slot] == nil { links[slot] = LinkFading(body: body, using: &generator) }
        let extra = links[slot]!.extraLoss(body: body, using: &generator)
        return received(slot: slot) - extra.dB
    }
}
