import TwinSpec
import TwinSynthesis
import TwinUnits
import TwinVocabulary

/// Random use cases and intents that `validate` should accept: device classes, radio
/// profiles and their TX ranges from the built-in catalogue, every number from
/// `DeclaredRanges` (bounds included, through `RangeValues`), goals with targets drawn
/// from `DeclaredRanges.target`. Written as YAML text, so the whole front end reads them.
struct DocumentGenerator {
    struct Facts {
        /// Device classes whose default radio the catalogue knows, with their placements.
        var classes: [(id: String, placements: [String], radio: String, hasBattery: Bool)] = []
        var radios: [String: (technology: String, bands: [String], txRange: ClosedRange<Double>)] = [:]
        var batteries: [String] = []

        static func builtIn() -> Facts {
            var facts = Facts()
            let entries = BuiltinCatalogue.load().catalogues.flatMap(\.entries)
            for entry in entries {
                switch entry.details {
                case .radio(let radio):
                    let low = radio.txPowerMin?.value.dBm ?? DeclaredRanges.transmitPower.lowerBound
                    let high = radio.txPowerMax?.value.dBm ?? DeclaredRanges.transmitPower.upperBound
                    facts.radios[entry.id.value] = (radio.technology.value.rawValue, radio.bands.map(\.value.rawValue),
                                                    low...high)
                case .battery:
                    facts.batteries.append(entry.id.value)
                default: break
                }
            }
            for entry in entries {
                guard case .deviceClass(let profile) = entry.details, let radio = profile.radio?.value,
                      facts.radios[radio] != nil, !profile.placements.isEmpty else { continue }
                facts.classes.append((entry.id.value, profile.placements.map(\.value.rawValue), radio, profile.battery != nil))
            }
            return facts
        }
    }

    let facts: Facts
    var values: RangeValues
    private(set) var deviceIDs: [String] = []

    init(seed: UInt64, facts: Facts) {
        self.facts = facts
        values = RangeValues(seed: seed)
    }

    // MARK: Use case

    mutating func useCase(name: String) -> String {
        let devices = (0..<values.integer(1...5)).map { device(index: $0) }
        deviceIDs = devices.map(\.id)
        let technologies = Set(devices.map(\.technology)).sorted()
        let hubs = values.chance(0.6) ? ["phone", "hub"] : ["phone"]
        var text = """
        twin: 1
        kind: usecase
        name: \(name)
        title: Generated use case
        stakeholders: [Property test]
        story: {summary: A generated body network.}
        requirements: [Anything validate accepts compiles and runs]
        applications:
          - id: network-view
          - id: energy
          - id: resilience
          - id: security
        network:
          devices:

        """
        for device in devices {
            let primary = values.pick(hubs)
            let backup = hubs.count > 1 && values.chance(0.7) ? ", backup: \(hubs.first { $0 != primary }!)" : ""
            text += device.yaml.replacingOccurrences(of: "GATEWAY", with: "{primary: \(primary)\(backup)}")
        }
        text += "  gateways:\n"
        for hub in hubs {
            text += "    - id: \(hub)\n      kind: \(hub == "phone" ? "phone" : "bedside-hub")\n"
            text += hub == "phone" ? "      placement: hip-right\n"
                : "      placement: off-body\n      distance: \(values.quantity(DeclaredRanges.gatewayDistance))\n"
            text += "      technologies: [\(technologies.joined(separator: ", "))]\n"
        }
        text += "  edge:\n    - id: mec\n      tier: extreme-mec\n"
        text += "      processing-delay: \(values.quantity(DeclaredRanges.delay, typical: 0...0.02))\n"
        text += "      availability: \(values.quantity(DeclaredRanges.availability))\n"
        text += "  links:\n"
        for hub in hubs {
            text += "    - id: \(hub)-mec\n      from: \(hub)\n      to: mec\n      technology: \(values.pick(["wlan", "ethernet"]))\n"
            text += "      latency: \(values.quantity(DeclaredRanges.delay, typical: 1e-4...0.05))\n"
            text += "      rate: \(values.quantity(DeclaredRanges.bitRate, typical: 1e6...1e10))\n"
            if values.chance(0.5) { text += "      availability: \(values.quantity(DeclaredRanges.availability))\n" }
            if values.chance(0.5) { text += "      distance: \(values.quantity(DeclaredRanges.linkDistance))\n" }
        }
        return text
    }

    private mutating func device(index: Int) -> (id: String, technology: String, yaml: String) {
        let kind = values.pick(facts.classes)
        let radio = facts.radios[kind.radio]!
        let id = "d\(index)"
        var text = "    - id: \(id)\n      class: \(kind.id)\n      placement: \(values.pick(kind.placements))\n"
        text += "      radio: {profile: \(kind.radio), technology: \(radio.technology)"
        if values.chance(0.5), let band = radio.bands.first { text += ", band: \(band)" }
        if values.chance(0.7) { text += ", tx-power: \(values.quantity(DeclaredRanges.transmitPower, within: radio.txRange))" }
        text += "}\n"
        if !kind.hasBattery || values.chance(0.6) {
            var battery: [String] = []
            if values.chance(0.5), !facts.batteries.isEmpty { battery.append("profile: \(values.pick(facts.batteries))") }
            if battery.isEmpty || values.chance(0.5) {
                battery.append("capacity: \(values.quantity(DeclaredRanges.capacity, typical: 360...36_000))")
            }
            if values.chance(0.5) { battery.append("voltage: \(values.quantity(DeclaredRanges.voltage, typical: 1.2...4.2))") }
            text += "      battery: {\(battery.joined(separator: ", "))}\n"
        }
        text += "      traffic: {\(traffic(technology: radio.technology).joined(separator: ", "))}\n"
        text += "      priority: \(values.integer(DeclaredRanges.userPriority.bounds))\n"
        text += "      gateway: GATEWAY\n"
        return (id, radio.technology, text)
    }

    private mutating func traffic(technology: String) -> [String] {
        var keys: [String] = []
        if values.chance(0.6) { keys.append("class: \(values.pick(TrafficClass.allCases).rawValue)") }
        if keys.isEmpty || values.chance(0.5) {
            keys.append("rate: \(values.quantity(DeclaredRanges.applicationRate, typical: 0.1...2_000))")
        }
        let ieee802156 = ["ban-nb", "ban-uwb", "ban-hbc"].contains(technology)
        if values.chance(0.5) {
            keys.append("packet-size: \(values.quantity(DeclaredRanges.packetSize, within: ieee802156 ? 8...(255 * 8) : nil, typical: 160...2_048))")
        }
        if values.chance(0.3) { keys.append("sampling: \(values.quantity(DeclaredRanges.sampling, typical: 0.01...10))") }
        if values.chance(0.3) {
            keys.append("alarm-interval: \(values.quantity(DeclaredRanges.alarmInterval, typical: 600...86_400))")
        }
        if values.chance(0.3) { keys.append("latency: \(values.quantity(DeclaredRanges.deadline, typical: 0.25...5))") }
        return keys
    }

    // MARK: Intent

    mutating func intent(name: String, useCase: String) -> String {
        var text = """
        twin: 1
        kind: intent
        name: \(name)
        usecase: \(useCase)
        horizon: \(values.quantity(DeclaredRanges.horizon, typical: 60...86_400))
        goals:

        """
        for (index, kpi) in values.subset(KPI.allCases, atLeast: 1).prefix(4).enumerated() {
            text += goal(index: index, kpi: kpi)
        }
        let objectives = values.subset(Objective.allCases, atLeast: 1).map(\.rawValue)
        text += "objectives: [\(objectives.joined(separator: ", "))]\n"
        return text
    }

    private mutating func goal(index: Int, kpi: KPI) -> String {
        var text = "  - id: g\(index)\n    kpi: \(kpi.rawValue)\n    priority: \(values.pick(GoalPriority.allCases).rawValue)\n"
        if kpi.requiresTarget || values.chance(0.5), let range = DeclaredRanges.target(kpi.targetDimension) {
            let statistic = kpi.targetDimension == .time && kpi != .lifetime ? "p99 " : ""
            let atLeast = [.deliveryRatio, .availability, .lifetime, .throughput, .securityDetect].contains(kpi)
            // Lenient targets (the easy end of the range) most of the time, so most
            // designs are feasible; the hard end still comes as a bound.
            let lenient = atLeast ? range.lowerBound...(range.lowerBound + (range.upperBound - range.lowerBound) * 1e-8)
                : (range.upperBound * 0.5)...range.upperBound
            text += "    target: \"\(statistic)\(atLeast ? ">=" : "<=") \(values.quantity(range, typical: lenient))\"\n"
        }
        if values.chance(0.5), !deviceIDs.isEmpty {
            text += "    scope: {devices: [\(values.subset(deviceIDs).joined(separator: ", "))]}\n"
        }
        switch kpi {
        case .securityProtect:
            text += "    threats: [\(values.subset([Threat.eavesdropping, .spoofing, .replay]).map(\.rawValue).joined(separator: ", "))]\n"
            text += "    level: \(values.chance(0.7) ? 2 : values.integer(DeclaredRanges.securityLevel.bounds))\n"
        case .securityDetect:
            text += "    threats: [jamming]\n    within: \(values.quantity(DeclaredRanges.goalWithin, typical: 1...3_600))\n"
        case .recoveryTime:
            text += "    faults: [\(values.pick([Fault.deviceFailure, .deviceFailure, .gatewayFailure]).rawValue)]\n"
        case .deliveryRatio where values.chance(0.5):
            text += "    within: \(values.quantity(DeclaredRanges.goalWithin, typical: 1...60))\n"
        default:
            break
        }
        return text
    }
}
