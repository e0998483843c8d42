import TwinModels
import TwinSpec
import TwinUnits

/// The shortest latency, at a goal's statistic, that any MAC configuration allows a
/// device's packets from generation to the edge:
///
/// - the wait for a transmission opportunity: on the 802.15.6 NB PHY one clear channel
///   assessment under CSMA/CA (scheduled access can only wait longer); on BLE the best
///   connection interval's wait (`AccessWait`, 7.5 ms to 4 s, the best phase against
///   periodic traffic); on 802.15.4 one CCA; none on wideband links;
/// - the frame's airtime at the fastest mode (NB rate table, BLE LE 1M, 802.15.4,
///   the wideband PHY rate);
/// - the gateway's uplink to the edge: the link's latency and the packet's
///   serialisation at its rate (processing at the edge and queueing are left out).
///
/// Each part is the least it can be, so the sum is a lower bound on what the twin can
/// measure.
struct LatencyBound: Sendable {
    var latency: Time
    var notes: [String]
}

extension DeviceBudget {
    func minimumLatency(statistic: Statistic) -> LatencyBound? {
        guard let air else { return nil }
        let traffic = device.traffic
        let payload = Int(traffic.payload.bytes.rounded())
        let airtime = air.deliveryTime(payloadBytes: payload)
        var notes = ["\(traffic.payload.quantity.formatted) packet on \(air.name): \(airtime.quantity.formatted) on air"]
        var access = air.minimumChannelAccess
        if case .ble = air {
            let periodic = traffic.rate.si > 0 ? traffic.interval : nil
            let best = AccessWait.bestBLEWait(packetInterval: periodic, statistic: statistic)
            access = best.wait
            notes.append("BLE connection events: the least \(statistic) wait is \(best.wait.quantity.formatted), "
                + "with a \(best.interval.quantity.formatted) interval"
                + (periodic.map { " against packets every \($0.quantity.formatted)" } ?? " for random arrivals"))
        } else if access.si > 0 {
            notes.append("channel access: one clear channel assessment, \(access.quantity.formatted)")
        }
        var total = access + airtime
        if let uplink {
            let serialisation = uplink.rate.value.si > 0 ? traffic.payload / uplink.rate.value : .zero
            total += uplink.latency.value + serialisation
            notes.append("uplink `\(uplink.id.value)` to `\(uplink.to.value)`: \(uplink.latency.value.quantity.formatted) "
                + "+ \(serialisation.quantity.formatted) serialisation")
        }
        return LatencyBound(latency: total, notes: notes)
    }

    /// The longest opportunity interval a latency target leaves at `statistic` for
    /// packets at random phase (the trade-off check's assumption: the MAC interval, not
    /// the phase, is what the design controls): `(target − fixed parts) / q`.
    func longestInterval(for target: Time, statistic: Statistic) -> Time? {
        guard let fixed = minimumLatency(statistic: .min)?.latency else { return nil }
        let q = AccessWait.quantile(statistic)
        let slack = target - fixed
        guard q > 0 else { return nil }
        return slack.si > 0 ? slack / q : .zero
    }
}
