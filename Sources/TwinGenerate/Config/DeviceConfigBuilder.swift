import TwinConfig
import TwinModels
import TwinSpec
import TwinSynthesis
import TwinUnits
import TwinVocabulary

/// Resolves one use-case device into its twin.json form: every value the runtime needs,
/// taken from the device, else its class's default, else the catalogue profile, else
/// the linked TwinModels profile (which carries the published TX-level tables and
/// Peukert exponents), in SI.
struct DeviceConfigBuilder {
    let plan: TwinPlan
    let intent: Intent
    let catalogue: SynthesisCatalogue

    func device(_ resolved: ResolvedDevice) -> DeviceConfig {
        let device = resolved.device
        let radio = RadioConfigBuilder(device: resolved, modulation: modulation(of: resolved)).radio()
        return DeviceConfig(
            id: resolved.id, deviceClass: device.deviceClass.value, placement: device.placement.value,
            inBody: device.placement.value == .inBody, tags: device.tags.map(\.value), radio: radio,
            battery: battery(of: resolved),
            platform: PlatformConfigBuilder.platform(deviceClass: device.deviceClass.value, radioVoltage: radio.voltage),
            traffic: traffic(of: resolved),
            mac: MACConfigBuilder(device: resolved, deadline: deadline(of: resolved),
                                  scheduled: provides("mac:scheduled", for: resolved.id)).mac(),
            primaryGateway: device.gateway.primary.value, backupGateway: device.gateway.backup?.value,
            securityLevel: securityLevel(of: resolved.id), relay: device.relay?.value)
    }

    /// Whether a model the plan chose for this device provides `capability`.
    private func provides(_ capability: String, for device: String) -> Bool {
        plan.models.contains { model in
            model.devices.contains(device) && (catalogue.entry(model.id)?.providedCapabilities.contains(capability) ?? false)
        }
    }

    /// The PHY model the plan chose for the device (`phy:dqpsk` → `dqpsk`), else the
    /// technology's usual modulation.
    private func modulation(of device: ResolvedDevice) -> String {
        for model in plan.models where model.devices.contains(device.id) {
            if let phy = catalogue.entry(model.id)?.providedCapabilities.first(where: { $0.hasPrefix("phy:") }) {
                return String(phy.dropFirst(4))
            }
        }
        switch device.technology {
        case .banNB: return "dqpsk"
        case .ble: return "gfsk"
        case .ieee802154: return "oqpsk"
        default: return "wideband"
        }
    }

    private func traffic(of device: ResolvedDevice) -> TrafficConfig {
        let traffic = device.traffic
        return TrafficConfig(
            trafficClass: traffic.trafficClass, payload: traffic.payload, interval: traffic.interval,
            alarmRate: traffic.alarmRate, alarmPayload: traffic.alarmPayload, latencyBudget: deadline(of: device),
            representation: plan.flow(device.id)?.representation ?? .packet)
    }

    /// The device's deadline: its traffic's latency requirement, tightened by any goal
    /// on the device that bounds latency from above or asks for delivery `within` a time
    /// (read as the feasibility bounds read it, `LatencyDemand`).
    func deadline(of device: ResolvedDevice) -> Time {
        intent.goals.filter { goal in
            plan.monitors.first { $0.goal == goal.id.value }?.devices.contains(device.id) ?? false
        }.compactMap { LatencyDemand($0)?.target }.reduce(device.traffic.latency, min)
    }

    /// The highest 802.15.6 security level any `security-protect` goal asks of the
    /// device; level 0 (unsecured) when none does.
    private func securityLevel(of device: String) -> Int {
        let levels = intent.goals.compactMap { goal -> Int? in
            guard goal.kpi.value == .securityProtect,
                  plan.monitors.first(where: { $0.goal == goal.id.value })?.devices.contains(device) ?? false else { return nil }
            return goal.level?.value ?? 2
        }
        return min(2, max(0, levels.max() ?? 0))
    }

    /// Battery: the device's settings over its class default over the catalogue cell;
    /// Peukert when the plan chose the Peukert model for the device.
    private func battery(of device: ResolvedDevice) -> BatteryConfig {
        let settings = device.device.battery
        let classDefault: String? = {
            if case .deviceClass(let profile)? = catalogue.entry(device.device.deviceClass.value)?.details {
                return profile.battery?.value
            }
            return nil
        }()
        let profileID = settings?.profile?.value ?? (settings == nil ? classDefault : nil)
        let entry = profileID.flatMap(catalogue.entry)
        var cell: TwinSpec.BatteryProfile?
        if case .battery(let profile)? = entry?.details { cell = profile }
        let model = entry?.linkedProfileName.flatMap(TwinModels.BatteryProfile.named)
        let capacity = settings?.capacity?.value ?? cell?.capacity.value ?? model?.capacity ?? .zero
        let voltage = settings?.voltage?.value ?? cell?.voltage.value ?? model?.nominalVoltage ?? .volts(3)
        let peukert = provides("battery:peukert", for: device.id) && model != nil
        let ratedTime = model?.ratedDischargeTime ?? .hours(20)
        let chemistry = DeviceSupplyResolution.chemistry(catalogue: cell?.chemistry?.value, nominal: voltage)
        let cells = PlatformConfigBuilder.cells(chemistry, nominal: voltage)
        let selfDischarge = cell?.selfDischarge?.value.si ?? model?.selfDischargePerYear ?? 0
        return BatteryConfig(
            profile: profileID ?? "custom", capacity: capacity, voltage: voltage, model: peukert ? .peukert : .linear,
            peukertExponent: peukert ? (model?.peukertExponent ?? 1) : 1, ratedCurrent: capacity / ratedTime,
            chemistry: chemistry.vocabulary, cells: cells.count, curve: cells.curve, selfDischargePerYear: selfDischarge)
    }
}
