import TwinUnits
import TwinVocabulary

/// The body network with every parameter resolved: no profile ids left to look up.
public struct NetworkConfig: Sendable, Hashable {
    public var devices: [DeviceConfig]
    public var gateways: [GatewayConfig]
    public var edges: [EdgeConfig]
    public var links: [LinkConfig]

    public init(devices: [DeviceConfig], gateways: [GatewayConfig], edges: [EdgeConfig], links: [LinkConfig]) {
        self.devices = devices
        self.gateways = gateways
        self.edges = edges
        self.links = links
    }
}

public struct DeviceConfig: Sendable, Hashable {
    public var id: String
    /// A built-in or catalogue device class: catalogues add classes, so it stays a name.
    public var deviceClass: String
    public var placement: Placement
    public var inBody: Bool
    public var tags: [String]
    public var radio: RadioConfig
    public var battery: BatteryConfig
    /// Everything besides the radio that draws from the battery, and the regulator
    /// between them (replaces the single `baselineCurrent` of older twins).
    public var platform: PlatformConfig
    public var traffic: TrafficConfig
    public var mac: MACConfig
    public var primaryGateway: String
    public var backupGateway: String?
    /// IEEE 802.15.6 security level 0 (none), 1 (authentication), 2 (auth + encryption).
    public var securityLevel: Int
    /// The on-body device that relays this device's frames (IEEE 802.15.6 two-hop
    /// extension, incremental decode-and-forward: `RelayScheme`), nil for none. The rules
    /// a relay must meet are `DeviceConfig.relayRefusal` (issue 11 §4).
    public var relay: String?

    public init(id: String, deviceClass: String, placement: Placement, inBody: Bool, tags: [String],
                radio: RadioConfig, battery: BatteryConfig, platform: PlatformConfig,
                traffic: TrafficConfig, mac: MACConfig, primaryGateway: String,
                backupGateway: String?, securityLevel: Int, relay: String? = nil) {
        self.id = id
        self.deviceClass = deviceClass
        self.placement = placement
        self.inBody = inBody
        self.tags = tags
        self.radio = radio
        self.battery = battery
        self.platform = platform
        self.traffic = traffic
        self.mac = mac
        self.primaryGateway = primaryGateway
        self.backupGateway = backupGateway
        self.securityLevel = securityLevel
        self.relay = relay
    }
}

/// A TX power level and the supply current the radio draws at it.
public struct TxLevel: Sendable, Hashable {
    public var level: PowerLevel
    public var current: Current

    public init(level: PowerLevel, current: Current) {
        self.level = level
        self.current = current
    }
}

/// A radio resolved from its catalogue profile: PHY, power table and energy states.
public struct RadioConfig: Sendable, Hashable {
    public var profile: String
    /// `ban-nb` (IEEE 802.15.6 narrowband), `ble`, `ieee802154`, `wlan`, …
    public var technology: Technology
    public var modulation: String
    public var frequency: Frequency
    public var bitRate: DataRate
    public var txPower: PowerLevel
    public var txLevels: [TxLevel]
    public var rxCurrent: Current
    public var listenCurrent: Current
    public var sleepCurrent: Current
    public var wakeupCurrent: Current
    public var wakeupTime: Time
    public var voltage: Voltage
    public var sensitivity: PowerLevel
    public var noiseFloor: PowerLevel

    public init(profile: String, technology: Technology, modulation: String, frequency: Frequency,
                bitRate: DataRate, txPower: PowerLevel, txLevels: [TxLevel], rxCurrent: Current,
                listenCurrent: Current, sleepCurrent: Current, wakeupCurrent: Current,
                wakeupTime: Time, voltage: Voltage, sensitivity: PowerLevel, noiseFloor: PowerLevel) {
        self.profile = profile
        self.technology = technology
        self.modulation = modulation
        self.frequency = frequency
        self.bitRate = bitRate
        self.txPower = txPower
        self.txLevels = txLevels
        self.rxCurrent = rxCurrent
        self.listenCurrent = listenCurrent
        self.sleepCurrent = sleepCurrent
        self.wakeupCurrent = wakeupCurrent
        self.wakeupTime = wakeupTime
        self.voltage = voltage
        self.sensitivity = sensitivity
        self.noiseFloor = noiseFloor
    }
}

public struct BatteryConfig: Sendable, Hashable {
    public var profile: String
    public var capacity: Charge
    public var voltage: Voltage
    public var model: BatteryDrainModel
    public var peukertExponent: Double
    /// The discharge current the rated capacity refers to (Peukert's reference).
    public var ratedCurrent: Current
    /// The cell chemistry (nil: unknown, a flat curve).
    public var chemistry: BatteryChemistry?
    /// Cells in series; `curve` is one cell's.
    public var cells: Int
    /// One cell's loaded voltage against the share of the capacity delivered, from full
    /// to the cutoff (the last point). Empty: flat at `voltage / cells` down to the
    /// rated capacity.
    public var curve: [DischargePointConfig]
    public var selfDischargePerYear: Double

    public init(profile: String, capacity: Charge, voltage: Voltage, model: BatteryDrainModel,
                peukertExponent: Double, ratedCurrent: Current, chemistry: BatteryChemistry? = nil, cells: Int = 1,
                curve: [DischargePointConfig] = [], selfDischargePerYear: Double = 0) {
        self.profile = profile
        self.capacity = capacity
        self.voltage = voltage
        self.model = model
        self.peukertExponent = peukertExponent
        self.ratedCurrent = ratedCurrent
        self.chemistry = chemistry
        self.cells = cells
        self.curve = curve
        self.selfDischargePerYear = selfDischargePerYear
    }
}

/// Application traffic: periodic samples (from the ISO/IEEE 11073 class or explicit
/// rate), Poisson alarms, and the latency budget a sample must meet to count.
///
/// `aggregation` is the number of samples carried per packet (1: a packet per sample).
/// With k > 1 the device sends one packet every k sampling intervals carrying k samples'
/// payload — fewer wake-ups and headers for the same data rate, bought with latency:
/// the first sample of a packet waits `(k − 1)·interval` for the others
/// (`aggregationDelay`), and latency is counted from that first sample. twin.json
/// writes `aggregation` only when it is not 1, so older files read unchanged.
public struct TrafficConfig: Sendable, Hashable {
    /// The ISO/IEEE 11073 class (nil: none; twin.json writes an empty string).
    public var trafficClass: TrafficClass?
    /// Payload of one sample.
    public var payload: DataSize
    /// Interval between samples.
    public var interval: Time
    public var alarmRate: Double
    public var alarmPayload: DataSize
    public var latencyBudget: Time
    /// Samples per packet, ≥ 1.
    public var aggregation: Int
    /// How the runtime represents the flow: `packet` (every frame an event) or
    /// `aggregate` (a wideband flow's batches in expectation, `AggregateFlow`), chosen by
    /// the compiler for bulk flows no goal needs frame by frame (design.md says why).
    public var representation: FlowRepresentation

    public init(trafficClass: TrafficClass?, payload: DataSize, interval: Time, alarmRate: Double,
                alarmPayload: DataSize, latencyBudget: Time, aggregation: Int = 1,
                representation: FlowRepresentation = .packet) {
        self.trafficClass = trafficClass
        self.payload = payload
        self.interval = interval
        self.alarmRate = alarmRate
        self.alarmPayload = alarmPayload
        self.latencyBudget = latencyBudget
        self.aggregation = aggregation
        self.representation = representation
    }

    /// The application data rate (unchanged by aggregation).
    public var rate: DataRate { DataRate(si: payload.si / interval.si) }

    /// Application bits per second including alarms (`rate + alarmRate · alarmPayload`),
    /// the figure a scheduled allocation is sized for (`ScheduledAllocationSizing`).
    public var totalRate: DataRate { DataRate(si: rate.si + alarmRate * alarmPayload.si) }

    /// Samples per packet, clamped to at least 1.
    public var samplesPerPacket: Int { Swift.max(1, aggregation) }

    /// Interval between periodic packets: `k · interval`.
    public var packetInterval: Time { interval * Double(samplesPerPacket) }

    /// Payload of one periodic packet: `k · payload`.
    public var packetPayload: DataSize { payload * Double(samplesPerPacket) }

    /// How long the first sample of a packet waits for the packet: `(k − 1) · interval`.
    public var aggregationDelay: Time { interval * Double(samplesPerPacket - 1) }
}

/// Medium access: `csma-ca` (802.15.6 contention by user priority, `maxRetries`),
/// `scheduled` (802.15.6 scheduled access: superframe of `slots` slots of `slotLength`,
/// the device served once every `period` superframes), `ble` (connection events every
/// `connectionInterval`), `wideband` (WLAN, mmWave, sub-THz wearables: a contention-free
/// share of the gateway's link at the radio's bit rate, modelled at flow level). Unused
/// members are zero. Which channel model serves a link follows from `TwinConfig.models`
/// and the link's region: in-body → CM2, on-body → the chosen on-body model (CM3 or
/// Castalia's map), off-body → log-distance.
public struct MACConfig: Sendable, Hashable {
    public var access: AccessMode
    public var userPriority: Int
    public var slotLength: Time
    public var slots: Int
    public var period: Int
    public var maxRetries: Int
    public var connectionInterval: Time

    public init(access: AccessMode, userPriority: Int, slotLength: Time, slots: Int, period: Int,
                maxRetries: Int, connectionInterval: Time) {
        self.access = access
        self.userPriority = userPriority
        self.slotLength = slotLength
        self.slots = slots
        self.period = period
        self.maxRetries = maxRetries
        self.connectionInterval = connectionInterval
    }
}

/// A gateway (phone, bedside hub) that terminates the BAN and forwards to the edge.
public struct GatewayConfig: Sendable, Hashable {
    public var id: String
    public var kind: GatewayKind
    public var placement: Placement
    /// Distance from the body centre, for the off-body link to non-worn hubs.
    public var distance: Distance
    public var uplink: String
    public var failoverTime: Time
    public var mtbf: Time?
    public var mttr: Time?

    public init(id: String, kind: GatewayKind, placement: Placement, distance: Distance, uplink: String,
                failoverTime: Time, mtbf: Time?, mttr: Time?) {
        self.id = id
        self.kind = kind
        self.placement = placement
        self.distance = distance
        self.uplink = uplink
        self.failoverTime = failoverTime
        self.mtbf = mtbf
        self.mttr = mttr
    }
}

public struct EdgeConfig: Sendable, Hashable {
    public var id: String
    public var tier: EdgeTierKind
    public var processingLatency: Time

    public init(id: String, tier: EdgeTierKind, processingLatency: Time) {
        self.id = id
        self.tier = tier
        self.processingLatency = processingLatency
    }
}

/// A link between tiers (gateway → edge, edge → edge) with its delay model.
public struct LinkConfig: Sendable, Hashable {
    public var from: String
    public var to: String
    public var technology: Technology
    public var latency: Time
    public var jitter: Time
    public var rate: DataRate
    public var availability: Ratio

    public init(from: String, to: String, technology: Technology, latency: Time, jitter: Time,
                rate: DataRate, availability: Ratio) {
        self.from = from
        self.to = to
        self.technology = technology
        self.latency = latency
        self.jitter = jitter
        self.rate = rate
        self.availability = availability
    }
}
