import TwinDiagnostics
import TwinJSON
import TwinUnits
import TwinVocabulary

/// What reading a twin.json produced: the config when it is usable, and every problem
/// found (all of them, not just the first).
public struct ConfigReadResult: Sendable {
    public var config: TwinConfig?
    public var diagnostics: [Diagnostic]
}

extension TwinConfig {
    /// Reads twin.json text. `file` is the path diagnostics show.
    public static func read(text: String, file: String) -> ConfigReadResult {
        let json: LocatedJSON
        switch JSONParser.parse(text) {
        case .success(let value): json = value
        case .failure(let error):
            let at = SourceRange(file: file, line: error.position.line, column: error.position.column)
            return ConfigReadResult(config: nil, diagnostics: [.error(ConfigDiagnostics.syntax, error.message, at: at)])
        }
        let context = ConfigReadContext(file: file)
        let config = decode(json, context: context)
        if context.diagnostics.isEmpty, let config {
            context.diagnostics += config.referenceDiagnostics(json: json, context: context)
            context.diagnostics += config.knobDiagnostics(json: json, context: context)
            context.diagnostics += config.relayDiagnostics(json: json, context: context)
            context.diagnostics += config.eventBudgetDiagnostics(json: json, context: context)
            context.diagnostics += config.sizeDiagnostics(json: json, context: context)
        }
        let diagnostics = context.diagnostics
        return ConfigReadResult(config: diagnostics.hasErrors ? nil : config, diagnostics: diagnostics)
    }

    static func decode(_ json: LocatedJSON, context: ConfigReadContext) -> TwinConfig? {
        let origin = JSONPosition(line: 1, column: 1)
        guard var root = JSONObjectReader(json, path: "", at: origin, context: context) else { return nil }
        if var format = root.object("format") {
            let name = format.string("name")
            let version = format.int("version")
            if name != "twinc-twin" || version != formatVersion {
                context.error(ConfigDiagnostics.version,
                              "twin.json format `\(name)` version \(version) is not supported (this twinc reads `twinc-twin` version \(formatVersion))",
                              at: format.position)
            }
            format.finish()
        }
        guard !context.diagnostics.hasErrors else { return nil }
        let name = root.string("name"), title = root.string("title"), usecase = root.string("usecase")
        let generator = root.string("generator")
        var run = RunSettings(horizon: .zero, replications: 1, seed: 1, warmup: .zero, sampleInterval: .seconds(1))
        if var r = root.object("run") {
            run.horizon = r.time("horizon_s", in: DeclaredRanges.horizon)
            run.replications = r.int("replications", in: DeclaredRanges.replications)
            // Clamped after the range error: a negative or fractional seed must be a
            // diagnostic, not a trap in the conversion.
            run.seed = UInt64(Swift.min(Swift.max(r.number("seed", min: 0, max: 9_007_199_254_740_992), 0),
                                        9_007_199_254_740_992).rounded(.down))
            run.warmup = r.time("warmup_s", in: DeclaredRanges.warmup)
            run.sampleInterval = r.time("sampleInterval_s", in: DeclaredRanges.sampleInterval)
            r.finish()
        }
        let network = root.object("network").map { NetworkConfig.decode($0) }
        let models = root.array("models").compactMap { item, path -> ModelChoice? in
            guard var m = JSONObjectReader(item, path: path, at: item.position, context: context) else { return nil }
            defer { m.finish() }
            return ModelChoice(id: m.string("id"), family: m.closedSet("family", fallback: .channel), method: m.string("method"),
                               applications: m.closedSetList("applications"), parameters: m.numberMap("parameters"),
                               source: m.string("source"))
        }
        let applications = root.array("applications").compactMap { item, path -> ApplicationConfig? in
            guard var a = JSONObjectReader(item, path: path, at: item.position, context: context) else { return nil }
            defer { a.finish() }
            return ApplicationConfig(id: a.closedSet("id", fallback: .networkView), goals: a.strings("goals"),
                                     kpis: a.closedSetList("kpis"))
        }
        let goals = root.array("goals").compactMap { item, path in GoalConfig.decode(item, path: path, context: context) }
        let scenarios = root.array("scenarios").compactMap { item, path in
            ScenarioConfig.decode(item, path: path, horizon: run.horizon, context: context)
        }
        let knobs = root.array("knobs").compactMap { item, path -> KnobConfig? in
            guard var k = JSONObjectReader(item, path: path, at: item.position, context: context) else { return nil }
            defer { k.finish() }
            let values = k.numbers("values")
            let labels = k.raw("labels") == nil ? [] : k.strings("labels")
            return KnobConfig(id: k.string("id"), parameter: k.closedSet("parameter", fallback: .txPower), targets: k.strings("targets"),
                              values: values, current: k.number("current"), unit: k.string("unit"), labels: labels)
        }
        let objectives: [Objective] = root.closedSetList("objectives")
        let provenance = root.raw("provenance").flatMap { raw -> TwinProvenance? in
            guard var reader = JSONObjectReader(raw, path: "provenance", at: raw.position, context: context) else { return nil }
            return TwinProvenance.decode(&reader)
        }
        let activity = root.raw("activity").flatMap { raw -> ActivityConfig? in
            JSONObjectReader(raw, path: "activity", at: raw.position, context: context)
                .map { ActivityConfig.decode($0, context: context) }
        }
        root.finish()
        guard let network, !context.diagnostics.hasErrors else { return nil }
        var config = TwinConfig(name: name, title: title, usecase: usecase, generator: generator, run: run,
                                network: network, models: models, applications: applications, goals: goals,
                                scenarios: scenarios, knobs: knobs, objectives: objectives)
        config.provenance = provenance
        config.activity = activity
        return config
    }
}

extension GoalConfig {
    static func decode(_ item: LocatedJSON, path: String, context: ConfigReadContext) -> GoalConfig? {
        guard var g = JSONObjectReader(item, path: path, at: item.position, context: context) else { return nil }
        defer { g.finish() }
        var threshold: Threshold?
        if let raw = g.raw("threshold"), var t = JSONObjectReader(raw, path: path + ".threshold", at: raw.position, context: context) {
            let statisticText = t.string("statistic"), opText = t.string("op")
            let bound = t.number("bound"), dimensionText = t.string("dimension")
            _ = t.string("unit")
            t.finish()
            let op = ComparisonOperator(rawValue: opText)
            let dimension = Dimension(rawValue: dimensionText)
            let statistic: Statistic? = switch Threshold.parse("\(statisticText) >= 0", defaultDimension: .count) {
            case .success(let parsed): parsed.statistic
            case .failure: nil
            }
            if let op, let dimension, let statistic {
                if let range = DeclaredRanges.target(dimension), !range.contains(bound) {
                    context.outOfRange(path + ".threshold.bound", bound, range, at: raw.position)
                }
                threshold = Threshold(statistic: statistic, op: op, bound: Quantity(bound, dimension))
            } else {
                context.error(ConfigDiagnostics.outOfRange, "`\(path).threshold` has an unknown statistic, operator or dimension", at: raw.position)
            }
        }
        return GoalConfig(
            id: g.string("id"), kpi: g.closedSet("kpi", fallback: .deliveryRatio),
            priority: g.closedSet("priority", fallback: .critical), threshold: threshold,
            devices: g.strings("devices"),
            threats: g.vocabularyList("threats", known: Threat.allCases.map(\.rawValue), Self.threat(named:)),
            faults: g.vocabularyList("faults", known: Fault.allCases.map(\.rawValue), Self.fault(named:)),
            within: g.optionalNumber("within_s", in: DeclaredRanges.goalWithin).map(Time.init(si:)),
            securityLevel: g.raw("securityLevel") == nil ? nil : g.int("securityLevel", in: DeclaredRanges.securityLevel))
    }
}

extension GoalConfig {
    /// A goal's threat under any spelling a scenario event uses (`dos`).
    static func threat(named name: String) -> Threat? {
        if case .attack(let threat)? = ScenarioEventKind(twinJSON: name) { return threat }
        return nil
    }

    /// A goal's fault under any spelling a scenario event uses (`node-failure`, `posture`).
    static func fault(named name: String) -> Fault? {
        if case .fault(let fault)? = ScenarioEventKind(twinJSON: name) { return fault }
        return nil
    }
}

extension ScenarioConfig {
    /// Reads a scenario; events given as fractions of the horizon are resolved against
    /// `horizon` (twin.json's own; `RunPlan` resolves them again for an overridden one).
    static func decode(_ item: LocatedJSON, path: String, horizon: Time, context: ConfigReadContext) -> ScenarioConfig? {
        guard var s = JSONObjectReader(item, path: path, at: item.position, context: context) else { return nil }
        defer { s.finish() }
        let events = s.array("events").compactMap { event, eventPath -> ScenarioEvent? in
            guard var e = JSONObjectReader(event, path: eventPath, at: event.position, context: context) else { return nil }
            defer { e.finish() }
            let atFraction = e.optionalNumber("at_fraction", in: DeclaredRanges.eventStartFraction)
            let at = e.eitherOr("at_s", "at_fraction", required: true)
                ? e.time("at_s", in: DeclaredRanges.eventTime) : Time.zero
            let durationFraction = e.optionalNumber("duration_fraction", in: DeclaredRanges.eventDurationFraction)
            let duration = e.eitherOr("duration_s", "duration_fraction", required: false)
                ? e.optionalNumber("duration_s", in: DeclaredRanges.eventTime).map(Time.init(si:)) : nil
            return ScenarioEvent(at: at, kind: e.scenarioEventKind("kind"), target: e.string("target"), duration: duration,
                                 parameters: e.scenarioParameters("parameters"), atFraction: atFraction,
                                 durationFraction: durationFraction).resolved(horizon: horizon)
        }
        return ScenarioConfig(id: s.string("id"), kind: s.scenarioKind("kind"), description: s.string("description"),
                              goals: s.strings("goals"), events: events)
    }
}
