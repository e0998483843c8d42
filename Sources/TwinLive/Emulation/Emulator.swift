import TwinApplications
import TwinConfig
import TwinEngine
import TwinRuntime
import TwinUnits

/// The physical network, emulated: the bundled runtime runs the twin with the truth
/// overlay applied, one telemetry period at a time, and each step is turned into the
/// batch its gateway would send (links, devices, batteries, gateway status, posture,
/// detector alarms). Knob changes start a new segment from the state reached: batteries
/// keep their charge, the truth's ongoing events continue, the channel's static draws
/// are the same (same seed); the posture chain restarts, as a body network does when
/// its devices re-associate after a reconfiguration. Not copyable: it owns the running
/// replication (`SteppedSimulation`), which has one owner.
public struct Emulator: ~Copyable, Sendable {
    public let twin: TwinConfig
    public let truth: Truth
    public let duration: Time
    public let period: Time
    public let epoch: Timestamp
    public let source: String
    public private(set) var knobs: [String: Double] = [:]
    public private(set) var now: Time = .zero
    public private(set) var sequence = 0
    private var segment: SteppedSimulation
    private var segmentStart: Time = .zero
    private var segmentConfig: TwinConfig
    private var previous: [Counters]
    private var gatewaysUp: [Bool]
    private var posture: String?
    private var detectionsSent = 0
    /// Truth capacity per device (what "full" is for the gauge) and the charge used in
    /// finished segments.
    private let capacities: [Double]
    private var remaining: [Double]
    public private(set) var lastSnapshot: SimulationSnapshot?

    /// Latency bucket bounds sent in device records (seconds): a fixed set plus every
    /// goal deadline and latency bound, so on-time counts are exact.
    public let latencyBounds: [Double]

    struct Counters: Sendable {
        var generated = 0
        var delivered = 0
        var dropped: [Int] = Array(repeating: 0, count: DropReason.allCases.count)
        var latencyNotAbove: [Double] = []
    }

    public init(twin: TwinConfig, truth: Truth, duration: Time, period: Time = .seconds(10), epoch: Timestamp,
                seed: UInt64? = nil, source: String = "emulated-gateway") throws(SimulationError) {
        var twin = twin
        if let seed { twin.run.seed = seed }
        twin.run.warmup = .zero
        self.twin = twin
        self.truth = truth
        self.duration = duration
        self.period = period
        self.epoch = epoch
        self.source = source
        var bounds: Set<Double> = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]
        for goal in twin.goals {
            if let within = goal.within { bounds.insert(within.si) }
            if goal.kpi == .latency, let bound = goal.threshold?.bound.value, bound > 0 { bounds.insert(bound) }
        }
        latencyBounds = bounds.sorted()
        let truthConfig = truth.apply(to: twin)
        capacities = truthConfig.network.devices.map(\.battery.capacity.si)
        remaining = capacities
        segmentConfig = truthConfig
        segment = try Self.startSegment(truthConfig, truth: truth, at: .zero, duration: duration, period: period)
        previous = Array(repeating: Counters(), count: twin.network.devices.count)
        gatewaysUp = Array(repeating: true, count: twin.network.gateways.count)
    }

    private static func startSegment(_ config: TwinConfig, truth: Truth, at start: Time, duration: Time,
                                     period: Time) throws(SimulationError) -> SteppedSimulation {
        var config = config
        config.run.sampleInterval = period
        var events: [ScenarioEvent] = []
        for event in truth.events {
            if event.at.si >= start.si {
                var shifted = event
                shifted.at = event.at - start
                events.append(shifted)
            } else if event.duration.map({ event.at.si + $0.si > start.si }) ?? true {
                var ongoing = event
                ongoing.at = .zero
                ongoing.duration = event.duration.map { $0 - (start - event.at) }
                events.append(ongoing)
            }
        }
        let scenario = ScenarioConfig(id: "truth", kind: .script, description: truth.description, goals: [],
                                      events: events)
        return try SteppedSimulation(config: config, scenario: scenario, replication: 0,
                                     horizon: SimTime(Swift.max(duration - start, .seconds(1))))
    }

    public var finished: Bool { now.si >= duration.si - 1e-9 }

    /// Advances one telemetry period and returns the gateway's batch (nil when done).
    public mutating func step() -> TelemetryBatch? {
        guard !finished else { return nil }
        let target = Swift.min(now + period, duration)
        let snapshot = segment.advance(to: SimTime(target - segmentStart))
        now = target
        lastSnapshot = snapshot
        sequence += 1
        return TelemetryBatch(source: source, sequence: sequence, observations: observations(snapshot))
    }

    private mutating func observations(_ snapshot: SimulationSnapshot) -> [Observation] {
        let stamp = epoch + now
        var result: [Observation] = []
        let network = twin.network
        let name = snapshot.posture.rawValue
        if name != posture {
            posture = name
            result.append(Observation(time: stamp, kind: .activity(posture: name)))
        }
        for (index, up) in snapshot.gatewaysUp.enumerated() where up != gatewaysUp[index] {
            gatewaysUp[index] = up
            result.append(Observation(time: stamp, kind: .gateway(gateway: index, up: up)))
        }
        for (index, device) in snapshot.devices.enumerated() {
            for window in device.windows {
                guard let gateway = window.servingGateway, window.framesSent > 0 else { continue }
                let time = epoch + segmentStart + window.time.time
                result.append(Observation(time: time, kind: .link(LinkReport(
                    device: index, gateway: gateway, interval: period, level: window.rssi.map { PowerLevel(dBm: $0) },
                    levelsMeasured: window.levelsMeasured, framesSent: window.framesSent,
                    framesAcknowledged: window.framesAcknowledged))))
            }
            let outcome = device.outcome
            var counters = Counters(generated: outcome.generated, delivered: outcome.deliveredToEdge,
                                    dropped: outcome.dropped.counts)
            counters.latencyNotAbove = latencyBounds.map { bound in
                Double(outcome.latency.count) * (outcome.latency.fraction(notAbove: SimTime(.seconds(bound))) ?? 0)
            }
            let before = previous[index]
            var buckets: [Int] = []
            var below = 0.0
            for (position, cumulative) in counters.latencyNotAbove.enumerated() {
                let earlier = position < before.latencyNotAbove.count ? before.latencyNotAbove[position] : 0
                let inWindow = Swift.max(0, (cumulative - earlier).rounded())
                buckets.append(Swift.max(0, Int(inWindow - below)))
                below = Swift.max(below, inWindow)
            }
            let delivered = Swift.max(0, counters.delivered - before.delivered)
            buckets.append(Swift.max(0, delivered - buckets.reduce(0, +)))
            let drops = DropReason.allCases.compactMap { reason -> DropCount? in
                let count = counters.dropped[reason.rawValue] - (before.dropped.indices.contains(reason.rawValue) ? before.dropped[reason.rawValue] : 0)
                return count > 0 ? DropCount(cause: reason.description, count: count) : nil
            }.sorted { $0.cause < $1.cause }
            result.append(Observation(time: stamp, kind: .device(DeviceReport(
                device: index, interval: period, generated: Swift.max(0, counters.generated - before.generated),
                delivered: delivered, dropped: drops,
                latency: LatencyBuckets(bounds: latencyBounds.map { .seconds($0) }, counts: buckets)))))
            previous[index] = counters
            let left = outcome.batteryRemaining.si
            let used = remaining[index] - left
            remaining[index] = left
            let capacity = capacities[index]
            result.append(Observation(time: stamp, kind: .battery(BatteryReport(
                device: index, stateOfCharge: capacity > 0 ? Ratio(si: Swift.min(1, left / capacity)) : nil,
                remaining: .coulombs(left), voltage: network.devices[index].battery.voltage,
                current: used > 0 ? .amperes(used / period.si) : nil))))
        }
        let detected = snapshot.detections.filter { $0.detectedAt != nil }
        for detection in detected.dropFirst(detectionsSent) {
            guard let gateway = network.gateways.firstIndex(where: { $0.id == detection.target }) ?? (network.gateways.isEmpty ? nil : 0) else { continue }
            result.append(Observation(time: stamp, kind: .security(SecurityReport(gateway: gateway, event: "jamming-detected",
                                                                                 count: 1, noiseFloor: nil))))
        }
        detectionsSent = detected.count
        return result
    }

    /// Applies knob settings from now on (a control request): a new segment of the truth
    /// with the settings, the batteries as they are now.
    public mutating func apply(_ settings: [KnobSetting]) throws {
        for setting in settings { knobs[setting.knob] = setting.value }
        var config = truth.apply(to: try TwinAdapter.applying(knobs, to: twin))
        for index in config.network.devices.indices {
            config.network.devices[index].battery.capacity = .coulombs(remaining[index])
        }
        segmentConfig = config
        segmentStart = now
        segment = try Self.startSegment(config, truth: truth, at: now, duration: duration, period: period)
        previous = Array(repeating: Counters(), count: twin.network.devices.count)
        detectionsSent = 0
    }

    /// What the emulator knows and the twin must find: per device the loss its primary
    /// link adds to the model (shadowing draw + truth), and its battery's lifetime at the
    /// drain so far.
    public var groundTruth: GroundTruth {
        var links: [(device: String, offset: Decibels)] = []
        var lifetimes: [(device: String, lifetime: Time?)] = []
        for (index, device) in twin.network.devices.enumerated() {
            if let offset = lastSnapshot?.devices[index].linkLossBeyondModel.first { links.append((device.id, offset)) }
            let used = capacities[index] - remaining[index]
            lifetimes.append((device.id, used > 0 && now.si > 0 ? .seconds(capacities[index] / (used / now.si)) : nil))
        }
        return GroundTruth(links: links, lifetimes: lifetimes)
    }
}

/// The emulator's ground truth at its current time.
public struct GroundTruth: Sendable {
    public var links: [(device: String, offset: Decibels)]
    public var lifetimes: [(device: String, lifetime: Time?)]

    public func linkOffset(_ device: String) -> Decibels? { links.first { $0.device == device }?.offset }
    public func lifetime(_ device: String) -> Time? { lifetimes.first { $0.device == device }?.lifetime }
}
