import TwinDiagnostics
import TwinJSON
import TwinUnits
import TwinVocabulary

extension PlatformConfig {
    func jsonValue() -> JSONValue {
        .object([
            "name": .string(name),
            "regulator": .object([
                "name": .string(regulator.name), "kind": .string(regulator.kind.rawValue), "source": .string(regulator.source),
                "outputVoltage_V": regulator.outputVoltage.map { .number($0.si) },
                "efficiency": .number(regulator.efficiency), "quiescentCurrent_A": .number(regulator.quiescentCurrent.si),
                "minimumInput_V": .number(regulator.minimumInput.si),
            ]),
            "components": .array(components.map { part in
                .object([
                    "name": .string(part.name), "role": .string(part.role.rawValue), "source": .string(part.source),
                    "activePower_W": .number(part.activePower.si), "idlePower_W": .number(part.idlePower.si),
                    "dutyCycle": .number(part.dutyCycle), "energyPerEvent_J": .number(part.energyPerEvent.si),
                    "eventsPerDay": .number(part.eventsPerDay),
                ])
            }),
        ])
    }

    static func decode(_ reader: JSONObjectReader, context: ConfigReadContext) -> PlatformConfig {
        var p = reader
        defer { p.finish() }
        let name = p.string("name")
        var regulator = RegulatorConfig.direct
        if var r = p.object("regulator") {
            regulator = RegulatorConfig(
                name: r.string("name"), kind: r.vocabulary("kind", known: RegulatorKind.allCases.map(\.rawValue), fallback: .direct,
                                                       RegulatorKind.init(rawValue:)), source: r.string("source"),
                outputVoltage: r.optionalNumber("outputVoltage_V", in: DeclaredRanges.voltage).map(Voltage.init(si:)),
                efficiency: r.number("efficiency", in: DeclaredRanges.regulatorEfficiency),
                quiescentCurrent: Current(si: r.number("quiescentCurrent_A", in: DeclaredRanges.current)),
                minimumInput: Voltage(si: r.number("minimumInput_V", in: DeclaredRanges.regulatorMinimumInput)))
            r.finish()
        }
        let components = p.array("components").compactMap { item, path -> PlatformComponentConfig? in
            guard var c = JSONObjectReader(item, path: path, at: item.position, context: context) else { return nil }
            defer { c.finish() }
            return PlatformComponentConfig(
                name: c.string("name"), role: c.vocabulary("role", known: PlatformRole.allCases.map(\.rawValue), fallback: .other,
                                                  PlatformRole.init(rawValue:)), source: c.string("source"),
                activePower: Power(si: c.number("activePower_W", in: DeclaredRanges.platformPower)),
                idlePower: Power(si: c.number("idlePower_W", in: DeclaredRanges.platformPower)),
                dutyCycle: c.number("dutyCycle", in: DeclaredRanges.fraction),
                energyPerEvent: Energy(si: c.number("energyPerEvent_J", in: DeclaredRanges.eventEnergy)),
                eventsPerDay: c.number("eventsPerDay", in: DeclaredRanges.eventsPerDay))
        }
        return PlatformConfig(name: name, regulator: regulator, components: components)
    }
}

extension BatteryConfig {
    /// The optional discharge-curve members of a battery. A curve needs two points or
    /// more, the delivered share rising strictly from 0 and the voltage never rising, so
    /// the cutoff is its last point (TK005 at the point at fault otherwise).
    static func decodeCurve(_ b: inout JSONObjectReader, context: ConfigReadContext)
        -> (chemistry: BatteryChemistry?, cells: Int, curve: [DischargePointConfig], selfDischarge: Double) {
        let chemistry: BatteryChemistry? = b.optionalClosedSet("chemistry")
        let cells = b.raw("cells") == nil ? 1 : b.int("cells", in: DeclaredRanges.cellsInSeries)
        let selfDischarge = b.optionalNumber("selfDischarge_per_year", in: DeclaredRanges.selfDischargePerYear) ?? 0
        guard b.raw("curve") != nil else { return (chemistry, cells, [], selfDischarge) }
        var curve: [DischargePointConfig] = []
        let items = b.array("curve")
        for (item, path) in items {
            guard var point = JSONObjectReader(item, path: path, at: item.position, context: context) else { continue }
            let delivered = point.number("delivered", in: DeclaredRanges.fraction)
            let volts = point.number("voltage_V", in: DeclaredRanges.voltage)
            point.finish()
            if let last = curve.last, delivered <= last.delivered || volts > last.voltage.si {
                context.error(ConfigDiagnostics.outOfRange,
                              "`\(path)` must deliver more than the point before it at no higher a voltage",
                              at: item.position)
            }
            curve.append(DischargePointConfig(delivered: delivered, voltage: .volts(volts)))
        }
        if items.count < 2 || curve.first?.delivered != 0 {
            context.error(ConfigDiagnostics.outOfRange,
                          "`\(b.sub("curve"))` needs at least two points, the first at delivered 0",
                          at: items.first?.0.position ?? b.position)
        }
        return (chemistry, cells, curve, selfDischarge)
    }
}
