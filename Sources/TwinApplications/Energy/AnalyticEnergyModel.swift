import Foundation
import TwinConfig
import TwinModels
import TwinRuntime
import TwinUnits

/// A device's average supply current and battery lifetime in closed form: the share of
/// each second its radio spends in each state, from the traffic and the MAC settings,
/// priced at the radio's currents. This is the cheap representation the energy
/// application answers what-if questions with (no discrete-event run per setting).
///
/// It follows the simulation's own accounting (`EnergyAccount` and the access methods)
/// term by term, with the frame air times of `DeviceAirInterface`:
/// - scheduled access (Tachtatzis et al. 2012 eqs. 1–3, ban-numbers.md §8★A): per
///   allocation *with data* two wake-ups, beacon + B-Ack reception (2.3163 ms), the
///   guard time `61.6 µs + 2·max(P, 8·TSF)·20 ppm` plus pSIFS and pMIFS between frames
///   as listening, the frames at the TX current. Allocations with new data per second
///   are `b = (1/P)·(1 − (1 − min(1, P/Ts))·e^(−λP))` for samples every Ts and Poisson
///   alarms λ; a retry waits for the next allocation, so each packet adds `a − 1`
///   allocations (a attempts per frame) where they would otherwise be idle,
///   `(1/Ts + λ)·(a − 1)·(1 − b·P)`, at most `1/P` in all;
/// - BLE (Core v5.x Vol 6 Part B §4.5): every connection event a wake-up and the
///   central's empty poll; an empty event adds T_IFS and the peripheral's empty reply,
///   a data packet its air time, 2·T_IFS and the central's acknowledgement;
/// - CSMA/CA (802.15.6, Castalia BaselineBANMac): per attempt the mean backoff of a
///   free channel, (CWmin+1)/2 contention slots, then pSIFS and the I-Ack; one wake-up
///   per sample or alarm. Contention with other devices is ignored (a lower bound on
///   listening);
/// - wideband flows: the frames' air time, and listening between frames when they come
///   closer than WLAN power save's inactivity timeout (`DeviceSupply.listensWhenIdle`);
/// - sleep for the rest of the second; the platform (MCU, front end, actuator, display)
///   always.
/// The radio's average current at its voltage plus the platform is the rail power; the
/// lifetime and the battery current come from twin.json's battery curve and regulator
/// at that power (`DeviceSupply`, `predictedLifetime`), the model the simulation's
/// battery account uses. `attemptsPerFrame` carries the retransmissions the simulation
/// measured, the one figure the closed form cannot know.
public struct AnalyticEnergyModel: Sendable, Hashable {
    /// Seconds per second in each radio state (sleep is the rest).
    public struct Duty: Sendable, Hashable {
        public var transmit = 0.0
        public var receive = 0.0
        public var listen = 0.0
        public var wakeUp = 0.0
        public var active: Double { transmit + receive + listen + wakeUp }
        public var sleep: Double { Swift.max(0, 1 - active) }
    }

    public var deviceID: String
    public var duty: Duty
    /// Average battery current (through the regulator, at the cell's voltage).
    public var averageCurrent: Current
    /// Average rail power, radio and platform.
    public var railPower: Power
    /// nil when the battery has no capacity or the current is not finite.
    public var lifetime: Time?
    /// Frames put on the air per second (retries included).
    public var framesPerSecond: Double

    /// The model of `device` as configured; nil when its air interface is unknown.
    public static func evaluate(_ device: DeviceConfig, attemptsPerFrame: Double = 1) -> AnalyticEnergyModel? {
        guard let air = DeviceAirInterface(device: device) else { return nil }
        return evaluate(device, air: air, attemptsPerFrame: attemptsPerFrame)
    }

    /// The same for a caller that already built the device's air interface (the
    /// optimiser, which also needs it for the access wait), with `relaying` the transmit
    /// and receive time it spends relaying other devices' frames (`RelayDuty`).
    static func evaluate(_ device: DeviceConfig, air: DeviceAirInterface, attemptsPerFrame: Double,
                         relaying: Duty = Duty()) -> AnalyticEnergyModel? {
        let attempts = Swift.max(1, attemptsPerFrame.isFinite ? attemptsPerFrame : 1)
        let traffic = Traffic(device: device, air: air)
        let framesPerSecond = traffic.framesPerSecond * attempts
        var duty = Duty()
        duty.transmit = traffic.airtimePerSecond * attempts
        let wakeTime = device.radio.wakeupTime.si
        switch air.access {
        case .scheduled:
            let superframe = scheduledSuperframe(of: device.mac)
            let interval = allocationInterval(of: device.mac).si
            guard interval > 0 else { return nil }
            let allocations = Swift.min(1 / interval, traffic.busyOpportunitiesPerSecond(interval: interval)
                + traffic.retryAllocationsPerSecond(interval: interval, attempts: attempts))
            let guardTime = DeviceAirInterface.scheduledGuardTime(interval: .seconds(interval), superframe: superframe).si
            duty.wakeUp = allocations * Double(air.wakeUpsPerAllocation) * wakeTime
            duty.receive = allocations * air.beaconAndBlockAck.si
            duty.listen = allocations * (guardTime + air.shortInterFrameSpace.si)
                + Swift.max(0, framesPerSecond - allocations) * air.minimumInterFrameSpace.si
        case .ble:
            let interval = device.mac.connectionInterval.si
            guard interval > 0 else { return nil }
            let events = 1 / interval
            let busy = traffic.busyOpportunitiesPerSecond(interval: interval)
            let empty = air.acknowledgementAirtime.si, ifs = air.bleInterFrameSpace.si
            duty.wakeUp = events * wakeTime
            duty.receive = events * empty + framesPerSecond * empty
            duty.listen = (events - busy) * ifs + framesPerSecond * 2 * ifs
            duty.transmit += (events - busy) * empty
        case .csmaCA:
            let meanBackoff = meanBackoff(of: device, air: air).si
            duty.wakeUp = traffic.packetsPerSecond * wakeTime
            duty.listen = framesPerSecond * (meanBackoff + air.shortInterFrameSpace.si)
            duty.receive = framesPerSecond * air.acknowledgementAirtime.si
        default:
            // A WLAN stream too dense to doze listens between frames, as the simulation
            // charges it (`DeviceSupply.listensWhenIdle`).
            if DeviceSupply.listensWhenIdle(device) { duty.listen = Swift.max(0, 1 - duty.active) }
        }
        duty.transmit += relaying.transmit
        duty.receive += relaying.receive
        let radio = device.radio
        let transmitCurrent = DeviceAirInterface.transmitCurrent(of: radio, at: radio.txPower).si
        let radioCurrent = transmitCurrent * duty.transmit + radio.rxCurrent.si * duty.receive
            + radio.listenCurrent.si * duty.listen + radio.wakeupCurrent.si * duty.wakeUp
            + radio.sleepCurrent.si * duty.sleep
        return supplied(device, radioCurrent: Current(si: radioCurrent), duty: duty, framesPerSecond: framesPerSecond)
    }

    /// The model of a device whose radio draws `radioCurrent` on average: rail power,
    /// battery current and lifetime through twin.json's supply (`DeviceSupply`).
    static func supplied(_ device: DeviceConfig, radioCurrent: Current, duty: Duty = Duty(),
                         framesPerSecond: Double = 0) -> AnalyticEnergyModel {
        let supply = DeviceSupply(device: device)
        let rail = supply.railPower(radioCurrent: radioCurrent)
        let estimate = device.battery.capacity.si > 0 ? supply.lifetime(railPower: rail) : nil
        let batteryCurrent = estimate?.averageBatteryCurrent
            ?? Current(si: rail.si / Swift.max(device.battery.voltage.si, 1e-3))
        return AnalyticEnergyModel(deviceID: device.id, duty: duty, averageCurrent: batteryCurrent, railPower: rail,
                                   lifetime: estimate?.lifetime, framesPerSecond: framesPerSecond)
    }

    /// Superframe of scheduled access: `nSlots · Tslot`.
    static func scheduledSuperframe(of mac: MACConfig) -> Time { mac.slotLength * Double(mac.slots) }

    /// Interval between a scheduled device's allocations, `P = m · nSlots · Tslot`
    /// (Tachtatzis 2010 eq. 14; m the allocation period in superframes).
    static func allocationInterval(of mac: MACConfig) -> Time {
        scheduledSuperframe(of: mac) * Double(Swift.max(mac.period, 1))
    }

    /// Mean CSMA/CA backoff of a free channel: `(CWmin + 1)/2` contention slots, the
    /// counter being uniform in 1…CWmin of the device's user priority (802.15.6
    /// §6.2.2.1, Castalia BaselineBANMac).
    static func meanBackoff(of device: DeviceConfig, air: DeviceAirInterface) -> Time {
        air.backoffSlot * (Double(userPriority(of: device.mac).contentionWindowMinimum + 1) / 2)
    }

    /// The 802.15.6 user priority of the MAC, clamped to 0…7 as the simulation does.
    static func userPriority(of mac: MACConfig) -> UserPriority {
        UserPriority(rawValue: Swift.min(Swift.max(mac.userPriority, 0), 7)) ?? .background
    }

    /// Air time of one application packet of `packetBytes` octets: its frames (full ones
    /// and a remainder, `DeviceAirInterface.framePayloads`) back to back.
    static func packetAirtime(_ air: DeviceAirInterface, packetBytes: Int) -> Time {
        .seconds(air.framePayloads(packetBytes: packetBytes).reduce(0) { $0 + air.frameAirtime(payloadBytes: $1).si })
    }

    /// The device's application traffic as frames on the air. Periodic packets carry
    /// `TrafficConfig.aggregation` samples each (k): one every k sampling intervals, of
    /// k samples' octets, as the runtime's `TrafficArrivals` produce them.
    struct Traffic {
        /// Periodic packets per second and alarms per second (Poisson).
        var sampleRate = 0.0
        var alarmRate = 0.0
        var sampleFrames: [Int] = []
        var alarmFrames: [Int] = []
        var sampleAirtime = 0.0
        var alarmAirtime = 0.0

        init(device: DeviceConfig, air: DeviceAirInterface) {
            let sampleBytes = Int(device.traffic.payload.bytes.rounded(.up)) * device.traffic.samplesPerPacket
            if device.traffic.interval.si > 0, sampleBytes > 0 {
                sampleRate = 1 / device.traffic.packetInterval.si
                sampleFrames = air.framePayloads(packetBytes: sampleBytes)
                sampleAirtime = packetAirtime(air, packetBytes: sampleBytes).si
            }
            if device.traffic.alarmRate > 0, device.traffic.alarmRate.isFinite {
                alarmRate = device.traffic.alarmRate
                let alarmBytes = Swift.max(1, Int(device.traffic.alarmPayload.bytes.rounded(.up)))
                alarmFrames = air.framePayloads(packetBytes: alarmBytes)
                alarmAirtime = packetAirtime(air, packetBytes: alarmBytes).si
            }
        }

        var packetsPerSecond: Double { sampleRate + alarmRate }
        var framesPerSecond: Double { sampleRate * Double(sampleFrames.count) + alarmRate * Double(alarmFrames.count) }
        var airtimePerSecond: Double { sampleRate * sampleAirtime + alarmRate * alarmAirtime }

        /// Access opportunities per second (allocations, connection events) that find
        /// data, for opportunities every `interval`: all of them when a sample arrives
        /// at least once per interval, else one per sample, plus those only an alarm fills.
        func busyOpportunitiesPerSecond(interval: Double) -> Double {
            let periodic = Swift.min(1, interval * sampleRate)
            return (1 - (1 - periodic) * exp(-alarmRate * interval)) / interval
        }

        /// Allocations per second woken up only for retries: a frame the B-Ack does not
        /// confirm waits for the next allocation (the runtime's `ScheduledAccess`), which
        /// costs a wake-up of its own when no new data would have filled it. Each packet
        /// makes `attempts − 1` such retry allocations on average (its frames are retried
        /// together), each landing on an otherwise idle allocation with the idle share.
        func retryAllocationsPerSecond(interval: Double, attempts: Double) -> Double {
            let idle = Swift.max(0, 1 - busyOpportunitiesPerSecond(interval: interval) * interval)
            return packetsPerSecond * Swift.max(0, attempts - 1) * idle
        }
    }
}
