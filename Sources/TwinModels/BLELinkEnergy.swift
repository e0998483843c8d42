import Foundation
import TwinUnits

/// Average radio current of a BLE peripheral streaming periodic data over a connection.
///
/// Per connection event the peripheral wakes (the radio's ramp-up at its wake-up draw),
/// and for each data packet it receives the central's packet (empty, 80 µs at LE 1M),
/// waits T_IFS, sends its packet, waits T_IFS (listening). Packets are sent as they are
/// produced: `max(1/interval, packets per second)` events per second, one packet each,
/// since at the rates of the bundled templates (≤ 64 kbps, ≤ 160 B) a packet is ready
/// at every event. Between events the radio sleeps.
///
/// Sources: LE 1M airtime and T_IFS 150 µs from `BLE1MPHY` (Bluetooth Core v5.x Vol 6
/// Part B §2.1, §4.1); currents from the `RadioProfile` (nRF52840 product specification
/// ✔). This is the radio alone: MbientLab's MetaWear documentation puts a whole nRF52
/// board's "BLE streaming overhead" at ~7.5 mA ✔ because the MCU and stack run with the
/// radio — that belongs to the device's `PlatformLoad`, not here.
public struct BLELinkEnergy: Sendable, Hashable {
    public var packetsPerSecond: Double
    public var payloadBytes: Int
    public var connectionInterval: Time
    public var transmitLevel: PowerLevel

    public init(packetsPerSecond: Double, payloadBytes: Int, connectionInterval: Time, transmitLevel: PowerLevel) {
        self.packetsPerSecond = packetsPerSecond
        self.payloadBytes = payloadBytes
        self.connectionInterval = connectionInterval
        self.transmitLevel = transmitLevel
    }

    /// The link carrying `rate` in packets of `payload`.
    public init(rate: DataRate, payload: DataSize, connectionInterval: Time, transmitLevel: PowerLevel) {
        self.init(packetsPerSecond: rate.si / Swift.max(payload.si, 1), payloadBytes: Int(payload.bytes.rounded(.up)),
                  connectionInterval: connectionInterval, transmitLevel: transmitLevel)
    }

    /// Connection events per second.
    public var eventsPerSecond: Double { Swift.max(1 / connectionInterval.si, packetsPerSecond) }

    /// Average supply current on `radio`.
    public func averageCurrent(on radio: RadioProfile) throws(ModelDomainError) -> Current {
        try ModelMath.requirePositive(connectionInterval.si, "BLE connection interval")
        guard let tx = radio.transmitCurrent(at: transmitLevel) else {
            throw .outOfRange(parameter: "BLE TX level (dBm)", value: transmitLevel.dBm,
                              allowed: -100...(radio.maximumLevel?.dBm ?? -100))
        }
        let events = eventsPerSecond
        let txTime = try BLE1MPHY.packetAirtime(payloadBytes: Swift.min(payloadBytes, BLE1MPHY.maximumPayloadBytes))
        let rxTime = try BLE1MPHY.packetAirtime(payloadBytes: 0)
        let ifs = BLE1MPHY.interFrameSpace * 2
        let perEvent = tx * txTime + radio.receiveCurrent * rxTime + radio.receiveListenCurrent * ifs
            + radio.wakeUpCurrent * radio.wakeUpTime
        let active = (txTime + rxTime + ifs + radio.wakeUpTime).si * events
        let sleepShare = Swift.max(0, 1 - active)
        return Current(si: perEvent.si * events) + radio.sleepCurrent * sleepShare
    }
}
