
/// What several sections look up in the runtime report's members: the scenarios in run
/// order, each goal's threshold (a latency CDF marks the goal's bound, the lifetime
/// bars the lifetime goal's) and the optimiser's names for index knob values (the
/// energy what-ifs show `csma-ca`, not `1 index`). Read once, with issues recorded once.
struct ResultsIndex {
    struct Scenario {
        var id: String
        var kind: String
        var description: String
    }

    struct Threshold {
        var statistic: String
        var op: String
        var bound: Double
        var unit: String
        var dimension: String?

        /// `p99 ≤ 250 ms`.
        var text: String {
            let symbol = ["<=": "≤", ">=": "≥", "<": "<", ">": ">", "==": "="][op] ?? op
            return "\(statistic) \(symbol) \(NumberText.value(bound, unit: unit, dimension: dimension))"
        }
    }

    var scenarios: [Scenario] = []
    /// Goal id → the dimension its measured value is in (`ratio`, `time`, `count`), from
    /// the first scenario that measured it: other sections' bare numbers get their unit.
    var dimensions: [(goal: String, dimension: String)] = []
    /// Goal id → its deadline (`within_s`: "99.9 % delivered within 250 ms").
    var deadlines: [(goal: String, within: Double)] = []
    /// Goal id → threshold, from the first scenario that states one.
    var thresholds: [(goal: String, kpi: String, threshold: Threshold?)] = []
    /// Goal id → the lowest IEEE 802.15.6 level a `security-protect` goal asks for.
    var requiredLevels: [(goal: String, level: Int)] = []
    /// Knob id (`bp.mac-mode`) → its unit and, for an index knob, the names of its
    /// values (`scheduled`, `csma-ca`), from the optimiser's knob list: every table that
    /// shows a knob's setting uses them.
    var knobs: [(knob: String, unit: String?, labels: [String])] = []

    init(_ root: JSONCursor) {
        for scenario in root.array("scenarios") {
            guard let id = scenario.string("id") else { continue }
            scenarios.append(Scenario(id: id, kind: scenario.string("kind") ?? "", description: scenario.string("description") ?? ""))
            for goal in scenario.array("goals") {
                guard let goalID = goal.string("id") else { continue }
                if let dimension = goal.object("value")?.string("dimension"), !dimensions.contains(where: { $0.goal == goalID }) {
                    dimensions.append((goalID, dimension))
                }
                if let within = goal.number("within_s"), !deadlines.contains(where: { $0.goal == goalID }) {
                    deadlines.append((goalID, within))
                }
                if let level = goal.number("securityLevel"), level == level.rounded(), (0...9).contains(level),
                   !requiredLevels.contains(where: { $0.goal == goalID }) {
                    requiredLevels.append((goalID, Int(level)))
                }
                guard !thresholds.contains(where: { $0.goal == goalID }) else { continue }
                var threshold: Threshold?
                if let t = goal.object("threshold"), let bound = t.number("bound") {
                    threshold = Threshold(statistic: t.string("statistic") ?? "", op: t.string("op") ?? "",
                                          bound: bound, unit: t.string("unit") ?? "", dimension: t.string("dimension"))
                }
                thresholds.append((goalID, goal.string("kpi") ?? "", threshold))
            }
        }
        for knob in root.object("optimisation")?.array("knobs") ?? [] {
            if let id = knob.string("id") { knobs.append((id, knob.string("unit"), knob.strings("labels"))) }
        }
    }

    func labels(ofKnob knob: String) -> [String] {
        knobs.first { $0.knob == knob }?.labels ?? []
    }

    func unit(ofKnob knob: String) -> String? {
        knobs.first { $0.knob == knob }?.unit
    }

    func requiredLevel(of goal: String) -> Int? {
        requiredLevels.first { $0.goal == goal }?.level
    }

    func deadline(of goal: String) -> Double? {
        deadlines.first { $0.goal == goal }?.within
    }

    func dimension(of goal: String) -> String? {
        dimensions.first { $0.goal == goal }?.dimension
    }

    func threshold(of goal: String) -> Threshold? {
        thresholds.first { $0.goal == goal }?.threshold
    }

    /// Goals whose KPI is `kpi` with a bound in `dimension` (e.g. lifetime goals in time).
    func goals(kpi: String) -> [(goal: String, threshold: Threshold)] {
        thresholds.compactMap { entry in
            guard entry.kpi == kpi, let threshold = entry.threshold else { return nil }
            return (entry.goal, threshold)
        }
    }
}
