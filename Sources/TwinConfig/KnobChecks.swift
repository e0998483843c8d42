import TwinDiagnostics
import TwinJSON
import TwinUnits
import TwinVocabulary

/// What a knob of each parameter may hold: its unit and the range of its values (a
/// quantity, a whole number, or an index into the knob's labels). The compiler's
/// `KnobDerivation` writes knobs that fit; these rules hold a hand-edited twin.json to
/// the same, so the optimiser and the energy what-ifs only ever see values they can
/// apply (no `n/a dBm`, no 1e19 superframes converted to an integer).
struct KnobRule {
    enum Values {
        case quantity(QuantityRange)
        case whole(CountRange)
        /// An index into `labels`, which must be drawn from `allowed` (nil: gateway ids).
        case index(allowed: [String]?)
        /// An index into `labels`: `none`, then ids of devices of the network.
        case relayChoice
    }

    var unit: String
    var values: Values

    static func rule(for parameter: KnobParameter) -> KnobRule {
        switch parameter {
        case .txPower: KnobRule(unit: parameter.unit, values: .quantity(DeclaredRanges.radioPowerLevel))
        case .maxRetries: KnobRule(unit: parameter.unit, values: .whole(DeclaredRanges.retries))
        case .securityLevel: KnobRule(unit: parameter.unit, values: .whole(DeclaredRanges.securityLevel))
        case .allocationPeriod: KnobRule(unit: parameter.unit, values: .whole(DeclaredRanges.allocationPeriodSetting))
        case .connectionInterval: KnobRule(unit: parameter.unit, values: .quantity(DeclaredRanges.connectionIntervalSetting))
        case .aggregation: KnobRule(unit: parameter.unit, values: .whole(DeclaredRanges.aggregation))
        case .gateway: KnobRule(unit: parameter.unit, values: .index(allowed: nil))
        case .macMode: KnobRule(unit: parameter.unit, values: .index(allowed: AccessMode.narrowbandModes.map(\.rawValue)))
        case .relay: KnobRule(unit: parameter.unit, values: .relayChoice)
        }
    }
}

extension JSONObjectReader {
    /// An array of numbers; each element that is not a number is reported (and dropped).
    mutating func numbers(_ key: String) -> [Double] {
        items(key, kind: "a number") { if case .number(let n, _) = $0 { n } else { nil } }
    }
}

extension TwinConfig {
    /// Knobs checked against their parameter's rule, the devices they target, each other
    /// (unique ids) and the work limits (`TwinLimits`); ids of devices, gateways, edge
    /// tiers and goals unique (the optimiser and the verdicts key goals by id). Positions
    /// point at the knob (or node, or goal) at fault.
    func knobDiagnostics(json: LocatedJSON, context: ConfigReadContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func at(_ list: LocatedJSON?, _ index: Int) -> SourceRange {
            if case .array(let items, let p) = list { return context.range(index < items.count ? items[index].position : p) }
            return context.range(JSONPosition(line: 1, column: 1))
        }
        let network = json["network"]
        for (name, ids, list) in [("device", self.network.devices.map(\.id), network?["devices"]),
                                  ("gateway", self.network.gateways.map(\.id), network?["gateways"]),
                                  ("edge tier", self.network.edges.map(\.id), network?["edges"]),
                                  ("knob", knobs.map(\.id), json["knobs"]),
                                  ("goal", goals.map(\.id), json["goals"])] {
            var seen: Set<String> = []
            for (index, id) in ids.enumerated() where !seen.insert(id).inserted {
                found.append(.error(ConfigDiagnostics.duplicateID, "two \(name)s have the id `\(id)`", at: at(list, index)))
            }
        }
        let devices = Set(self.network.devices.map(\.id))
        let gateways = Set(self.network.gateways.map(\.id))
        var perDevice: [String: Int] = [:]
        for (index, knob) in knobs.enumerated() {
            let range = at(json["knobs"], index)
            func refuse(_ message: String) { found.append(.error(ConfigDiagnostics.badKnob, "knob `\(knob.id)`: \(message)", at: range)) }
            if knob.targets.isEmpty { refuse("targets no device") }
            for target in knob.targets {
                if devices.contains(target) {
                    perDevice[target, default: 0] += 1
                } else {
                    found.append(.error(ConfigDiagnostics.unknownReference,
                                        "knob `\(knob.id)` targets unknown device `\(target)`", at: range))
                }
            }
            if knob.values.isEmpty || knob.values.count > TwinLimits.valuesPerKnob {
                refuse("offers \(knob.values.count) values; a knob offers 1 to \(TwinLimits.valuesPerKnob)")
            }
            let rule = KnobRule.rule(for: knob.parameter)
            if knob.unit != rule.unit { refuse("`\(knob.parameter)` is set in `\(rule.unit)`, not `\(knob.unit)`") }
            for value in knob.values + [knob.current] {
                if let problem = Self.problem(of: value, under: rule, labels: knob.labels, gateways: gateways,
                                              devices: devices) {
                    refuse(problem)
                    break
                }
            }
        }
        for (device, count) in perDevice.sorted(by: { $0.key < $1.key }) where count > TwinLimits.knobsPerDevice {
            let index = self.network.devices.firstIndex { $0.id == device } ?? 0
            found.append(.error(ConfigDiagnostics.badKnob,
                                "\(count) knobs target device `\(device)`; the optimiser searches at most \(TwinLimits.knobsPerDevice) a device",
                                at: at(network?["devices"], index)))
        }
        return found
    }

    /// Why `value` cannot be a setting of a knob under `rule`; nil when it can.
    private static func problem(of value: Double, under rule: KnobRule, labels: [String], gateways: Set<String>,
                                devices: Set<String>) -> String? {
        switch rule.values {
        case .quantity(let range):
            return range.contains(value) ? nil
                : "value \(QuantityRange.number(value)) \(rule.unit) is not \(range.description) (\(range.reason))"
        case .whole(let range):
            return range.integer(value) != nil ? nil
                : "value \(QuantityRange.number(value)) is not a whole number from \(range.bounds.lowerBound) to \(range.bounds.upperBound)"
        case .index(let allowed):
            if labels.count < 2 { return "an index knob needs at least two labels" }
            if let allowed, let stray = labels.first(where: { !allowed.contains($0) }) {
                return "label `\(stray)` is not one of \(allowed.map { "`\($0)`" }.joined(separator: ", "))"
            }
            if allowed == nil, let stray = labels.first(where: { !gateways.contains($0) }) {
                return "label `\(stray)` is not a gateway of the network"
            }
            return CountRange(0...(labels.count - 1), reason: "").integer(value) != nil ? nil
                : "value \(QuantityRange.number(value)) is not an index into its \(labels.count) labels"
        case .relayChoice:
            if labels.count < 2 || labels[0] != "none" { return "a relay knob's labels are `none`, then devices" }
            if let stray = labels.dropFirst().first(where: { !devices.contains($0) }) {
                return "label `\(stray)` is not a device of the network"
            }
            return CountRange(0...(labels.count - 1), reason: "").integer(value) != nil ? nil
                : "value \(QuantityRange.number(value)) is not an index into its \(labels.count) labels"
        }
    }
}
