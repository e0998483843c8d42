import TwinConfig
import TwinEngine
import TwinModels
import TwinUnits
import TwinVocabulary

/// One replication run in steps instead of to its horizon in one call: the live twin's
/// emulator advances it with the wall clock and reads what a gateway would report after
/// each step. The same model and event order as `simulate`, so a stepped run and a
/// one-call run of the same config and seed handle the same events (the scheduler's
/// `run(_:until:)` may be called with increasing horizons).
///
/// This is the one entry point the live twin (`TwinLive`) uses into the simulation's
/// internals; a snapshot is plain public values. Not copyable, as the scheduler it owns:
/// a replication in progress has one owner.
public struct SteppedSimulation: ~Copyable, Sendable {
    private var model: BANSimulation
    private var scheduler = Scheduler<BANSimulation.Event>()
    public let horizon: SimTime

    /// Builds the replication `replication` of `scenario`; time-series windows are cut at
    /// the config's `run.sampleInterval` (the telemetry period) and handed out by `advance`.
    public init(config: TwinConfig, scenario: ScenarioConfig, replication: Int,
                horizon: SimTime) throws(SimulationError) {
        guard horizon > .zero else { throw .invalidHorizon }
        let streams = RandomStreams(seed: config.run.seed).replication(replication)
        let options = SimulationOptions(recordTimeSeries: true, maximumSamples: Int.max / 4,
                                        stopWhenAllDead: false)
        model = try BANSimulation(config: config, scenario: scenario, streams: streams, options: options,
                                  horizon: horizon)
        self.horizon = horizon
        model.start(scheduler: &scheduler)
    }

    public var now: SimTime { scheduler.now }

    /// Runs every event up to `time` (capped at the horizon) and returns the cumulative
    /// counters and the monitoring windows that closed since the previous call.
    public mutating func advance(to time: SimTime) -> SimulationSnapshot {
        let target = Swift.min(Swift.max(time, scheduler.now), horizon)
        scheduler.run(&model, until: target)
        var devices: [DeviceSnapshot] = []
        for index in model.devices.indices {
            if model.devices[index].isRunning { model.catchUpTraffic(index, until: target) }
            let state = model.devices[index]
            var outcome = state.outcome
            outcome.batteryRemaining = .coulombs(state.life.empty ? 0 : state.energy.remaining(at: target))
            outcome.averageCurrent = .amperes(state.energy.averageCurrent(at: target))
            let offsets = state.fading.shadow.map { Decibels(dB: $0 + state.fading.degradation) }
            devices.append(DeviceSnapshot(outcome: outcome, windows: state.samples, running: state.isRunning,
                                          linkLossBeyondModel: offsets))
            model.devices[index].samples.removeAll(keepingCapacity: true)
        }
        return SimulationSnapshot(time: target, devices: devices, gatewaysUp: model.gateways.map(\.up),
                                  posture: model.channel.posture, detections: model.detector.detections)
    }
}

/// What a stepped run shows at one instant.
public struct SimulationSnapshot: Sendable, Hashable {
    public var time: SimTime
    /// In config order.
    public var devices: [DeviceSnapshot]
    /// Per gateway in config order.
    public var gatewaysUp: [Bool]
    public var posture: Posture
    /// The detector's attacks so far (detected or not).
    public var detections: [AttackDetection]
}

/// A device's cumulative outcome (counters since the start, battery now) and the
/// monitoring windows (frames, received level, latency) that closed in the last step.
public struct DeviceSnapshot: Sendable, Hashable {
    public var outcome: DeviceOutcome
    public var windows: [DeviceSample]
    public var running: Bool
    /// Per link (the device's gateways in `DeviceParameters` order: primary, backup) the
    /// loss this replication adds to the model's mean path loss: its static shadowing
    /// draw plus any scenario degradation. The emulator's ground truth for calibration.
    public var linkLossBeyondModel: [Decibels]
}
