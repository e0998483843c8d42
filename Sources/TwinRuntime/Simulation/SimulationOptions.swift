import TwinEngine
import TwinUnits

/// How to run one replication, beyond what twin.json says (the horizon is twin.json's
/// `run.horizon_s`, with any `--horizon` already applied by `RunPlan`).
public struct SimulationOptions: Sendable, Hashable {
    /// Record per-device samples (PDR, RSSI, queue, battery) every sample interval.
    public var recordTimeSeries: Bool
    /// With `recordTimeSeries`: also sample finer around each scenario event
    /// (`EventSampleClock`), so a short outage shows. Off for the live twin, whose
    /// windows are its telemetry period.
    public var samplesAroundEvents: Bool
    /// Upper bound on samples per device; the interval is stretched to stay within it.
    public var maximumSamples: Int
    /// Detector: alarm when a gateway's windowed delivery ratio falls this far below
    /// its baseline (absolute), or its measured noise floor rises this many dB above.
    public var detectorDeliveryDrop: Double
    public var detectorNoiseRise: Decibels
    /// Bounded MAC queue per device (Castalia BaselineBANMac `macBufferSize` = 32).
    public var queueCapacity: Int
    /// Stop early once every device is dead (its battery or a failure).
    public var stopWhenAllDead: Bool
    /// Stop a scenario where its goals can no longer change (`GoalSettling`), the stop
    /// becoming the outcome's horizon. A run stops only when its plan allows it too
    /// (`RunPlan.stopsWhenGoalsSettled`, off with `--whole-horizon`); the analysis hands
    /// the plan's answer on to the optimiser's runs through this flag, so a candidate
    /// covers the times its baseline covered.
    public var stopWhenGoalsSettled: Bool
    /// BLE connections hop over an adaptive channel map that leaves out the channels a
    /// 2.4 GHz WLAN of the twin covers (AFH, as a phone's central does); off, they hop
    /// over all 37 data channels (the coexistence check's "without AFH" case).
    public var adaptiveChannelMap: Bool

    public init(recordTimeSeries: Bool = false, samplesAroundEvents: Bool = false, maximumSamples: Int = 4096,
                detectorDeliveryDrop: Double = 0.2, detectorNoiseRise: Decibels = Decibels(dB: 6),
                queueCapacity: Int = 32, stopWhenAllDead: Bool = true, stopWhenGoalsSettled: Bool = true,
                adaptiveChannelMap: Bool = true) {
        self.recordTimeSeries = recordTimeSeries
        self.samplesAroundEvents = samplesAroundEvents
        self.maximumSamples = maximumSamples
        self.detectorDeliveryDrop = detectorDeliveryDrop
        self.detectorNoiseRise = detectorNoiseRise
        self.queueCapacity = queueCapacity
        self.stopWhenAllDead = stopWhenAllDead
        self.stopWhenGoalsSettled = stopWhenGoalsSettled
        self.adaptiveChannelMap = adaptiveChannelMap
    }
}

/// Why a configuration cannot be simulated. A value, not a trap: the driver turns it
/// into a coded diagnostic.
public enum SimulationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// More devices than mMaxBANSize (64) use one hub.
    case hubFull(gateway: String, devices: Int, limit: Int)
    /// A device names a gateway the network does not have.
    case unknownGateway(device: String, gateway: String)
    /// A parameter the models refuse (payload above 255 B, slot count outside 1…256, …).
    case invalidParameter(device: String, message: String)
    /// No gateways at all.
    case noGateways
    /// The horizon is not positive.
    case invalidHorizon
    /// A device's relay cannot relay it (`NetworkConfig.relayRefusals`: a chain, an
    /// unknown relay, another channel, other gateways, …). The config reader refuses
    /// these in twin.json (TK012); knobs applied by a sweep or the live twin can still
    /// build one, and a relay the simulation dropped would simulate a twin other than
    /// the one asked for.
    case invalidRelay(device: String, relay: String, message: String)

    public var description: String {
        switch self {
        case let .hubFull(gateway, devices, limit):
            "gateway `\(gateway)` serves \(devices) devices; an IEEE 802.15.6 hub takes at most \(limit) (mMaxBANSize)"
        case let .unknownGateway(device, gateway):
            "device `\(device)` uses gateway `\(gateway)`, which the network does not define"
        case let .invalidParameter(device, message):
            "device `\(device)`: \(message)"
        case .noGateways:
            "the network has no gateway"
        case .invalidHorizon:
            "the simulated horizon must be positive"
        case let .invalidRelay(device, _, message):
            "device `\(device)`: \(message)"
        }
    }
}
