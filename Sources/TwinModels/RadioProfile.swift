import Foundation
import TwinUnits

/// A transceiver as data: the power it draws in each state and at each TX level, its
/// receive modes, and its state-switching costs. Profiles live in `RadioCatalogue`.
///
/// TX draw between listed levels is interpolated linearly in (dBm, drawn power): the
/// datasheets and Castalia files list a handful of levels, and Castalia itself rounds a
/// requested level to a listed one. Below the lowest listed level the lowest level's
/// draw is used (a PA does not get cheaper than its lowest setting); above the highest
/// level the radio cannot transmit, so the answer is nil. `supportedLevel(atLeast:)`
/// gives the listed level a real radio would actually be set to.
public struct RadioProfile: Sendable, Hashable {
    /// One listed TX output level and the total radio draw while transmitting at it.
    public struct TransmitLevel: Sendable, Hashable {
        public var level: PowerLevel
        public var draw: Power
        public init(level: PowerLevel, draw: Power) {
            self.level = level
            self.draw = draw
        }
    }

    /// A receive mode: data rate, modulation (its BER curve), and the receiver's noise
    /// bandwidth, noise floor and sensitivity where the source gives them.
    public struct ReceiveMode: Sendable, Hashable {
        public var name: String
        public var dataRate: DataRate
        public var errorModel: BitErrorModel
        /// Castalia's `noiseBandwidth`; the BER formulas use `noiseBandwidth / dataRate`.
        public var noiseBandwidth: Frequency
        public var noiseFloor: PowerLevel
        public var sensitivity: PowerLevel

        public init(name: String, dataRate: DataRate, errorModel: BitErrorModel, noiseBandwidth: Frequency,
                    noiseFloor: PowerLevel, sensitivity: PowerLevel) {
            self.name = name
            self.dataRate = dataRate
            self.errorModel = errorModel
            self.noiseBandwidth = noiseBandwidth
            self.noiseFloor = noiseFloor
            self.sensitivity = sensitivity
        }

        /// BER at a given SNR with this mode's curve and bandwidth ratio.
        public func bitErrorRate(snr: Decibels) -> Double {
            errorModel.bitErrorRate(snr: snr, noiseBandwidth: noiseBandwidth, dataRate: dataRate)
        }
    }

    public var name: String
    public var source: String
    public var supplyVoltage: Voltage
    /// Sorted by ascending level.
    public var transmitLevels: [TransmitLevel]
    /// Draw while receiving a frame.
    public var receive: Power
    /// Draw while listening for a frame that has not started (idle RX); equals `receive`
    /// when the source does not distinguish them.
    public var receiveListen: Power
    public var sleep: Power
    /// Draw and duration of the sleep → active transition.
    public var wakeUp: Power
    public var wakeUpTime: Time
    /// RX ⇄ TX switching time.
    public var turnaroundTime: Time
    public var receiveModes: [ReceiveMode]

    public init(name: String, source: String, supplyVoltage: Voltage, transmitLevels: [TransmitLevel], receive: Power,
                receiveListen: Power? = nil, sleep: Power, wakeUp: Power, wakeUpTime: Time, turnaroundTime: Time,
                receiveModes: [ReceiveMode]) {
        self.name = name
        self.source = source
        self.supplyVoltage = supplyVoltage
        self.transmitLevels = transmitLevels.sorted { $0.level < $1.level }
        self.receive = receive
        self.receiveListen = receiveListen ?? receive
        self.sleep = sleep
        self.wakeUp = wakeUp
        self.wakeUpTime = wakeUpTime
        self.turnaroundTime = turnaroundTime
        self.receiveModes = receiveModes
    }

    public var maximumLevel: PowerLevel? { transmitLevels.last?.level }
    public var minimumLevel: PowerLevel? { transmitLevels.first?.level }

    /// Draw while transmitting at `level` (see the type comment for interpolation);
    /// nil above the highest listed level.
    public func transmitPower(at level: PowerLevel) -> Power? {
        guard let top = maximumLevel, level.dBm <= top.dBm + 1e-9 else { return nil }
        let table = transmitLevels.map { (x: $0.level.dBm, y: $0.draw.si) }
        return Power(si: ModelMath.interpolate(table, at: level.dBm))
    }

    /// Supply current while transmitting at `level`: draw / supply voltage.
    public func transmitCurrent(at level: PowerLevel) -> Current? {
        transmitPower(at: level).map { $0 / supplyVoltage }
    }

    /// The lowest listed level at or above `level` (what a radio with discrete PA
    /// settings is set to); nil when `level` exceeds the maximum.
    public func supportedLevel(atLeast level: PowerLevel) -> PowerLevel? {
        transmitLevels.first { $0.level.dBm >= level.dBm - 1e-9 }?.level
    }

    public var receiveCurrent: Current { receive / supplyVoltage }
    public var receiveListenCurrent: Current { receiveListen / supplyVoltage }
    public var sleepCurrent: Current { sleep / supplyVoltage }
    public var wakeUpCurrent: Current { wakeUp / supplyVoltage }
    /// Energy spent on one sleep → active transition.
    public var wakeUpEnergy: Energy { wakeUp * wakeUpTime }

    /// The fastest receive mode (the first is used when rates tie).
    public var fastestMode: ReceiveMode? {
        receiveModes.enumerated().max { lhs, rhs in
            lhs.element.dataRate.si != rhs.element.dataRate.si
                ? lhs.element.dataRate.si < rhs.element.dataRate.si : lhs.offset > rhs.offset
        }?.element
    }
}
