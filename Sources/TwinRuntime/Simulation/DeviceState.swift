import TwinConfig
import TwinEngine
import TwinModels

/// One device's state during a run: its MAC queue and medium-access state, radio and
/// battery account, link fading, random streams and the counters of its outcome.
///
/// Each purpose has its own stream keyed by the device id (`RandomStreams`), so adding
/// a device, or a draw for another purpose, leaves this device's traffic times and its
/// other draws unchanged.
struct DeviceState: Sendable {
    var queue: PacketQueue
    /// The packet in MAC service (CSMA/CA), if any.
    var current: Packet?
    var outcome: DeviceOutcome
    var energy: EnergyAccount
    var fading: LinkFading

    var trafficStream: Xoshiro256
    var alarmStream: Xoshiro256
    var accessStream: Xoshiro256
    var receptionStream: Xoshiro256
    var uplinkStream: Xoshiro256

    /// Battery empty: stopped for good.
    var dead = false
    /// Failed by a scenario event (maybe temporarily).
    var failed = false
    /// Will not run again (battery, or a failure without an end).
    var stoppedForGood = false
    var empty = false
    /// Bumped when the device stops or restarts, so stale MAC events are ignored.
    var accessEpoch: Int32 = 0
    /// Bumped when the scheduled allocation chain is re-armed (association change).
    var scheduleEpoch: Int32 = 0
    /// The serving gateway as an index into `DeviceParameters.gateways`; −1 when no
    /// gateway is reachable.
    var serving = 0

    // CSMA/CA
    var contentionWindow: Int
    var consecutiveFailures = 0
    var backoffRemaining = 0
    var backoffResume: SimTime = .zero
    var backoffHandle: EventHandle?
    var backoffMedium = -1
    var inExchange = false
    /// The radio is awake and listening since then (nil: asleep).
    var listeningSince: SimTime?
    var exchangeSlot = 0
    var exchangeLevel = 0.0
    var exchangeDataEnd: SimTime = .zero

    // BLE
    var connectionPhase: SimTime = .zero
    /// Connection events up to this instant are accounted.
    var connectionAccountedUntil: SimTime = .zero
    var connectionEventPending = false

    // Wideband flow
    var serverFree: SimTime = .zero
    var nextSample: SimTime = .max
    var nextAlarm: SimTime = .max
    var flowProcessedUntil: SimTime = .zero

    // Per-frame caches: success probability of data frames and of ACKs; mW of the level.
    var dataSuccess = SuccessCache()
    var acknowledgementSuccess = SuccessCache()
    var powerLevel = Double.nan
    var powerMilliwatts = 0.0

    // Battery checks
    var lastCheck: SimTime = .zero
    var lastConsumed = 0.0

    // Current monitoring window (time series)
    var windowSent = 0
    var windowAcknowledged = 0
    var windowLevelSum = 0.0
    var windowLevelCount = 0
    /// Packets delivered to the edge in the window and their summed latency (ns).
    var windowDelivered = 0
    var windowLatencySum = 0.0
    var samples: [DeviceSample] = []

    init(parameters: DeviceParameters, device: DeviceConfig, streams: RandomStreams, queueCapacity: Int) {
        queue = PacketQueue(capacity: queueCapacity)
        outcome = DeviceOutcome(id: device.id)
        outcome.batteryCapacity = device.battery.capacity
        energy = EnergyAccount(device: device, transmitCurrent: parameters.transmitCurrent)
        fading = LinkFading(links: parameters.links, generator: streams.generator(device.id, "fading"))
        trafficStream = streams.generator(device.id, "traffic")
        alarmStream = streams.generator(device.id, "alarms")
        accessStream = streams.generator(device.id, "access")
        receptionStream = streams.generator(device.id, "reception")
        uplinkStream = streams.generator(device.id, "uplink")
        contentionWindow = parameters.priority.contentionWindowMinimum
    }

    /// Running: neither dead nor failed.
    var isRunning: Bool { !dead && !failed }
}
