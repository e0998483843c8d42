import Foundation
import TwinConfig
import TwinModels
import TwinSpec
import TwinUnits

/// A device's medium access in twin.json, sized from its traffic and deadline:
/// - 802.15.6 scheduled access (when the plan chose it): slots of `(1+L)` ms long enough
///   for the frames one allocation carries, 32 slots per superframe (Castalia
///   BaselineBANMac `beaconPeriodLength`), and an allocation every `m` superframes with
///   the interval `P = m·TSF` at most 80 % of the deadline — Tachtatzis et al. 2012 choose
///   every Table 3 row with P equal to the class's latency requirement (ban-numbers.md
///   §8A); twinc keeps a fifth in reserve for a retry in the next superframe and the
///   uplink to the edge;
/// - 802.15.6 CSMA/CA: the device's user priority, 3 retries (the standard leaves the
///   limit to the implementation; the optimiser may change it);
/// - BLE: the longest connection interval on the 1.25 ms grid (7.5 ms … 4 s) that is at
///   most half the deadline, so a sample waits at most one interval plus a retry;
/// - WLAN and faster wearables: `wideband`.
struct MACConfigBuilder {
    let device: ResolvedDevice
    /// The device's deadline (traffic requirement tightened by the goals).
    let deadline: Time
    let scheduled: Bool

    static let retries = 3
    static let slotsPerSuperframe = 32

    func mac() -> MACConfig {
        let priority = min(7, max(0, device.device.priority.value))
        switch device.technology {
        case .banNB where scheduled:
            let (slot, slots, period) = scheduledAllocation()
            return MACConfig(access: "scheduled", userPriority: priority, slotLength: slot, slots: slots, period: period,
                             maxRetries: Self.retries, connectionInterval: .zero)
        case .banNB, .banUWB, .banHBC, .ieee802154:
            return MACConfig(access: "csma-ca", userPriority: priority, slotLength: .zero, slots: 0, period: 0,
                             maxRetries: Self.retries, connectionInterval: .zero)
        case .ble:
            return MACConfig(access: "ble", userPriority: priority, slotLength: .zero, slots: 0, period: 0,
                             maxRetries: Self.retries, connectionInterval: bleInterval())
        default:
            return MACConfig(access: "wideband", userPriority: priority, slotLength: .zero, slots: 0, period: 0,
                             maxRetries: Self.retries, connectionInterval: .zero)
        }
    }

    /// (slot length, slots per superframe, superframes per allocation).
    private func scheduledAllocation() -> (Time, Int, Int) {
        let budget = deadline * 0.8
        // Bytes one allocation carries at the longest interval the deadline allows.
        let bytes = device.traffic.totalRate.si * budget.si / 8
        let frames = max(1, Int((bytes / 255).rounded(.up)))
        // One frame exchange (data, pSIFS, I-Ack) in the 2.4 GHz band's fastest NB mode.
        let perFrame = AirInterface.narrowband(NarrowbandPHY.ism2400Fastest)
            .exchange(payloadBytes: min(255, max(1, Int(bytes.rounded(.up)))))
        let slotMilliseconds = max(1, Int((perFrame.si * Double(frames) * 1000).rounded(.up)))
        var slots = Self.slotsPerSuperframe
        let superframe = Double(slotMilliseconds * slots) / 1000
        if superframe > budget.si { slots = max(1, Int(budget.si * 1000) / slotMilliseconds) }
        let period = max(1, Int(budget.si / (Double(slotMilliseconds * slots) / 1000)))
        return (.milliseconds(Double(slotMilliseconds)), slots, period)
    }

    private func bleInterval() -> Time {
        let step = 0.00125
        let half = deadline.si / 2
        let steps = min(3200, max(6, Int(half / step)))
        return .seconds(Double(steps) * step)
    }
}
