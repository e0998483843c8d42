import TwinConfig
import TwinModels
import TwinUnits
import TwinVocabulary

/// One device's air interface exactly as the simulation builds it (frame format, MAC
/// timing, link budget to each gateway), for the analytic representations the
/// applications evaluate without running the discrete-event simulation: what-if
/// lifetimes, the cost of a security level, an eavesdropper's reach.
///
/// It wraps the runtime's own `FrameFormat`, `MACTiming`, `BodyGeometry` and schedule
/// derivation, so an analytic figure and a simulated one can only differ by what the
/// simulation adds (randomness, contention, retries), never by a second copy of the
/// PHY tables. Sources are those of the wrapped types (Tachtatzis 2010 eqs. 1–7 for the
/// NB frame, Bluetooth Core v5.x Vol 6 Part B §2.1 for LE 1M, IEEE 802.15.4-2006 §6.3,
/// ban-numbers.md §1, §2, §5, §8★A).
public struct DeviceAirInterface: Sendable {
    public let deviceID: String
    /// `csma-ca`, `scheduled`, `ble` or `wideband` (twin.json `mac.access`), normalised.
    public let access: AccessMode
    /// Octets of each frame body taken by the device's 802.15.6 security level.
    public let securityOverheadBytes: Int
    /// Application octets one frame carries.
    public let maximumPayloadBytes: Int
    public let acknowledgementAirtime: Time
    /// pSIFS and pMIFS (802.15.6), the BLE inter-frame space.
    public let shortInterFrameSpace: Time
    public let minimumInterFrameSpace: Time
    public let bleInterFrameSpace: Time
    /// Beacon and B-Ack reception per scheduled allocation (Tachtatzis 2012, fitted).
    public let beaconAndBlockAck: Time
    /// Wake-ups per scheduled allocation (beacon and slot).
    public let wakeUpsPerAllocation: Int
    /// CSMA/CA contention slot (Castalia `contentionSlotLength`, 802.15.4 unit backoff).
    public let backoffSlot: Time
    private let format: FrameFormat

    /// nil when the device's radio has no usable bit rate or its access is unknown.
    public init?(device: DeviceConfig) {
        guard let format = FrameFormat.make(device: device, access: device.mac.access) else { return nil }
        self.format = format
        deviceID = device.id
        access = device.mac.access
        securityOverheadBytes = format.securityOverhead
        maximumPayloadBytes = format.maximumPayload
        acknowledgementAirtime = format.acknowledgementAirtime.time
        shortInterFrameSpace = MACTiming.sifs.time
        minimumInterFrameSpace = MACTiming.mifs.time
        bleInterFrameSpace = MACTiming.bleInterFrameSpace.time
        beaconAndBlockAck = MACTiming.beaconAndBlockAck.time
        wakeUpsPerAllocation = Int(MACTiming.wakeUpsPerAllocation)
        backoffSlot = DeviceParameters.backoffSlot(technology: device.radio.technology).time
    }

    /// Air time of one frame carrying `payloadBytes` application octets (clamped to
    /// what one frame holds), security overhead included.
    public func frameAirtime(payloadBytes: Int) -> Time { format.airtime(payload: payloadBytes).time }

    /// The frames of one application packet of `payloadBytes` octets: full frames and a
    /// remainder, as the traffic source splits them.
    public func framePayloads(packetBytes: Int) -> [Int] {
        guard packetBytes > maximumPayloadBytes else { return [Swift.max(packetBytes, 0)] }
        let full = packetBytes / maximumPayloadBytes
        let rest = packetBytes % maximumPayloadBytes
        return Array(repeating: maximumPayloadBytes, count: full) + (rest > 0 ? [rest] : [])
    }

    /// Guard time of a scheduled allocation of interval `interval` in superframes of
    /// `superframe` (Tachtatzis 2010 eq. 14 with the 2012 parameters, as the simulation
    /// uses it): `61.6 µs + 2·max(P, 8·TSF)·20 ppm`.
    public static func scheduledGuardTime(interval: Time, superframe: Time) -> Time {
        let model = ScheduledAccessLifetimeModel.tachtatzis2012
        let drift = Swift.max(interval.si, superframe.si * Double(model.resynchronisationSuperframes))
        return .seconds(model.guardTimeBase.si + drift * 2 * model.clockAccuracy)
    }

    /// The static channel of the link from `device` to `gateway` as the simulation draws
    /// it: mean path loss, log-normal σ and the model's name (`BodyGeometry.link`; the
    /// Castalia map when `config.models` chose it).
    public static func link(device: DeviceConfig, gateway: GatewayConfig,
                            config: TwinConfig) -> (meanLoss: Decibels, sigma: Decibels, model: String) {
        link(device: device, gateway: gateway,
             useCastaliaMap: config.models.contains { $0.id == "castalia-pathloss-map" })
    }

    /// The same, when the caller already knows whether the plan chose the Castalia map.
    public static func link(device: DeviceConfig, gateway: GatewayConfig,
                            useCastaliaMap: Bool) -> (meanLoss: Decibels, sigma: Decibels, model: String) {
        let link = BodyGeometry.link(device: device, gateway: gateway, useCastaliaMap: useCastaliaMap)
        return (Decibels(dB: link.meanLoss), Decibels(dB: link.sigma), link.model)
    }

    /// The static channel of the on-body hop from `source` to its relay `relay` as the
    /// simulation draws it (`BodyGeometry.relayLink`, issue 11 §4).
    public static func relayLink(from source: DeviceConfig, to relay: DeviceConfig,
                                 useCastaliaMap: Bool) -> (meanLoss: Decibels, sigma: Decibels, model: String) {
        let link = BodyGeometry.relayLink(from: source, to: relay, useCastaliaMap: useCastaliaMap)
        return (Decibels(dB: link.meanLoss), Decibels(dB: link.sigma), link.model)
    }

    /// Mean off-body loss to a receiver `distance` from the wearer (eavesdroppers,
    /// jammers): Castalia's log-distance default, as the scenario injector uses it.
    public static func offBodyLoss(distance: Distance) -> Decibels {
        Decibels(dB: BodyGeometry.offBodyLoss(distance: distance.si))
    }

    /// The supply current of the radio transmitting at `level`: the TX table
    /// interpolated as the simulation does (the RX current when there is no table).
    public static func transmitCurrent(of radio: RadioConfig, at level: PowerLevel) -> Current {
        let levels = radio.txLevels.sorted { $0.level.dBm < $1.level.dBm }.map { (x: $0.level.dBm, y: $0.current.si) }
        return levels.isEmpty ? radio.rxCurrent : Current(si: ModelMath.interpolate(levels, at: level.dBm))
    }
}
