import TwinModels
import TwinSpec
import TwinUnits

/// The least average supply current any allowed choice gives a device, and so the
/// longest life its battery can have, given the longest interval its MAC may leave
/// between transmission opportunities (the traffic's deadline, or a latency goal's).
///
/// - IEEE 802.15.6 NB: scheduled access after Tachtatzis et al. 2012 at the radio's
///   lowest TX level — `ScheduledAccessLifetimeModel.minimumAverageCurrent`, which
///   drops the integer rounding, frames every bit at full-frame efficiency and takes
///   the longest admissible allocation interval (ban-numbers.md §8A).
/// - BLE: connection events of the nRF52840-class radio (Bluetooth Core v5.x Vol 6
///   Part B §4.5): the application bits sent in full 251-octet packets at the lowest
///   TX level, the empty acknowledgement received for each, and per attended event a
///   wake-up and the central's empty packet, events no closer than the longest
///   interval the deadline allows (with peripheral latency, up to the 16 s the
///   supervision timeout permits).
/// - Other radios: the frames' airtime at the TX current, asleep otherwise.
///
/// Every device also carries the platform twin.json gives it (its class's MCU, front
/// end, actuator, display, and the regulator from its battery; `DeviceSupplyResolution`),
/// and the lifetime is the whole-device model's (`DeviceLifetimeModel`, from energy down
/// to the cutoff). Each relaxation only lowers the radio's current, so the lifetime is
/// an upper bound: when it misses a goal, no configuration meets it.
struct CurrentBound: Sendable {
    var current: Current
    var notes: [String]
}

extension DeviceBudget {
    /// Events a BLE peripheral must attend at least every this long: the supervision
    /// timeout (≤ 32 s) must exceed twice the effective interval.
    static let longestAttendedBLESpacing = Time.seconds(16)

    func minimumAverageCurrent(maximumInterval: Time?) -> CurrentBound? {
        guard let radio, let level = lowestLevel, let transmit = transmitCurrent else { return nil }
        let traffic = device.traffic
        var notes = [
            "traffic \(traffic.totalRate.quantity.formatted) (\(traffic.payload.quantity.formatted) packets"
                + (traffic.alarmRate > 0 ? ", alarms every \(Time(si: 1 / traffic.alarmRate).quantity.formatted))" : ")"),
            "TX at its lowest level \(significant(level.dBm)) dBm: \(transmit.quantity.formatted)"
                + (levelTable ? " (\(radio.name) level table)" : " (the catalogue's single TX current)"),
        ]
        let radioCurrent: Current
        switch air {
        case .narrowband(let mode)?:
            var model = ScheduledAccessLifetimeModel.tachtatzis2012
            if let adapted = model.with(radio: radio, transmitLevel: level, battery: battery ?? .coin560) { model = adapted }
            model.transmitCurrent = transmit
            model.phyMode = mode
            guard let current = try? model.minimumAverageCurrent(rate: traffic.totalRate, maximumLatency: maximumInterval)
            else { return nil }
            radioCurrent = current
            notes.append("802.15.6 scheduled access (Tachtatzis et al. 2012) at \(mode.dataRate.quantity.formatted), "
                + (maximumInterval.map { "allocation interval at most \($0.quantity.formatted)" } ?? "unbounded allocation interval"))
        case .ble?:
            let spacing = min(maximumInterval ?? Self.longestAttendedBLESpacing, Self.longestAttendedBLESpacing)
            let events = AccessWait.longestBLEInterval(atMost: spacing)
            let attended = max(spacing, events)
            let packetBits = Double(8 * BLE1MPHY.maximumPayloadBytes)
            let packets = traffic.totalRate.si / packetBits
            let full = (try? BLE1MPHY.packetAirtime(payloadBytes: BLE1MPHY.maximumPayloadBytes)) ?? .zero
            let empty = (try? BLE1MPHY.packetAirtime(payloadBytes: 0)) ?? .zero
            let sleep = radio.sleepCurrent
            var perSecond = (transmit - sleep).si * packets * full.si + (radio.receiveCurrent - sleep).si * packets * empty.si
            perSecond += ((radio.wakeUpCurrent - sleep).si * radio.wakeUpTime.si + (radio.receiveCurrent - sleep).si * empty.si)
                / attended.si
            radioCurrent = Current(si: sleep.si + max(perSecond, 0))
            notes.append("BLE connection events at most \(attended.quantity.formatted) apart")
        case let other?:
            let frames = traffic.rate.si > 0 ? traffic.rate.si / traffic.payload.si : 0
            let onAir = frames * other.frameAirtime(payloadBytes: Int(traffic.payload.bytes.rounded())).si
                + traffic.alarmRate * other.frameAirtime(payloadBytes: Int(traffic.alarmPayload.bytes.rounded())).si
            radioCurrent = radio.sleepCurrent + (transmit - radio.sleepCurrent) * min(onAir, 1)
            notes.append("\(other.name): on air \(significant(onAir * 100)) % of the time, asleep otherwise")
        case nil:
            radioCurrent = radio.sleepCurrent
            notes.append("no data rate known for the radio: asleep throughout")
        }
        return CurrentBound(current: radioCurrent, notes: notes)
    }

    /// The longest life any allowed choice gives (nil without a battery or a radio);
    /// the bound's current is then the battery's average current, platform included.
    func maximumLifetime(maximumInterval: Time?) -> (lifetime: Time, bound: CurrentBound)? {
        guard var bound = minimumAverageCurrent(maximumInterval: maximumInterval),
              let estimate = longestLifetime(radioCurrent: bound.current), let radio else { return nil }
        let supply = DeviceSupplyResolution.platform(deviceClass: device.device.deviceClass.value, rail: radio.supplyVoltage)
        bound.notes.append("radio \(bound.current.quantity.formatted) at \(radio.supplyVoltage.quantity.formatted); platform "
            + "\(supply.platform.name) \(supply.platform.averagePower.quantity.formatted) through \(supply.regulator.name)"
            + (supply.classProfile ? "" : " (\(PlatformBaseline.source))"))
        bound.current = estimate.averageBatteryCurrent
        return (estimate.lifetime, bound)
    }

    var batteryNote: String {
        guard let battery else { return "no battery" }
        let peukert = battery.peukertExponent == 1 ? "linear drain" : "Peukert k \(significant(battery.peukertExponent))"
        return "battery \(battery.name): \(battery.capacity.quantity.formatted), \(peukert)"
    }
}
