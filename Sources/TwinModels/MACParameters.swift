import Foundation
import TwinUnits

/// Castalia's BaselineBANMac defaults (the 802.15.6 draft MAC as Castalia implements it)
/// and the MAC constants the runtime enforces.
///
/// Source: Castalia `src/node/communication/mac/baselineBANMac/BaselineBANMac.ned`
/// (ban-numbers.md §5 "BaselineBANMac parameters" ✔); `mMaxBANSize = 64` ◐
/// (IEEE Std 802.15.6-2012 MAC constants; ban-numbers.md §2 "Network size").
public struct BaselineBANMacParameters: Sendable, Hashable {
    public static let source =
        "Castalia BaselineBANMac.ned defaults (ban-numbers.md §5); mMaxBANSize = 64 (IEEE 802.15.6-2012, §2)"

    /// Nodes per hub (mMaxBANSize). The TG6 "256 devices" is a requirement, not this constant.
    public static let maximumBANSize = 64

    public var allocationSlotLength: Time = .milliseconds(10)
    public var beaconPeriodLength: Int = 32
    public var rap1Length: Int = 8
    public var scheduledAccessLength: Int = 0
    public var scheduledAccessPeriod: Int = 1
    public var maxPacketTries: Int = 2
    public var contentionSlotLength: Time = .milliseconds(0.36)
    public var pTIFS: Time = .milliseconds(0.03)
    public var pTimeSleepToTX: Time = .milliseconds(0.2)
    public var phyLayerOverhead: DataSize = .bytes(6)
    public var macPacketOverhead: DataSize = .bytes(7)
    /// 32 by default; Castalia's BANtest uses 48.
    public var macBufferSize: Int = 32
    public var clockAccuracy: Double = 1e-4

    public init() {}

    public static let castaliaDefault = BaselineBANMacParameters()

    /// Beacon period (superframe) length: slots × slot length (320 ms by default).
    public var beaconPeriod: Time { allocationSlotLength * Double(beaconPeriodLength) }
    /// Guard time: a tenth of a slot.
    public var guardTime: Time { allocationSlotLength / 10 }
}

/// BLE connection-event timing, for wearables that reach the gateway over BLE.
///
/// Source: Bluetooth Core Specification v5.x, Vol 6 Part B §4.5.1–4.5.2 (connInterval
/// 7.5 ms–4 s in 1.25 ms steps; connPeripheralLatency 0–499; connSupervisionTimeout
/// 100 ms–32 s in 10 ms steps and > (1 + latency)·interval·2).
public struct BLEConnectionParameters: Sendable, Hashable {
    public static let source = "Bluetooth Core Specification v5.x Vol 6 Part B §4.5 connection events"

    public static let intervalRange: ClosedRange<Double> = 0.0075...4.0
    public static let intervalStep = Time.milliseconds(1.25)
    public static let maximumPeripheralLatency = 499
    public static let supervisionTimeoutRange: ClosedRange<Double> = 0.1...32.0

    public var interval: Time
    public var peripheralLatency: Int
    public var supervisionTimeout: Time

    /// Checks the ranges and the timeout rule; the interval must be a multiple of 1.25 ms.
    public init(interval: Time, peripheralLatency: Int = 0, supervisionTimeout: Time = .seconds(4)) throws(ModelDomainError) {
        try ModelMath.require(interval.si, in: Self.intervalRange, "BLE connection interval (s)")
        let steps = interval.si / Self.intervalStep.si
        guard abs(steps - steps.rounded()) < 1e-6 else {
            throw .outOfRange(parameter: "BLE connection interval (1.25 ms steps)", value: steps,
                              allowed: steps.rounded(.down)...steps.rounded(.down))
        }
        try ModelMath.require(Double(peripheralLatency), in: 0...Double(Self.maximumPeripheralLatency), "BLE peripheral latency")
        try ModelMath.require(supervisionTimeout.si, in: Self.supervisionTimeoutRange, "BLE supervision timeout (s)")
        let minimumTimeout = 2 * Double(1 + peripheralLatency) * interval.si
        guard supervisionTimeout.si > minimumTimeout else {
            throw .outOfRange(parameter: "BLE supervision timeout (s)", value: supervisionTimeout.si,
                              allowed: minimumTimeout...Self.supervisionTimeoutRange.upperBound)
        }
        self.interval = interval
        self.peripheralLatency = peripheralLatency
        self.supervisionTimeout = supervisionTimeout
    }

    /// Worst-case wait for the next event the peripheral listens to: `(1+latency)·interval`.
    public var worstCaseLatency: Time { interval * Double(1 + peripheralLatency) }
}

/// Queueing oracles used to validate the simulator against closed forms.
///
/// Source: the Pollaczek–Khinchine formula for M/D/1 (Kleinrock, *Queueing Systems* I,
/// 1975, §5.7): mean wait in queue `W = ρ / (2μ(1−ρ))`, ρ = λ/μ.
public enum QueueingOracle {
    public static let source = "Pollaczek-Khinchine M/D/1 mean wait W = rho/(2 mu (1-rho)) (Kleinrock 1975 §5.7)"

    /// Mean waiting time (excluding service) of an M/D/1 queue with Poisson arrivals
    /// at `arrivalRate` and deterministic service `serviceTime`; nil when ρ ≥ 1.
    public static func md1MeanWait(arrivalRate: Frequency, serviceTime: Time) -> Time? {
        guard serviceTime.si > 0, arrivalRate.si >= 0 else { return nil }
        let mu = 1 / serviceTime.si
        let rho = arrivalRate.si / mu
        guard rho < 1 else { return nil }
        return .seconds(rho / (2 * mu * (1 - rho)))
    }

    /// Mean time in system: wait plus service.
    public static func md1MeanSojourn(arrivalRate: Frequency, serviceTime: Time) -> Time? {
        md1MeanWait(arrivalRate: arrivalRate, serviceTime: serviceTime).map { $0 + serviceTime }
    }
}
