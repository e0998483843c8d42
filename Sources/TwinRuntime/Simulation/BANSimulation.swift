import Foundation
import TwinConfig
import TwinEngine
import TwinModels

/// The discrete-event model of one body area network in one scenario, as a coordinator
/// of components the way ns-3 separates a node's traffic source, MAC, PHY and channel:
///
/// | component | owns | role |
/// |---|---|---|
/// | `DeviceState` (per device) | queue, energy, link fading, arrivals, window, caches, life | the node |
/// | `CSMAAccess` | `ContentionState` per device | 802.15.6 CSMA/CA |
/// | `ScheduledAccess` | allocation chains (`ScheduleParameters` timing) | 802.15.6 scheduled access |
/// | `BLEAccess` | `ConnectionTiming` per device | BLE connection events |
/// | `WidebandFlow` | `FlowServer` per device | WLAN-class flows |
/// | `FrameReception` | — | the gateway's decision on a frame |
/// | `GatewayState`, `GatewayTier` | gateways | uplink to the edge, failover, repair |
/// | `ChannelState`, `SharedMedium` | posture, jammers; frames on the air | the channel |
/// | `RelayPath` (per relayed device) | source → relay link, forward buffer | two-hop relaying |
/// | `DeviceSpectrum`, `AirChannel`, `WLANActivity` | channels, BLE hops, 2.4 GHz WLAN duty | the shared band |
/// | `AttackerActivity` | eavesdroppers, captures, attacker air time | attacks |
/// | `AttackDetector`, `RecoveryTracker`, `MonitorClock`, `EventSampleClock` | — | observers |
///
/// The coordinator owns the arrays and routes each event to the components it
/// concerns, passing each only the parts it reads and changes (its `BANSimulation+…`
/// files); the components never reach into each other. Events are small values naming
/// a device, gateway or scenario event by index. Each device costs about one event per
/// frame (CSMA/CA: backoff expiry and exchange end; scheduled access and BLE: one per
/// allocation or connection event with data; wideband: one per 100 ms batch); idle
/// radio time, empty BLE events and sleep are accounted analytically, so the cost of a
/// run grows with the traffic, not with the horizon. Memory is flat: histograms and
/// counters, no traces.
struct BANSimulation: SimulationModel {
    enum Event: Sendable {
        case sample(device: Int32)
        case alarm(device: Int32)
        case backoffDone(device: Int32, epoch: Int32)
        case exchangeEnd(device: Int32, epoch: Int32)
        case allocation(device: Int32, epoch: Int32)
        case connectionEvent(device: Int32, epoch: Int32)
        case widebandBatch(device: Int32)
        case posture
        case scenarioStart(Int32)
        case scenarioEnd(Int32)
        case attackFrame(Int32)
        case jammerToggle(Int32)
        case failover(gateway: Int32, failure: Int32)
        case gatewayBreakdown(Int32)
        case gatewayRepair(Int32)
        case monitor
    }

    let parameters: [DeviceParameters]
    /// Per device: its channel or hopping sequence on the band (`DeviceSpectrum`).
    let spectra: [DeviceSpectrum]
    var devices: [DeviceState]
    var csma: CSMAAccess
    var scheduled: ScheduledAccess
    var ble: BLEAccess
    var wideband: WidebandFlow
    var gateways: [GatewayState]
    /// One medium per gateway and `MediumKind` (`MediumKind.index`).
    var media: [SharedMedium]
    /// The 2.4 GHz WLANs of the twin as interferers of the narrow radios (often none).
    var wlans: [WLANActivity]
    var channel: ChannelState
    /// Per device: its relay's path (`RelayPath`); empty when no device is relayed.
    var relays: [RelayPath?]
    /// Per device: its forward buffer as a relay (`ForwardQueue`); empty when no device is relayed.
    var forwardQueues: [ForwardQueue]
    /// The scenario's events; empty in a prefix shared by scenarios until a branch
    /// adopts its scenario (`ScenarioTrunk`).
    var events: [InjectedEvent]
    var attacker: AttackerActivity
    var detector: AttackDetector
    var recovery: RecoveryTracker
    var monitor: MonitorClock
    var eventSamples: EventSampleClock
    var stoppedDevices = 0
    let horizon: SimTime
    let warmup: SimTime
    let options: SimulationOptions

    init(config: TwinConfig, scenario: ScenarioConfig, streams: RandomStreams, options: SimulationOptions,
         horizon: SimTime) throws(SimulationError) {
        let network = config.network
        let topology = try NetworkTopology(network: network)
        let useMap = config.models.contains { $0.id == "castalia-pathloss-map" }
        var parameters: [DeviceParameters] = []
        for (index, device) in network.devices.enumerated() {
            parameters.append(try DeviceParameters.make(
                device: device, index: index, gateways: topology.gateways[index], config: config,
                scheduledRanks: topology.scheduledRanks[index], useCastaliaMap: useMap))
        }
        self.parameters = parameters
        let spectra = network.devices.map {
            DeviceSpectrum.make(device: $0, network: network, streams: streams, adaptiveMap: options.adaptiveChannelMap)
        }
        self.spectra = spectra
        wlans = Self.wlanActivities(parameters: parameters, spectra: spectra)
        let kinds = MediumKind.allCases
        var media: [SharedMedium] = []
        var gateways: [GatewayState] = []
        for (index, gateway) in network.gateways.enumerated() {
            let served = parameters.filter { $0.gateways.contains(index) }
            for kind in kinds {
                var medium = SharedMedium(gateway: index, kind: kind)
                medium.clearChannelThreshold = served.filter { $0.medium == kind }
                    .map(\.receiver.clearChannelThreshold).min() ?? .infinity
                if let home = served.lazy.filter({ $0.medium == kind }).compactMap({ spectra[$0.index].fixedChannel }).first {
                    medium.homeChannel = home
                }
                // NB and BLE at one gateway share the band; wideband flows keep a channel of their own.
                if kind != .wideband {
                    medium.siblings = kinds.filter { $0 != kind && $0 != .wideband }
                        .map { MediumKind.index(gateway: index, kind: $0) }
                }
                assert(media.count == MediumKind.index(gateway: index, kind: kind))
                media.append(medium)
            }
            let floor = served.map(\.receiver.noiseFloor).min() ?? -104
            gateways.append(GatewayState(gateway: gateway, network: network,
                                         media: kinds.map { MediumKind.index(gateway: index, kind: $0) },
                                         noiseFloor: floor, streams: streams))
            gateways[index].outcome.associatedDevices = served.count
        }
        self.media = media
        self.gateways = gateways
        devices = zip(parameters, network.devices).map {
            DeviceState(parameters: $0, device: $1, streams: streams, queueCapacity: options.queueCapacity)
        }
        csma = CSMAAccess(parameters: parameters, streams: streams)
        scheduled = ScheduledAccess(schedules: parameters.map(\.schedule))
        ble = BLEAccess(parameters: parameters, streams: streams)
        warmup = SimTime(config.run.warmup)
        wideband = WidebandFlow(profiles: parameters.map(WidebandFlow.Profile.init), horizon: horizon, warmup: warmup,
                                backlogLimit: options.queueCapacity)
        channel = ChannelState(postureEnabled: config.models.contains { $0.id == "posture-fading" },
                               activity: BodyActivity(config: config), gateways: network.gateways.count,
                               streams: streams)
        relays = try RelayPath.make(network: network, parameters: parameters, streams: streams, useCastaliaMap: useMap)
        forwardQueues = relays.isEmpty ? [] : Array(repeating: ForwardQueue(), count: network.devices.count)
        events = scenario.events.enumerated().map {
            InjectedEvent(index: $0.offset, event: $0.element, network: network)
        }
        attacker = AttackerActivity(events: events, streams: streams)
        detector = AttackDetector(gateways: network.gateways.count, events: events, options: options)
        recovery = RecoveryTracker(eventTimes: events.map(\.at), devices: network.devices.count)
        monitor = MonitorClock(sampleInterval: config.run.sampleInterval, horizon: horizon,
                               maximumSamples: options.maximumSamples)
        eventSamples = EventSampleClock(events: events, options: options, sampleInterval: monitor.sampleInterval,
                                        horizon: horizon)
        self.horizon = horizon
        self.options = options
    }

    /// Schedules the first events: traffic, allocations, BLE anchors, posture, scenario
    /// events, random gateway failures and the monitor. `reservingForScenarios`: for a
    /// prefix shared by scenarios (no events of its own), the sequence numbers their
    /// events would take here, set aside and returned so a branch schedules them in the
    /// same place (`ScenarioTrunk`); 0 for a run of one scenario.
    @discardableResult
    mutating func start(scheduler: inout Scheduler<Event>,
                        reservingForScenarios reserved: Int = 0) -> Scheduler<Event>.ReservedSequences {
        for device in devices.indices {
            startTraffic(device, scheduler: &scheduler)
            switch parameters[device].access {
            case .scheduled:
                scheduled.arm(device, after: .zero, status: devices[device].status, scheduler: &scheduler)
            case .ble:
                ble.ensureEvent(device, status: devices[device].status, scheduler: &scheduler)
            case .csmaCA, .wideband:
                break
            }
        }
        if channel.postureEnabled { schedulePostureChange(scheduler: &scheduler) }
        for event in events where event.at >= .zero {
            scheduler.schedule(.scenarioStart(Int32(event.index)), at: event.at)
        }
        let reservation = scheduler.reserveSequences(reserved)
        for gateway in gateways.indices {
            if let failure = gateways[gateway].timeToFailure() {
                scheduleBeforeHorizon(.gatewayBreakdown(Int32(gateway)), after: failure, scheduler: &scheduler)
            }
        }
        scheduler.schedule(.monitor, at: monitor.tick)
        return reservation
    }

    /// Schedules `event` after `delay` unless that is past the horizon (long random
    /// delays saturate at `SimTime.max`, which must not be added to the clock).
    func scheduleBeforeHorizon(_ event: Event, after delay: SimTime, scheduler: inout Scheduler<Event>) {
        guard delay >= .zero, delay <= horizon, scheduler.now <= horizon - delay else { return }
        scheduler.schedule(event, after: delay)
    }

    mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
        closeEventSamples(before: scheduler.now)
        switch event {
        case .sample(let device): arrivalEvent(Int(device), isAlarm: false, scheduler: &scheduler)
        case .alarm(let device): arrivalEvent(Int(device), isAlarm: true, scheduler: &scheduler)
        case .backoffDone(let device, let epoch): backoffDone(Int(device), epoch: epoch, scheduler: &scheduler)
        case .exchangeEnd(let device, let epoch): exchangeEnd(Int(device), epoch: epoch, scheduler: &scheduler)
        case .allocation(let device, let epoch): allocation(Int(device), epoch: epoch, scheduler: &scheduler)
        case .connectionEvent(let device, let epoch): connectionEvent(Int(device), epoch: epoch, scheduler: &scheduler)
        case .widebandBatch(let device): widebandBatch(Int(device), scheduler: &scheduler)
        case .posture: postureChanges(scheduler: &scheduler)
        case .scenarioStart(let index): scenarioStarts(Int(index), scheduler: &scheduler)
        case .scenarioEnd(let index): scenarioEnds(Int(index), scheduler: &scheduler)
        case .attackFrame(let index): attackFrame(Int(index), scheduler: &scheduler)
        case .jammerToggle(let index): jammerToggles(Int(index), scheduler: &scheduler)
        case .failover(let gateway, let failure): failover(Int(gateway), failure: failure, scheduler: &scheduler)
        case .gatewayBreakdown(let gateway): gatewayBreaksDown(Int(gateway), scheduler: &scheduler)
        case .gatewayRepair(let gateway): gatewayRepaired(Int(gateway), scheduler: &scheduler)
        case .monitor: monitorTick(scheduler: &scheduler)
        }
    }
}
