import TwinEngine
import TwinModels

/// One device's links to its gateways: static log-normal shadowing drawn once per link,
/// the posture's extra loss (redrawn when the posture changes and, while walking or
/// running, at most every `coherenceTime`), and scenario link degradation.
///
/// Sources: CM3/CM2/log-distance σ per `BodyGeometry.link` (ban-numbers.md §1, §5);
/// Castalia's temporal model draws fades at 10, 250 or 1000 ms spacings (§5) — twinc
/// redraws the dynamic posture loss at 250 ms, its middle bucket.
struct DeviceLinkFading: Sendable {
    static let coherenceTime = SimTime.milliseconds(250)

    /// The device's transmit level (dBm) and each link's mean path loss (dB).
    let transmitLevel: Double
    let meanLoss: [Double]
    var shadow: [Double]
    var postureLoss: [Double]
    var drawnAt: SimTime = .zero
    var degradation: Double = 0
    var generator: Xoshiro256

    init(transmitLevel: Double, links: [LinkGeometry], generator: Xoshiro256) {
        self.transmitLevel = transmitLevel
        meanLoss = links.map(\.meanLoss)
        self.generator = generator
        shadow = []
        for link in links { shadow.append(link.sigma * self.generator.standardNormal()) }
        postureLoss = Array(repeating: 0, count: links.count)
    }

    /// New posture losses for every link.
    mutating func redraw(posture: Posture, at time: SimTime) {
        drawnAt = time
        for index in postureLoss.indices {
            postureLoss[index] = posture.swing.dB > 0 ? posture.extraLoss(standardNormal: generator.standardNormal()).dB : 0
        }
    }

    /// Redraws a dynamic posture's loss when its coherence time has passed.
    mutating func refresh(posture: Posture, at time: SimTime) {
        guard posture == .walking || posture == .running, time - drawnAt >= Self.coherenceTime else { return }
        redraw(posture: posture, at: time)
    }

    /// Received level (dBm) at the gateway in `slot` with the losses drawn so far.
    func received(slot: Int) -> Double {
        transmitLevel - meanLoss[slot] - shadow[slot] - postureLoss[slot] - degradation
    }

    /// The level (dBm) at which a frame the device sends now reaches the gateway in
    /// `slot`: the one place every MAC asks (through `BANSimulation.receivedLevel`), so
    /// a temporal fading model replaces `refresh` and `received` without touching them.
    mutating func level(slot: Int, posture: Posture, at time: SimTime) -> Double {
        refresh(posture: posture, at: time)
        return received(slot: slot)
    }
}
