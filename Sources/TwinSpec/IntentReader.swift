import TwinDiagnostics
import TwinUnits
import TwinVocabulary

/// Builds an `Intent` from a reader opened on the document root with
/// `IntentShapes.document`, including the per-goal rules that depend on the KPI
/// (which keys apply, which are required, the target's dimension).
enum IntentReader {
    static func read(_ r: inout MappingReader, file: String) -> Intent? {
        let name = r.identifier("name")
        let title = r.text("title")
        let description = r.text("description")
        let usecase = r.identifier("usecase")
        let horizon = r.measure("horizon", as: Time.self)
        let goals = r.objects("goals", goal)
        let objectives = r.enumerations("objectives", as: Objective.self)
        let flows = r.objects("flows", flowPin)
        let activity = r.enumeration("activity", as: ActivityProfileName.self)
        guard let name, let usecase, let horizon else { return nil }
        return Intent(
            file: file, name: name, title: title, description: description, usecase: usecase,
            horizon: horizon, goals: goals, objectives: objectives, flows: flows, activity: activity)
    }

    static func flowPin(_ r: inout MappingReader) -> FlowPin? {
        let device = r.identifier("device")
        let representation = r.enumeration("representation", as: FlowRepresentation.self)
        guard let device, let representation else { return nil }
        return FlowPin(device: device, representation: representation)
    }

    static func goal(_ r: inout MappingReader) -> Goal? {
        let id = r.identifier("id")
        let description = r.text("description")
        let kpi = r.enumeration("kpi", as: KPI.self)
        let target = r.threshold("target", for: kpi?.value)
        let scope = r.object("scope") { s -> GoalScope? in
            GoalScope(
                range: s.node.range, devices: s.identifiers("devices"), classes: s.identifiers("classes"),
                tags: s.identifiers("tags"))
        }
        let priority = r.enumeration("priority", as: GoalPriority.self)
        if priority == nil, case .int? = r.pair("priority")?.value.scalar?.value {
            r.addNote("a goal's `priority` is a word; the integers 0–7 are a device's IEEE 802.15.6 user priority "
                      + "in the use case", toProblemsWith: "priority")
        }
        let within = r.measure("within", as: Time.self)
        let threats = r.enumerations("threats", as: Threat.self)
        let level = r.integer("level")
        let faults = r.enumerations("faults", as: Fault.self)
        let at = r.measure("at", as: Time.self)
        if let kpi { checkKPIRules(kpi, &r) }
        if at != nil, !r.has("faults"), !r.has("threats"), let range = r.keyRange("at") {
            r.report(.error(SpecDiagnostics.notApplicable, "`at` applies only to a goal with `faults` or `threats`",
                            at: range, notes: [DiagnosticNote("`at` is when the goal's faults or attacks happen")]))
        }
        guard let id, let kpi, let priority else { return nil }
        return Goal(
            id: id, description: description, kpi: kpi, target: target, scope: scope, priority: priority,
            within: within, threats: threats, level: level, faults: faults, at: at)
    }

    /// Which of `target`, `within`, `threats`, `level`, `faults` a KPI requires or
    /// forbids (docs/documents.md, the KPI table).
    private static func checkKPIRules(_ kpi: Located<KPI>, _ r: inout MappingReader) {
        let name = kpi.value.rawValue
        func require(_ key: String, _ why: String) {
            guard !r.has(key) else { return }
            r.report(.error(
                SpecDiagnostics.missingField, "a `\(name)` goal needs `\(key)`", at: r.node.range,
                notes: [DiagnosticNote(why), DiagnosticNote("the KPI is set here", at: kpi.range)]))
        }
        func forbid(_ key: String, _ why: String) {
            guard let range = r.keyRange(key) else { return }
            r.report(.error(
                SpecDiagnostics.notApplicable, "`\(key)` does not apply to a `\(name)` goal", at: range,
                notes: [DiagnosticNote(why), DiagnosticNote("the KPI is set here", at: kpi.range)]))
        }
        if kpi.value.requiresTarget {
            require("target", "write the condition to meet, e.g. `\(QuantityReading.exampleTarget(kpi.value.targetDimension))`")
        }
        switch kpi.value {
        case .securityProtect:
            require("threats", "name the threats to protect against, e.g. `threats: [eavesdropping]`")
            require("level", "give the minimum IEEE 802.15.6 security level, e.g. `level: 2`")
            forbid("within", "`within` is the detection time of a `security-detect` goal")
        case .securityDetect:
            require("threats", "name the threats to detect, e.g. `threats: [jamming]`")
            require("within", "give the detection time, e.g. `within: 2 s`")
            forbid("level", "`level` belongs to `security-protect` goals")
        case .deliveryRatio:
            forbid("threats", "only security goals name threats")
            forbid("level", "only `security-protect` goals have a security level")
        case .recoveryTime:
            require("faults", "recovery is measured after a fault, e.g. `faults: [gateway-failure]`")
            fallthrough
        default:
            forbid("threats", "only security goals name threats")
            forbid("level", "only `security-protect` goals have a security level")
            forbid("within", "`within` is a deadline of `delivery-ratio` and `security-detect` goals")
        }
    }
}
