import TwinSpec
import TwinVocabulary

/// What each goal needs modelled, as catalogue capabilities (the strings models list
/// under `provides`). The KPI decides the core families; faults and threats add the
/// models that inject them; the device's radio entry refines a family to the variant
/// its hardware uses (`requires: ["phy:dqpsk"]` on `ieee802156-nb-2400` turns a `phy`
/// demand for that device into `phy` and `phy:dqpsk`).
enum CapabilityDemands {
    static func capabilities(for kpi: KPI) -> [String] {
        switch kpi {
        case .deliveryRatio: ["channel", "phy", "mac", "traffic", "compute"]
        case .latency: ["channel", "phy", "mac", "traffic", "compute"]
        case .throughput: ["phy", "mac", "traffic"]
        case .availability: ["channel", "phy", "mac", "reliability"]
        case .lifetime: ["radio-energy", "battery", "traffic", "mac"]
        case .energy: ["radio-energy", "traffic", "mac"]
        case .recoveryTime: ["reliability", "channel", "mac"]
        case .securityProtect: ["security-level", "cvss"]
        case .securityDetect: ["channel", "phy"]
        }
    }

    static func capabilities(for fault: Fault) -> [String] {
        switch fault {
        case .gatewayFailure: ["failure:gateway", "failover"]
        case .deviceFailure: ["failure:device"]
        case .postureChange: ["mobility"]
        case .linkDegradation: ["fading"]
        case .batteryDepletion: ["failure:battery", "battery"]
        case .interference: ["interference"]
        }
    }

    static func capabilities(for threat: Threat, kpi: KPI) -> [String] {
        kpi == .securityDetect ? ["threat:\(threat.rawValue)", "detect:\(threat.rawValue)"] : ["threat:\(threat.rawValue)"]
    }

    /// Every capability a goal needs, in a fixed order.
    static func capabilities(for goal: Goal) -> [String] {
        var result = capabilities(for: goal.kpi.value)
        for fault in goal.faults { result += capabilities(for: fault.value) }
        for threat in goal.threats { result += capabilities(for: threat.value, kpi: goal.kpi.value) }
        var seen = Set<String>()
        return result.filter { seen.insert($0).inserted }
    }

    /// The refinements a demand for `capability` on `device` adds: the radio entry's
    /// `requires` under that family, and the traffic variant of the device's settings.
    static func refinements(of capability: String, for device: ResolvedDevice?) -> [String] {
        guard let device, !capability.contains(":") else { return [] }
        var result = (device.radioEntry?.requiredCapabilities ?? []).filter { $0.hasPrefix(capability + ":") }
        if capability == "traffic" {
            if device.traffic.trafficClass != nil {
                result.append("traffic:ieee11073")
            } else if [.wlan, .mmwave, .subTHz, .cellular].contains(device.technology) {
                result.append("traffic:stream")
            } else {
                result.append("traffic:sensor")
            }
            if device.traffic.alarmRate > 0 { result.append("traffic:alarm") }
        }
        return result
    }
}
