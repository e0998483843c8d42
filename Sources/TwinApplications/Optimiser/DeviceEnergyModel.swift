import Foundation
import TwinConfig
import TwinModels
import TwinRuntime
import TwinUnits

/// A device's average supply current from its configuration alone: the per-state
/// budget of its medium access per second, without simulating.
///
/// - Scheduled access: the Tachtatzis et al. 2012 per-allocation budget
///   (`ScheduledAccessLifetimeModel.tachtatzis2012`: two wake-ups, 2.3163 ms beacon +
///   B-Ack reception, guard time `61.6 µs + 2·max(P, 8·TSF)·20 ppm` plus pSIFS listening)
///   for every allocation that carries data — `min(1/P, frames/s)` of them — plus the
///   frames' air time at the TX current of the configured level.
/// - BLE: every connection event costs a wake-up, an empty packet each way and one
///   inter-frame space (Bluetooth Core 5.x Vol 6 Part B §4.5; the runtime's
///   `BLEConnection`), data frames add their air time, two IFS and the empty reply.
/// - CSMA/CA: per frame a wake-up, clear-channel assessment over a mean backoff of
///   four contention slots (0.36 ms, Castalia BaselineBANMac), the frame, pSIFS and the
///   acknowledgement (IEEE 802.15.6 §6.2).
/// - Wideband: the frames' air time only (flow-level link share).
///
/// The radio sleeps the rest of the time; the MCU and sensor draw `baselineCurrent`
/// throughout. Frames per second are the packet rate times the expected attempts
/// `(1 − f^(R+1))/(1 − f)` at per-attempt failure `f`.
struct DeviceEnergyModel: Sendable {
    let device: DeviceConfig
    let access: AccessTiming
    /// Expected transmissions per application packet.
    let attemptsPerPacket: Double

    /// Average supply current over a long run.
    var averageCurrent: Current {
        let radio = device.radio
        let packets = access.packetRate
        let frames = packets * attemptsPerPacket
        let airtime = access.frameAirtime.si
        var busy = 0.0  // radio-on seconds per second
        var charge = 0.0  // coulombs per second
        func add(_ seconds: Double, _ current: Current) {
            busy += seconds
            charge += seconds * current.si
        }
        let wake = radio.wakeupTime.si
        switch access.kind {
        case .scheduled:
            let model = ScheduledAccessLifetimeModel.tachtatzis2012
            let interval = access.opportunityInterval.si
            let allocations = interval > 0 ? Swift.min(1 / interval, frames) : frames
            let guardTime = access.guardTime.si
            add(allocations * wake * Double(model.wakeUpsPerInterval), radio.wakeupCurrent)
            add(allocations * model.receiveTimePerInterval.si, radio.rxCurrent)
            add(allocations * (guardTime + NarrowbandTiming.sifs.si), radio.listenCurrent)
            add(frames * airtime, transmitCurrent)
        case .ble:
            let events = access.opportunityInterval.si > 0 ? 1 / access.opportunityInterval.si : 0
            let empty = access.emptyPacketAirtime.si
            let ifs = BLE1MPHY.interFrameSpace.si
            add(events * wake, radio.wakeupCurrent)
            add(events * empty, radio.rxCurrent)
            add(events * empty, transmitCurrent)
            add(events * ifs, radio.listenCurrent)
            add(frames * airtime, transmitCurrent)
            add(frames * 2 * ifs, radio.listenCurrent)
            add(frames * empty, radio.rxCurrent)
        case .csma:
            let slot = BaselineBANMacParameters.castaliaDefault.contentionSlotLength.si
            add(packets * wake, radio.wakeupCurrent)
            add(frames * (4 * slot + NarrowbandTiming.sifs.si), radio.listenCurrent)
            add(frames * airtime, transmitCurrent)
            add(frames * access.acknowledgementAirtime.si, radio.rxCurrent)
        case .wideband:
            add(frames * airtime, transmitCurrent)
        }
        let asleep = Swift.max(0, 1 - busy)
        charge += asleep * radio.sleepCurrent.si
        return Current(si: charge + device.baselineCurrent.si)
    }

    /// Supply current of the transmitter at the configured level, interpolated in the
    /// radio's power table like the runtime does (the receive current without a table).
    var transmitCurrent: Current {
        let levels = device.radio.txLevels.sorted { $0.level.dBm < $1.level.dBm }.map { (x: $0.level.dBm, y: $0.current.si) }
        guard !levels.isEmpty else { return device.radio.rxCurrent }
        return Current(si: ModelMath.interpolate(levels, at: device.radio.txPower.dBm))
    }

    /// Battery lifetime at `current` through the battery model twin.json names, as the
    /// runtime's `predictedLifetime` does (linear `C/I`, or Peukert `H·(C/(I·H))^k` with
    /// H = C / rated current; ban-numbers.md §4). nil without capacity or current.
    static func lifetime(of battery: BatteryConfig, at current: Current) -> Time? {
        guard battery.capacity.si > 0, current.si > 0, current.si.isFinite else { return nil }
        let rated: Time = battery.ratedCurrent.si > 0 ? battery.capacity / battery.ratedCurrent : .hours(20)
        let profile = BatteryProfile(name: battery.profile, source: "twin.json", nominalVoltage: battery.voltage,
                                     capacity: battery.capacity,
                                     peukertExponent: battery.peukertExponent > 0 ? battery.peukertExponent : 1,
                                     ratedDischargeTime: rated)
        let model = BatteryDrainModel(rawValue: battery.model) ?? .linear
        guard let lifetime = try? model.lifetime(of: profile, averageCurrent: current), lifetime.si.isFinite else { return nil }
        return lifetime
    }
}
