import TwinEngine
import TwinUnits
import TwinVocabulary

/// Everything one replication of one scenario measured: the input of the run
/// orchestration, the verdicts and the applications (network view, resilience, energy,
/// security).
///
/// Arrays are in configuration order (devices and gateways as in `config.network`,
/// events as in `scenario.events`) so the value is a pure function of (config,
/// scenario, replication seed) and prints byte-identically. Packet counters and
/// latencies cover packets *generated* at or after `warmup`; energy, battery and radio
/// residency cover the whole run (the battery does not know about warm-up).
///
/// Invariant per device: `generated == deliveredToEdge + dropped.total + pendingAtEnd`.
public struct ReplicationOutcome: Sendable, Hashable {
    public var scenarioID: String
    public var replication: Int
    /// The seed of this replication's stream family (`RandomStreams.replication(i).seed`).
    public var seed: UInt64
    public var horizon: SimTime
    public var warmup: SimTime
    public var devices: [DeviceOutcome]
    public var gateways: [GatewayOutcome]
    /// One entry per scenario event (faults and attacks), in scenario order.
    public var events: [ScenarioEventOutcome]
    /// One entry per attack event (jamming, interference, spoofing, replay,
    /// eavesdropping, dos), in scenario order: when the twin's detector raised an alarm.
    public var attacks: [AttackDetection]
    /// Per-device samples at the (bounded) sample interval; nil unless asked for in
    /// `SimulationOptions.recordTimeSeries`.
    public var timeSeries: [DeviceTimeSeries]?
    /// Simulation events handled (for speed figures).
    public var eventsHandled: Int

    public init(scenarioID: String, replication: Int, seed: UInt64, horizon: SimTime, warmup: SimTime,
                devices: [DeviceOutcome], gateways: [GatewayOutcome], events: [ScenarioEventOutcome],
                attacks: [AttackDetection], timeSeries: [DeviceTimeSeries]?, eventsHandled: Int) {
        self.scenarioID = scenarioID
        self.replication = replication
        self.seed = seed
        self.horizon = horizon
        self.warmup = warmup
        self.devices = devices
        self.gateways = gateways
        self.events = events
        self.attacks = attacks
        self.timeSeries = timeSeries
        self.eventsHandled = eventsHandled
    }

    /// The device outcome with `id`, if the config has that device.
    public func device(_ id: String) -> DeviceOutcome? { devices.first { $0.id == id } }
    /// The gateway outcome with `id`.
    public func gateway(_ id: String) -> GatewayOutcome? { gateways.first { $0.id == id } }
}

/// Why a packet never reached the edge. The hop it was lost on and the cause a reader
/// acts on (`LossCause`) follow from it; the raw values are the order of `DropCounts`.
public enum DropReason: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The device's bounded MAC queue was full when the packet was generated.
    case queueOverflow = 0
    /// Every attempt (1 + maxRetries) went unacknowledged, on a path that does not say
    /// why the last one failed (the bulk flows' per-batch success probability).
    case retriesExhausted = 1
    /// Neither the primary nor the backup gateway was up (or the gateway died with the
    /// packet, or its last attempt found the gateway down).
    case noGatewayReachable = 2
    /// The device's battery was empty or the device had failed.
    case deviceDead = 3
    /// The receiver's security check rejected the frame (MIC or replay counter).
    case rejectedBySecurity = 4
    /// The gateway decoded it, but its uplink to the edge was unavailable (the link's
    /// availability draw failed).
    case uplinkOutage = 5
    /// Retries exhausted, the last attempt lost to noise, fading or sensitivity alone.
    case channelFade = 6
    /// Retries exhausted, the last attempt overlapped another frame or a jammer.
    case collision = 7

    public var description: String {
        switch self {
        case .queueOverflow: "queue-overflow"
        case .retriesExhausted: "retries-exhausted"
        case .noGatewayReachable: "gateway-down"
        case .deviceDead: "device-down"
        case .rejectedBySecurity: "security-rejected"
        case .uplinkOutage: "uplink-outage"
        case .channelFade: "channel-fade"
        case .collision: "collision"
        }
    }
}

/// Dropped packets by reason, indexed by `DropReason` (fixed order, no dictionary).
public struct DropCounts: Sendable, Hashable {
    public var counts: [Int] = Array(repeating: 0, count: DropReason.allCases.count)

    public init() {}

    public subscript(reason: DropReason) -> Int {
        get { counts[reason.rawValue] }
        set { counts[reason.rawValue] = newValue }
    }

    public var total: Int { counts.reduce(0, +) }

    /// Packets the MAC gave up on after its last retry, whatever failed that attempt
    /// (channel, collision, or not split).
    public var exhaustedRetries: Int { self[.retriesExhausted] + self[.channelFade] + self[.collision] }
}

/// Energy drawn from the battery, by radio state and component.
public struct EnergyBreakdown: Sendable, Hashable {
    public var transmit: Energy = .zero
    public var receive: Energy = .zero
    /// Receiver on without a frame (CCA, waiting for an ACK or a beacon, guard time).
    public var listen: Energy = .zero
    public var sleep: Energy = .zero
    public var wakeUp: Energy = .zero
    /// The platform (MCU, sensor front end, actuator, display: twin.json's `platform`),
    /// whatever the radio does.
    public var baseline: Energy = .zero

    public init() {}

    public var radio: Energy { transmit + receive + listen + sleep + wakeUp }
    public var total: Energy { radio + baseline }
}

/// Time the radio spent in each state.
public struct RadioStateTimes: Sendable, Hashable {
    public var transmit: SimTime = .zero
    public var receive: SimTime = .zero
    public var listen: SimTime = .zero
    public var sleep: SimTime = .zero
    public var wakeUp: SimTime = .zero

    public init() {}
}

/// One device's figures over a replication.
public struct DeviceOutcome: Sendable, Hashable {
    public var id: String
    /// Application packets generated (periodic samples and alarms) after warm-up.
    public var generated: Int = 0
    /// Of which alarms (Poisson).
    public var alarmsGenerated: Int = 0
    public var deliveredToEdge: Int = 0
    /// Delivered with end-to-end latency ≤ `traffic.latencyBudget`.
    public var deliveredWithinBudget: Int = 0
    public var dropped = DropCounts()
    /// Still queued or in flight at the horizon.
    public var pendingAtEnd: Int = 0
    /// End-to-end latency (generation → arrival at the edge) of delivered packets.
    public var latency = LatencyHistogram()
    /// MAC access delay (head of queue → acknowledged by the gateway) of packets the
    /// gateway received.
    public var accessDelay = LatencyHistogram()
    /// Frames put on the air (first attempts and retries), and retries alone.
    public var transmissions: Int = 0
    public var retransmissions: Int = 0
    /// Received level at the gateway of frames the device sent (dBm), mean/min/max.
    public var rssi = RunningStatistics()
    public var energy = EnergyBreakdown()
    public var radioTime = RadioStateTimes()
    public var batteryCapacity: Charge = .zero
    public var batteryRemaining: Charge = .zero
    /// When the battery emptied (nil if it lasted the run).
    public var deathTime: SimTime?
    /// When the device failed by a scenario event (nil if it did not).
    public var failureTime: SimTime?
    /// Average battery current over the simulated time the device was alive.
    public var averageCurrent: Current = .zero
    /// Average power on the device's rail (radio and platform) over the same time: what
    /// the lifetime prediction extrapolates (`predictedLifetime`).
    public var averageRailPower: Power = .zero
    /// Forged frames (spoofing, replay) in this device's name that the gateway accepted
    /// (security level 0) or rejected (levels 1, 2).
    public var forgedAccepted: Int = 0
    public var forgedRejected: Int = 0
    /// Frames an eavesdropper received above its sensitivity while active, and how
    /// many of them were readable (not encrypted: level < 2).
    public var framesOverheard: Int = 0
    public var framesExposed: Int = 0
    /// Packets the gateway first received through this device's relay (the direct frame
    /// was lost): what the relay saved (`RelayPath`).
    public var relayedDeliveries: Int = 0
    /// Frames of other devices this device forwarded as their relay.
    public var framesRelayed: Int = 0

    public init(id: String) { self.id = id }

    /// deliveredToEdge / generated (nil when nothing was generated).
    public var deliveryRatio: Double? { generated > 0 ? Double(deliveredToEdge) / Double(generated) : nil }
    /// deliveredWithinBudget / generated.
    public var onTimeRatio: Double? { generated > 0 ? Double(deliveredWithinBudget) / Double(generated) : nil }
}

/// One gateway's figures.
public struct GatewayOutcome: Sendable, Hashable {
    public var id: String
    /// Fraction of the run the medium at this hub carried at least one transmission
    /// (data, ACKs, beacons, interferers excluded) — union of busy intervals / horizon.
    public var airtimeUtilisation: Double = 0
    /// Data frames decoded, forwarded to the edge, lost to collisions (overlap with
    /// another frame or a jammer made them fail).
    public var framesReceived: Int = 0
    public var framesForwarded: Int = 0
    public var collisions: Int = 0
    /// Devices that used this gateway as primary / backup / actually sent to it.
    public var associatedDevices: Int = 0
    public var failedAt: SimTime?
    /// Packets handed to the uplink to the edge (first decodings: `framesForwarded` of
    /// them found it available), and the uplink delay of the forwarded ones in total and
    /// at most: the uplink's own delivery ratio and latency.
    public var uplinkOffered: Int = 0
    public var uplinkDelayTotal: SimTime = .zero
    public var uplinkDelayMaximum: SimTime = .zero

    public init(id: String) { self.id = id }
}

/// What one scenario event did to every device: time to the first delivery after it
/// (recovery) and the longest delivery gap after it.
public struct ScenarioEventOutcome: Sendable, Hashable {
    public var index: Int
    public var kind: ScenarioEventKind
    public var target: String
    public var at: SimTime
    /// When the event's effect ended (`at + duration`), nil for permanent events.
    public var endsAt: SimTime?
    public var devices: [DeviceRecovery]
    /// The attacker's own on-air time within the horizon (jammers: constant, random
    /// periods, reactive bursts; association floods); zero for other events.
    public var attackerAirtime: SimTime

    public init(index: Int, kind: ScenarioEventKind, target: String, at: SimTime, endsAt: SimTime?, devices: [DeviceRecovery],
                attackerAirtime: SimTime = .zero) {
        self.attackerAirtime = attackerAirtime
        self.index = index
        self.kind = kind
        self.target = target
        self.at = at
        self.endsAt = endsAt
        self.devices = devices
    }

    public func device(_ id: String) -> DeviceRecovery? { devices.first { $0.deviceID == id } }
}

/// One device's deliveries around one event. A delivery "after" the event is a packet
/// that crossed the BAN (reached a gateway) at or after the event time and then
/// reached the edge, so frames already on the uplink at the event do not count as
/// recovery.
public struct DeviceRecovery: Sendable, Hashable {
    public var deviceID: String
    /// Time from the event to the first delivery after it; nil if there was none
    /// before the horizon (never recovered).
    public var recoveryTime: SimTime?
    /// The longest interval without a delivery between the event and the horizon
    /// (including event → first delivery and last delivery → horizon).
    public var longestGap: SimTime
    /// Deliveries after the event.
    public var deliveredAfter: Int

    public init(deviceID: String, recoveryTime: SimTime?, longestGap: SimTime, deliveredAfter: Int) {
        self.deviceID = deviceID
        self.recoveryTime = recoveryTime
        self.longestGap = longestGap
        self.deliveredAfter = deliveredAfter
    }
}

/// When the twin's attack detector raised its first alarm at or after an attack
/// started. Per gateway, against the baseline measured before the first event: a
/// delivery-ratio drop while the received level stays strong and a noise-floor rise,
/// evaluated every monitor tick (1 s, or the sample interval if shorter); forged frames
/// (MIC or replay failures, association floods) as they arrive.
public struct AttackDetection: Sendable, Hashable {
    public enum Signal: String, Sendable, Hashable {
        case deliveryRatioDrop = "pdr-drop"
        case noiseFloorRise = "noise-rise"
        case forgedFrames = "forged-frames"
        case counterCollision = "counter-collision"
    }

    public var eventIndex: Int
    public var kind: ScenarioEventKind
    public var target: String
    public var startedAt: SimTime
    /// The first alarm at or after `startedAt` (nil: never detected).
    public var detectedAt: SimTime?
    public var signal: Signal?
    /// Alarms raised before any attack started (false positives) in this run.
    public var falseAlarms: Int

    public init(eventIndex: Int, kind: ScenarioEventKind, target: String, startedAt: SimTime, detectedAt: SimTime?,
                signal: Signal?, falseAlarms: Int) {
        self.eventIndex = eventIndex
        self.kind = kind
        self.target = target
        self.startedAt = startedAt
        self.detectedAt = detectedAt
        self.signal = signal
        self.falseAlarms = falseAlarms
    }

    /// detectedAt − startedAt.
    public var detectionDelay: SimTime? { detectedAt.map { $0 - startedAt } }
}

/// A device's state sampled at a fixed interval (network view).
///
/// The window counts (`framesSent`, `framesAcknowledged`, `levelsMeasured`) are kept
/// beside the ratios so a reader can pool windows (per link, per replication) weighted
/// by the frames they saw instead of averaging ratios of unequal windows.
public struct DeviceSample: Sendable, Hashable {
    public var time: SimTime
    /// Delivery ratio of the frames the device sent in the last interval (nil: none sent).
    public var deliveryRatio: Double?
    /// Mean received level at the gateway in the last interval, dBm, one level per
    /// packet (its first transmission: a retry repeats its packet's fade); nil when no
    /// packet was first sent in the window. The run report's per-device RSSI
    /// (`DeviceOutcome.rssi`) still averages every frame, retries included, so on a
    /// CSMA/CA link in fades it reads lower than this.
    public var rssi: Double?
    public var queueLength: Int
    /// Remaining battery charge as a fraction of capacity.
    public var batteryLeft: Double
    /// Frames put on the air in the last interval, and of those the acknowledged ones
    /// (`deliveryRatio` = acknowledged / sent).
    public var framesSent: Int
    public var framesAcknowledged: Int
    /// Packets whose level went into `rssi`.
    public var levelsMeasured: Int
    /// The gateway the device was using at the sample time, as an index into
    /// `config.network.gateways` (nil: no gateway reachable).
    public var servingGateway: Int?
    /// Whether the device's primary gateway was up at the sample time.
    public var primaryGatewayUp: Bool
    /// Mean end-to-end latency (first sample to edge) of the packets whose delivery
    /// was settled in the last interval, warm-up included like the other window
    /// figures (nil: none delivered); `packetsDelivered` of them.
    public var latencyMean: Time?
    public var packetsDelivered: Int

    public init(time: SimTime, deliveryRatio: Double?, rssi: Double?, queueLength: Int, batteryLeft: Double,
                framesSent: Int = 0, framesAcknowledged: Int = 0, levelsMeasured: Int = 0,
                servingGateway: Int? = nil, primaryGatewayUp: Bool = true,
                latencyMean: Time? = nil, packetsDelivered: Int = 0) {
        self.time = time
        self.deliveryRatio = deliveryRatio
        self.rssi = rssi
        self.queueLength = queueLength
        self.batteryLeft = batteryLeft
        self.framesSent = framesSent
        self.framesAcknowledged = framesAcknowledged
        self.levelsMeasured = levelsMeasured
        self.servingGateway = servingGateway
        self.primaryGatewayUp = primaryGatewayUp
        self.latencyMean = latencyMean
        self.packetsDelivered = packetsDelivered
    }
}

public struct DeviceTimeSeries: Sendable, Hashable {
    public var deviceID: String
    /// The interval actually used (the configured one, stretched so the count stays
    /// within `SimulationOptions.maximumSamples`).
    public var interval: SimTime
    /// The finer spacing of the samples around scenario events (`EventSampleClock`),
    /// nil when there are none.
    public var eventInterval: SimTime?
    public var samples: [DeviceSample]

    public init(deviceID: String, interval: SimTime, eventInterval: SimTime? = nil, samples: [DeviceSample]) {
        self.deviceID = deviceID
        self.interval = interval
        self.eventInterval = eventInterval
        self.samples = samples
    }
}
