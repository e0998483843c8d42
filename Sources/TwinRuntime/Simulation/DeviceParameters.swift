import Foundation
import TwinConfig
import TwinEngine
import TwinModels
import TwinUnits
import TwinVocabulary

/// The shared media at one gateway: devices on the same medium interfere and sense
/// each other; different media (BAN channel, BLE, WLAN) do not.
enum MediumKind: Int, Sendable, CaseIterable {
    case narrowband = 0, ble = 1, wideband = 2

    /// Where the medium of `kind` at `gateway` sits in `BANSimulation.media`: gateway
    /// by gateway, each with one medium per kind.
    static func index(gateway: Int, kind: MediumKind) -> Int { gateway * allCases.count + kind.rawValue }
}

/// Everything about one device that does not change during a run, resolved from
/// twin.json once: frame format, receiver, currents, traffic, MAC and link geometry.
struct DeviceParameters: Sendable {
    let index: Int
    let id: String
    let access: AccessMode
    let medium: MediumKind
    /// Primary, then backup (if any): indices into the network's gateways.
    let gateways: [Int]
    /// Aligned with `gateways`: the medium the device's frames share at each of them
    /// (an index into `BANSimulation.media`).
    let media: [Int]
    let links: [LinkGeometry]
    let transmitLevel: Double
    let transmitCurrent: Double
    let frame: FrameFormat
    let receiver: PhyReceiver
    let security: SecurityLevel
    let traffic: TrafficProfile
    /// The flow runs in expectation (`AggregateFlow`): twin.json asks for `aggregate`
    /// and the device is wideband, the only access with an aggregate representation.
    let aggregateFlow: Bool
    let latencyBudget: SimTime
    // MAC
    let priority: UserPriority
    let maxRetries: Int
    let backoffSlot: SimTime
    let wakeUpTime: SimTime
    let schedule: ScheduleParameters?
    let connectionInterval: SimTime

    var primaryGateway: Int { gateways[0] }
}

extension DeviceParameters {
    /// Contention slot: Castalia BaselineBANMac `contentionSlotLength` 0.36 ms for the
    /// 802.15.6 PHYs (ban-numbers.md §5); aUnitBackoffPeriod 320 µs for 802.15.4.
    static func backoffSlot(technology: String) -> SimTime {
        technology == "ieee802154" ? .microseconds(320)
            : SimTime(BaselineBANMacParameters.castaliaDefault.contentionSlotLength)
    }

    /// Resolves one device; throws for parameters the models refuse.
    static func make(device: DeviceConfig, index: Int, gateways: [Int], config: TwinConfig,
                     scheduledRanks: [Int], useCastaliaMap: Bool) throws(SimulationError) -> DeviceParameters {
        func invalid(_ message: String) -> SimulationError { .invalidParameter(device: device.id, message: message) }
        let access = device.mac.access
        let medium: MediumKind = access == .wideband ? .wideband : (device.radio.technology == "ble" ? .ble : .narrowband)
        guard let frame = FrameFormat.make(device: device, access: access) else {
            throw invalid("the radio's bit rate must be positive")
        }
        guard (0...7).contains(device.mac.userPriority), let priority = UserPriority(rawValue: device.mac.userPriority) else {
            throw invalid("user priority \(device.mac.userPriority) is outside 0…7")
        }
        guard device.mac.maxRetries >= 0 else { throw invalid("max retries must not be negative") }
        guard device.battery.capacity.si > 0 else { throw invalid("battery capacity must be positive") }
        guard (0...2).contains(device.securityLevel) else { throw invalid("security level must be 0, 1 or 2") }
        /// Octets of a payload, refusing what no frame count can hold (NaN, ∞, > 1 GB).
        func octets(_ size: DataSize, _ name: String) throws(SimulationError) -> Int {
            let value = size.bytes.rounded(.up)
            guard value.isFinite, value <= 1e9 else { throw invalid("\(name) of \(size.bytes) octets is out of range") }
            return Swift.max(0, Int(value))
        }
        guard (1...1024).contains(device.traffic.aggregation) else {
            throw invalid("aggregation \(device.traffic.aggregation) is outside 1…1024 samples per packet")
        }
        let perPacket = device.traffic.samplesPerPacket
        let payload = try octets(device.traffic.payload, "payload")
        let alarmPayload = try octets(device.traffic.alarmPayload, "alarm payload")
        let sampleInterval = device.traffic.interval.si > 0 && payload > 0 ? SimTime.exactly(device.traffic.interval) : nil
        if device.traffic.interval.si > 0, payload > 0, (sampleInterval ?? .zero) <= .zero {
            throw invalid("sampling interval \(device.traffic.interval.si) s is not representable")
        }
        var interval: SimTime?, lead = SimTime.zero
        if let sampleInterval {
            let (packet, overflow) = sampleInterval.nanoseconds.multipliedReportingOverflow(by: Int64(perPacket))
            guard !overflow else { throw invalid("\(perPacket) samples of \(device.traffic.interval.si) s are not representable") }
            interval = SimTime(nanoseconds: packet)
            lead = SimTime(nanoseconds: packet - sampleInterval.nanoseconds)
        }
        let alarmRate = device.traffic.alarmRate
        guard alarmRate >= 0, alarmRate.isFinite else { throw invalid("alarm rate must be a finite rate ≥ 0") }
        let txCurrent = DeviceAirInterface.transmitCurrent(of: device.radio, at: device.radio.txPower).si
        let links = gateways.map { BodyGeometry.link(device: device, gateway: config.network.gateways[$0],
                                                     useCastaliaMap: useCastaliaMap) }
        return DeviceParameters(
            index: index, id: device.id, access: access, medium: medium, gateways: gateways,
            media: gateways.map { MediumKind.index(gateway: $0, kind: medium) }, links: links,
            transmitLevel: device.radio.txPower.dBm, transmitCurrent: txCurrent, frame: frame,
            receiver: PhyReceiver(radio: device.radio),
            security: SecurityLevel(rawValue: device.securityLevel) ?? .unsecured,
            traffic: TrafficProfile(sampleInterval: interval, samplePayload: Swift.max(payload, 0) * perPacket,
                                    aggregationLead: lead,
                                    alarmMeanInterval: alarmRate > 0 ? SimTime(.seconds(1 / alarmRate)) : nil,
                                    alarmPayload: Swift.max(1, alarmPayload)),
            aggregateFlow: access == .wideband && device.traffic.representation == "aggregate",
            latencyBudget: SimTime(device.traffic.latencyBudget),
            priority: priority, maxRetries: device.mac.maxRetries,
            backoffSlot: backoffSlot(technology: device.radio.technology),
            wakeUpTime: SimTime(device.radio.wakeupTime),
            schedule: access == .scheduled ? try schedule(device.mac, ranks: scheduledRanks, invalid: invalid) : nil,
            connectionInterval: access == .ble ? try bleInterval(device.mac, invalid: invalid) : .zero)
    }

    /// Superframe, interval and guard time of a scheduled allocation. The guard time is
    /// Tachtatzis 2010 eq. 14 with the parameters of `ScheduledAccessLifetimeModel.tachtatzis2012`:
    /// `GT = 61.6 µs + 2·max(SI, 8·TSF)·20 ppm`, SI = P (ban-numbers.md §8★A). The
    /// device's allocation sits after the beacon slot, one slot per scheduled device of
    /// the gateway (`ranks`: the device's rank among them).
    private static func schedule(_ mac: MACConfig, ranks: [Int],
                                 invalid: (String) -> SimulationError) throws(SimulationError) -> ScheduleParameters {
        guard (1...256).contains(mac.slots) else { throw invalid("scheduled access needs 1…256 slots per superframe") }
        guard (1...65_536).contains(mac.period) else {
            throw invalid("scheduled access needs an allocation every m = 1…65536 superframes")
        }
        guard let slot = SimTime.exactly(mac.slotLength), slot > .zero, slot <= .seconds(256) else {
            throw invalid("scheduled access needs a slot length above 0 and at most 256 s")
        }
        let superframe = slot * Int64(mac.slots)
        let interval = superframe * Int64(mac.period)
        let model = ScheduledAccessLifetimeModel.tachtatzis2012
        let resync = superframe * Int64(model.resynchronisationSuperframes)
        let drift = Swift.max(interval, resync)
        let guardTime = SimTime(model.guardTimeBase) + drift.scaled(by: 2 * model.clockAccuracy)
        let offsets = ranks.map { rank in (slot * Int64(1 + rank)) % superframe }
        return ScheduleParameters(slotLength: slot, superframe: superframe, interval: interval, guardTime: guardTime,
                                  offsets: offsets)
    }

    private static func bleInterval(_ mac: MACConfig, invalid: (String) -> SimulationError) throws(SimulationError) -> SimTime {
        guard let interval = SimTime.exactly(mac.connectionInterval), interval > .zero, interval <= .hours(1) else {
            throw invalid("BLE access needs a connection interval above 0 and at most 1 h")
        }
        return interval
    }
}
