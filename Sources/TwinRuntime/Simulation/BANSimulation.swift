import Foundation
import TwinConfig
import TwinEngine
import TwinModels

/// The discrete-event model of one body area network in one scenario: devices with
/// their traffic, MAC, radio and battery; gateways with their channels and uplinks; the
/// body's channel; the scenario's faults and attacks; the detector.
///
/// Events are small values naming a device, gateway or scenario event by index. Each
/// device costs about one event per frame (CSMA/CA: backoff expiry and exchange end;
/// scheduled access and BLE: one per allocation or connection event with data;
/// wideband: one per 100 ms batch); idle radio time, empty BLE events and sleep are
/// accounted analytically, so the cost of a run grows with the traffic, not with the
/// horizon. Memory is flat: histograms and counters, no traces.
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
    var devices: [DeviceState]
    var gateways: [GatewayState]
    var media: [SharedMedium]
    var channel: ChannelState
    var events: [InjectedEvent]
    var detector: AttackDetector
    var recovery: RecoveryTracker
    var eavesdroppers: [Eavesdropper] = []
    var captures: [Capture] = []
    /// The attacker's on-air time per scenario event (jammers, floods).
    var attackerAirtime: [SimTime]
    /// Reused buffers of a scheduled allocation (no allocation per event).
    var scratchPackets: [Packet] = []
    var scratchDecoded: [Bool] = []
    var stoppedDevices = 0
    let horizon: SimTime
    let warmup: SimTime
    let options: SimulationOptions
    /// Monitor period (battery, detector) and how many ticks make one time-series sample.
    let tick: SimTime
    let sampleStride: Int
    var ticks = 0

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
        let kinds = MediumKind.allCases
        var media: [SharedMedium] = []
        var gateways: [GatewayState] = []
        for (index, gateway) in network.gateways.enumerated() {
            let served = parameters.filter { $0.gateways.contains(index) }
            for kind in kinds {
                var medium = SharedMedium(gateway: index, kind: kind)
                medium.clearChannelThreshold = served.filter { $0.medium == kind }
                    .map(\.receiver.clearChannelThreshold).min() ?? .infinity
                media.append(medium)
            }
            let floor = served.map(\.receiver.noiseFloor).min() ?? -104
            gateways.append(GatewayState(gateway: gateway, network: network,
                                         media: kinds.map { index * kinds.count + $0.rawValue },
                                         noiseFloor: floor, streams: streams))
            gateways[index].outcome.associatedDevices = served.count
        }
        self.media = media
        self.gateways = gateways
        devices = zip(parameters, network.devices).map {
            DeviceState(parameters: $0, device: $1, streams: streams, queueCapacity: options.queueCapacity)
        }
        channel = ChannelState(postureEnabled: config.models.contains { $0.id == "posture-fading" },
                               gateways: network.gateways.count, streams: streams)
        events = scenario.events.enumerated().map {
            InjectedEvent(index: $0.offset, event: $0.element, network: network, streams: streams)
        }
        attackerAirtime = Array(repeating: .zero, count: events.count)
        detector = AttackDetector(gateways: network.gateways.count, events: events, options: options)
        recovery = RecoveryTracker(eventTimes: events.map(\.at), devices: network.devices.count)
        self.horizon = horizon
        warmup = SimTime(config.run.warmup)
        self.options = options
        // The monitor (battery, detector) ticks every second, or at the sample interval if
        // that is shorter, but at most `maximumTicks` times a run (a year at 1 s would be
        // 31 M ticks). Time-series samples are every `sampleStride` ticks: the sample
        // interval, stretched so a series stays within `maximumSamples`.
        let configured = SimTime.exactly(config.run.sampleInterval).flatMap { $0 > .zero ? $0 : nil } ?? .seconds(1)
        tick = Swift.max(Swift.min(configured, .seconds(1)), horizon / Int64(Self.maximumTicks), .nanoseconds(1))
        let perSample = Swift.max(1, Int((Double(configured.nanoseconds) / Double(tick.nanoseconds)).rounded()))
        let ticks = Double(horizon.nanoseconds) / Double(tick.nanoseconds)
        let samples = ticks / Double(perSample)
        let stretch = Swift.max(1, Int((samples / Double(Swift.max(1, options.maximumSamples))).rounded(.up)))
        sampleStride = perSample * stretch
    }

    /// Schedules the first events: traffic, allocations, BLE anchors, posture, scenario
    /// events, random gateway failures and the monitor.
    static let maximumTicks = 100_000

    mutating func start(scheduler: inout Scheduler<Event>) {
        for device in devices.indices {
            startTraffic(device, scheduler: &scheduler)
            switch parameters[device].access {
            case .scheduled:
                armAllocation(device, after: .zero, scheduler: &scheduler)
            case .ble:
                let interval = parameters[device].connectionInterval
                devices[device].connectionPhase = SimTime(
                    nanoseconds: Int64(devices[device].accessStream.uniform() * Double(interval.nanoseconds)))
                devices[device].connectionAccountedUntil = SimTime(nanoseconds: -1)
                ensureConnectionEvent(device, scheduler: &scheduler)
            case .csma, .wideband:
                break
            }
        }
        if channel.postureEnabled { schedulePostureChange(scheduler: &scheduler) }
        for event in events where event.at >= .zero {
            scheduler.schedule(.scenarioStart(Int32(event.index)), at: event.at)
        }
        for gateway in gateways.indices {
            if let mtbf = gateways[gateway].meanTimeBetweenFailures {
                scheduleBeforeHorizon(.gatewayBreakdown(Int32(gateway)),
                                      after: gateways[gateway].failureStream.exponential(mean: mtbf), scheduler: &scheduler)
            }
        }
        scheduler.schedule(.monitor, at: tick)
    }

    /// Schedules `event` after `delay` unless that is past the horizon (long random
    /// delays saturate at `SimTime.max`, which must not be added to the clock).
    func scheduleBeforeHorizon(_ event: Event, after delay: SimTime, scheduler: inout Scheduler<Event>) {
        guard delay >= .zero, delay <= horizon, scheduler.now <= horizon - delay else { return }
        scheduler.schedule(event, after: delay)
    }

    mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
        switch event {
        case .sample(let device): sample(Int(device), scheduler: &scheduler)
        case .alarm(let device): alarm(Int(device), scheduler: &scheduler)
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
        case .monitor: monitor(scheduler: &scheduler)
        }
    }
}

/// Which gateways each device uses, checked against the network: unknown gateways,
/// no gateway at all, and the hub limit (`HubCapacity`, the compiler's rule too:
/// mMaxBANSize = 64 devices per hub, ban-numbers.md §2) counted over the
/// devices whose primary gateway it is.
struct NetworkTopology {
    /// Per device: primary, then backup gateway index.
    let gateways: [[Int]]
    /// Per device, aligned with `gateways`: its rank among the scheduled-access devices
    /// of that gateway (its allocation slot after the beacon).
    let scheduledRanks: [[Int]]

    init(network: NetworkConfig) throws(SimulationError) {
        guard !network.gateways.isEmpty else { throw .noGateways }
        func index(_ id: String, device: String) throws(SimulationError) -> Int {
            guard let found = network.gateways.firstIndex(where: { $0.id == id }) else {
                throw .unknownGateway(device: device, gateway: id)
            }
            return found
        }
        var gateways: [[Int]] = []
        for device in network.devices {
            var slots = [try index(device.primaryGateway, device: device.id)]
            if let backup = device.backupGateway, backup != device.primaryGateway {
                slots.append(try index(backup, device: device.id))
            }
            gateways.append(slots)
        }
        if let full = HubCapacity.overfull(gateways: network.gateways.map(\.id),
                                           primaryOfDevices: network.devices.map(\.primaryGateway)).first {
            throw .hubFull(gateway: full.gateway, devices: full.devices, limit: HubCapacity.maximumDevices)
        }
        var nextRank = Array(repeating: 0, count: network.gateways.count)
        var ranks: [[Int]] = []
        for (device, slots) in zip(network.devices, gateways) {
            if device.mac.access == "scheduled" {
                ranks.append(slots.map { gateway in
                    defer { nextRank[gateway] += 1 }
                    return nextRank[gateway]
                })
            } else {
                ranks.append(slots.map { _ in 0 })
            }
        }
        self.gateways = gateways
        scheduledRanks = ranks
    }
}
