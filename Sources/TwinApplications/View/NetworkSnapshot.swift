import TwinEngine
import TwinRuntime
import TwinUnits

/// The network's state at one instant of one scenario's trace (`twinc run --at 3h`):
/// per device the gateway it was using and whether its primary gateway was up, battery
/// and energy left, queue, and the delivery ratio and received level of the sampling
/// window that ended at the sample. The sample is the last one at or before the
/// requested time, so the state shown is never from the future.
public struct NetworkSnapshot: Sendable, Hashable {
    public var scenario: String
    public var replication: Int
    /// What was asked for, and the sample instant actually shown (≤ requested).
    public var requested: Time
    public var sampleTime: Time
    public var sampleInterval: Time
    public var devices: [DeviceSnapshot]

    public init(scenario: String, replication: Int, requested: Time, sampleTime: Time, sampleInterval: Time,
                devices: [DeviceSnapshot]) {
        self.scenario = scenario
        self.replication = replication
        self.requested = requested
        self.sampleTime = sampleTime
        self.sampleInterval = sampleInterval
        self.devices = devices
    }

    public func device(_ id: String) -> DeviceSnapshot? { devices.first { $0.id == id } }
}

/// One device's row of a snapshot; nil where the trace has no value (no frame sent in
/// the window, or the device's series ended earlier).
public struct DeviceSnapshot: Sendable, Hashable {
    public var id: String
    public var gateway: String?
    public var primaryGatewayUp: Bool?
    public var batteryLeft: Double?
    public var energyLeft: Energy?
    public var queue: Int?
    public var deliveryRatio: Double?
    public var rssi: PowerLevel?
    /// Mean latency of the packets delivered in the window (nil: none).
    public var latencyMean: Time?
}

/// Why there is no snapshot: said so the CLI can print it as it is.
public enum SnapshotProblem: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownScenario(String, known: [String])
    case noScenarios
    case noTimeSeries(scenario: String)
    case negativeTime(Time)
    case beyondHorizon(at: Time, horizon: Time, scenario: String)
    case beforeFirstSample(at: Time, first: Time, scenario: String)

    public var description: String {
        switch self {
        case let .unknownScenario(id, known):
            "no scenario `\(id)` in this twin (scenarios: \(known.joined(separator: ", ")))"
        case .noScenarios:
            "the twin has no scenario to show"
        case let .noTimeSeries(scenario):
            "scenario `\(scenario)` recorded no time series"
        case let .negativeTime(at):
            "a snapshot time must not be negative (got \(at.quantity.formatted))"
        case let .beyondHorizon(at, horizon, scenario):
            "\(at.quantity.formatted) is beyond the horizon of scenario `\(scenario)` (\(horizon.quantity.formatted))"
        case let .beforeFirstSample(at, first, scenario):
            "scenario `\(scenario)` has no sample at or before \(at.quantity.formatted); the first is at \(first.quantity.formatted)"
        }
    }
}

extension NetworkView {
    /// The state at `at` in `scenario` (nil: the first scenario), or nil when `at` is
    /// beyond the horizon, before the first sample, or the scenario is unknown —
    /// `locateSnapshot` says which.
    public func snapshot(at: Time, scenario: String?) -> NetworkSnapshot? {
        try? locateSnapshot(at: at, scenario: scenario).get()
    }

    /// The snapshot, or why there is none.
    public func locateSnapshot(at: Time, scenario id: String?) -> Result<NetworkSnapshot, SnapshotProblem> {
        let found: ScenarioView?
        if let id { found = scenario(id) } else { found = scenarios.first }
        guard let scenario = found else {
            if let id { return .failure(.unknownScenario(id, known: scenarios.map(\.id))) }
            return .failure(.noScenarios)
        }
        guard at.si >= 0 else { return .failure(.negativeTime(at)) }
        guard at <= scenario.horizon else {
            return .failure(.beyondHorizon(at: at, horizon: scenario.horizon, scenario: scenario.id))
        }
        guard let trace = scenario.trace, let firstTime = trace.times.first else {
            return .failure(.noTimeSeries(scenario: scenario.id))
        }
        guard let index = trace.sampleIndex(atOrBefore: SimTime(at)) else {
            return .failure(.beforeFirstSample(at: at, first: firstTime.time, scenario: scenario.id))
        }
        let devices = trace.devices.map { device -> DeviceSnapshot in
            let batteryLeft = device.batteryLeft[index]
            let full = topology.device(device.id)?.batteryEnergy
            return DeviceSnapshot(
                id: device.id, gateway: device.gateway[index], primaryGatewayUp: device.primaryGatewayUp[index],
                batteryLeft: batteryLeft, energyLeft: batteryLeft.flatMap { left in full.map { $0 * left } },
                queue: device.queue[index], deliveryRatio: device.deliveryRatio[index], rssi: device.rssi[index],
                latencyMean: device.latencyMean[index])
        }
        return .success(NetworkSnapshot(scenario: scenario.id, replication: trace.replication, requested: at,
                                        sampleTime: trace.times[index].time, sampleInterval: sampleInterval,
                                        devices: devices))
    }
}


/// The snapshot as the text `twinc run --at` prints: a header naming the time, the
/// scenario and the replication (a trace is one realisation), the sample actually
/// shown, then an aligned table — text left-aligned, numbers right-aligned, `-` for a
/// value the window did not have.
