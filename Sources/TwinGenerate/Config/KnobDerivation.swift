import TwinConfig
import TwinSynthesis
import TwinUnits
import TwinVocabulary

/// The settings the optimiser may turn, each a discrete range in twin.json with its
/// current value: TX power over the radio's listed levels, the retry limit, the
/// 802.15.6 security level, the scheduled-access allocation period, the BLE
/// connection interval, the gateway assignment, the samples aggregated per packet and
/// the 802.15.6 access mode.
/// Knob ids are `device.parameter`, in device order.
///
/// - `gateway` (unit `index`): for a device with a backup gateway, which of its
///   candidate gateways is primary. `labels` lists them as the use case declares them
///   (primary, backup); value i makes `labels[i]` the primary and the other the backup,
///   so 0 is the declared assignment and 1 the swap.
/// - `mac-mode` (unit `index`): for an IEEE 802.15.6 narrowband device, its access,
///   `labels` `["scheduled", "csma-ca"]`, current the configured one. Switching fills the
///   other mode's parameters as `MACConfigBuilder` would (scheduled: the allocation of
///   `ScheduledAllocationSizing` for the device's traffic and deadline; CSMA/CA: no slots).
/// - `aggregation` (unit `samples`): samples per packet, from 1, 2, 4, 8. Aggregating
///   k samples delays the first by `(k − 1)·interval` (`TrafficConfig.aggregationDelay`),
///   so only the values whose delay fits in half the device's latency budget are
///   offered (the other half is left for the access wait, air time and uplink); the
///   knob exists only when that leaves more than one value. The budget already carries
///   the intent's latency goals (`DeviceConfigBuilder.deadline`); whether a value still
///   meets them is the optimiser's judgement.
/// - `relay` (unit `index`): for a device that a delivery-ratio goal names, that has
///   no relay of its own in the use case and relays no other device, its on-body relay
///   (issue 11 §4): `labels` are `none` (direct only, the current value) and the
///   devices that can relay it (`DeviceConfig.relayRefusal`) and are not relayed
///   themselves, in network order, leaving out every device a delivery goal names
///   (those may get a relay knob themselves: two hops at most, whatever the optimiser
///   turns). The knob exists only when some device qualifies; the optimiser still
///   refuses any combination of knobs that breaks the rule (`applyKnobs`).
struct KnobDerivation {
    let network: NetworkConfig
    var goals: [GoalConfig] = []

    /// The aggregation levels offered, before the latency budget prunes them.
    static let aggregationLevels = [1, 2, 4, 8]

    func knobs() -> [KnobConfig] {
        network.devices.flatMap(knobs(of:))
    }

    private func knobs(of device: DeviceConfig) -> [KnobConfig] {
        var result: [KnobConfig] = []
        let levels = device.radio.txLevels.map(\.level.dBm)
        if levels.count > 1 {
            result.append(KnobConfig(id: "\(device.id).tx-power", parameter: .txPower, targets: [device.id],
                                     values: levels, current: device.radio.txPower.dBm, unit: KnobParameter.txPower.unit))
        }
        let mac = device.mac
        if mac.access != .wideband {
            result.append(KnobConfig(id: "\(device.id).max-retries", parameter: .maxRetries, targets: [device.id],
                                     values: [0, 1, 2, 3, 4, 7], current: Double(mac.maxRetries), unit: KnobParameter.maxRetries.unit))
            result.append(KnobConfig(id: "\(device.id).security-level", parameter: .securityLevel,
                                     targets: [device.id], values: [0, 1, 2], current: Double(device.securityLevel),
                                     unit: KnobParameter.securityLevel.unit))
        }
        if let mode = macModeKnob(of: device) { result.append(mode) }
        if mac.access == .scheduled {
            let values = [1, 2, 4, 8, 16, 32, mac.period].map(Double.init).removingRepeats().sorted()
            result.append(KnobConfig(id: "\(device.id).period", parameter: .allocationPeriod, targets: [device.id],
                                     values: values, current: Double(mac.period), unit: KnobParameter.allocationPeriod.unit))
        }
        if mac.access == .ble {
            let current = mac.connectionInterval.si
            let values = [0.0075, 0.015, 0.03, 0.05, 0.1, 0.25, 0.5, 1, current].removingRepeats().sorted()
            result.append(KnobConfig(id: "\(device.id).connection-interval", parameter: .connectionInterval,
                                     targets: [device.id], values: values, current: current, unit: KnobParameter.connectionInterval.unit))
        }
        if let gateway = gatewayKnob(of: device) { result.append(gateway) }
        if let aggregation = aggregationKnob(of: device) { result.append(aggregation) }
        if let relay = relayKnob(of: device) { result.append(relay) }
        return result
    }

    /// Devices a delivery-ratio goal names: the ones a relay is offered to.
    private var relayedCandidates: Set<String> {
        Set(goals.filter { $0.kpi == .deliveryRatio }.flatMap(\.devices))
    }

    /// The relay choice of a device a delivery goal names, when some device can relay it.
    private func relayKnob(of device: DeviceConfig) -> KnobConfig? {
        let sources = relayedCandidates
        // A device that relays another cannot be relayed itself (no chains).
        guard sources.contains(device.id), device.relay == nil,
              !network.devices.contains(where: { $0.relay == device.id }) else { return nil }
        let candidates = network.devices.filter { other in
            !sources.contains(other.id) && other.relay == nil && device.relayRefusal(by: other) == nil
        }.map(\.id)
        guard !candidates.isEmpty else { return nil }
        let labels = ["none"] + candidates.prefix(31)
        return KnobConfig(id: "\(device.id).relay", parameter: .relay, targets: [device.id],
                          values: labels.indices.map(Double.init), current: 0, unit: KnobParameter.relay.unit,
                          labels: labels)
    }

    /// Scheduled access or CSMA/CA for an 802.15.6 narrowband device that has one of
    /// them (the other technologies' access is fixed by their standard). Derived before
    /// the allocation period, so the optimiser applies the mode first and the period
    /// on top of it.
    private func macModeKnob(of device: DeviceConfig) -> KnobConfig? {
        guard device.radio.technology == .banNB, let current = AccessMode.narrowbandModes.firstIndex(of: device.mac.access) else {
            return nil
        }
        return KnobConfig(id: "\(device.id).mac-mode", parameter: .macMode, targets: [device.id],
                          values: AccessMode.narrowbandModes.indices.map(Double.init), current: Double(current),
                          unit: KnobParameter.macMode.unit,
                          labels: AccessMode.narrowbandModes.map(\.rawValue))
    }

    /// The primary-gateway choice of a device with a distinct backup that the network has.
    private func gatewayKnob(of device: DeviceConfig) -> KnobConfig? {
        guard let backup = device.backupGateway, backup != device.primaryGateway else { return nil }
        let candidates = [device.primaryGateway, backup]
        guard candidates.allSatisfy({ id in network.gateways.contains { $0.id == id } }) else { return nil }
        return KnobConfig(id: "\(device.id).gateway", parameter: .gateway, targets: [device.id],
                          values: candidates.indices.map(Double.init), current: 0, unit: KnobParameter.gateway.unit, labels: candidates)
    }

    /// Samples per packet whose aggregation delay fits in half the latency budget.
    private func aggregationKnob(of device: DeviceConfig) -> KnobConfig? {
        let traffic = device.traffic
        guard traffic.interval.si > 0, traffic.payload.si > 0 else { return nil }
        let room = traffic.latencyBudget.si / 2
        let levels = Self.aggregationLevels.filter { Double($0 - 1) * traffic.interval.si <= room * (1 + 1e-9) }
        let values = (levels + [traffic.samplesPerPacket]).map(Double.init).removingRepeats().sorted()
        guard values.count > 1 else { return nil }
        return KnobConfig(id: "\(device.id).aggregation", parameter: .aggregation, targets: [device.id],
                          values: values, current: Double(traffic.samplesPerPacket), unit: KnobParameter.aggregation.unit)
    }
}
