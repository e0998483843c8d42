import Foundation
import TwinConfig
import TwinModels
import TwinSpec
import TwinSynthesis
import TwinUnits

/// A device's medium access in twin.json, sized from its traffic and deadline:
/// - 802.15.6 scheduled access (when the plan chose it): `ScheduledAllocationSizing`
///   (TwinModels) — 32 slots of `(1+L)` ms per superframe, an allocation interval at
///   most 80 % of the deadline (Tachtatzis et al. 2012 Table 3, ban-numbers.md §8A);
///   the optimiser's `mac-mode` knob sizes a switched device with the same function;
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

    func mac() -> MACConfig {
        let priority = min(7, max(0, device.device.priority.value))
        switch device.technology {
        case .banNB where scheduled:
            let (slot, slots, period) = scheduledAllocation()
            return MACConfig(access: .scheduled, userPriority: priority, slotLength: slot, slots: slots, period: period,
                             maxRetries: Self.retries, connectionInterval: .zero)
        case .banNB, .banUWB, .banHBC, .ieee802154:
            return MACConfig(access: .csmaCA, userPriority: priority, slotLength: .zero, slots: 0, period: 0,
                             maxRetries: Self.retries, connectionInterval: .zero)
        case .ble:
            return MACConfig(access: .ble, userPriority: priority, slotLength: .zero, slots: 0, period: 0,
                             maxRetries: Self.retries, connectionInterval: bleInterval())
        default:
            return MACConfig(access: .wideband, userPriority: priority, slotLength: .zero, slots: 0, period: 0,
                             maxRetries: Self.retries, connectionInterval: .zero)
        }
    }

    /// (slot length, slots per superframe, superframes per allocation), sized by
    /// `ScheduledAllocationSizing` (shared with the optimiser's `mac-mode` knob).
    private func scheduledAllocation() -> (Time, Int, Int) {
        let sizing = ScheduledAllocationSizing(totalRate: device.traffic.totalRate, deadline: deadline)
        return (sizing.slotLength, sizing.slots, sizing.period)
    }

    private func bleInterval() -> Time { BLEConnectionSizing.interval(deadline: deadline) }
}
