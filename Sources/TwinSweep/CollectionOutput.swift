import TwinJSON

/// The collected sweep as files: JSON (canonical) or CSV (one row per point), chosen by
/// the output's extension. Byte-deterministic: no paths of the plan folder, no times,
/// so the same plan collected after any engine gives the same bytes.
extension SweepCollection {
    public static let format = "twinc-sweep-results"

    public func jsonValue() -> JSONValue {
        .object([
            "format": .string(Self.format),
            "version": .int(1),
            "plan": .string(plan.id),
            "name": .string(plan.name),
            "shards": .object([
                ("total", .int(plan.shards.count)),
                ("finished", .int(plan.shards.count - failures.count - missing.count)),
                ("failed", .int(failures.count)),
                ("missing", .int(missing.count)),
            ]),
            "failures": .array(failures.map { .object([("index", .int($0.index)), ("shard", .string($0.shard)), ("error", .string($0.error))]) }),
            "missing": .array(missing.map { .object([("index", .int($0.index)), ("shard", .string($0.id))]) }),
            "pareto": .object([
                ("axes", .array(plan.pareto.map { .object([("goal", .string($0.goal)), ("better", .string($0.maximise ? "higher" : "lower"))]) })),
                ("points", .array(points.filter(\.onFront).map { .int($0.point) })),
            ]),
            "points": .array(points.map(\.jsonValue)),
        ])
    }

    public func canonicalJSON() -> String { JSONWriter.canonical.string(jsonValue()) }

    /// Header: point, twin, each knob, seeds, then per goal its estimate, lower, upper
    /// and verdict, then `pareto` and `incomplete` (shards of the point without a result).
    public func csv() -> String {
        var header = ["point", "twin"] + plan.knobs + ["seeds"]
        for goal in plan.collect { header += [goal, "\(goal).lower", "\(goal).upper", "\(goal).verdict"] }
        header += ["pareto", "incomplete"]
        var lines = [header.map(csvField).joined(separator: ",")]
        for point in points {
            var row = [String(point.point), point.twin]
            row += plan.knobs.map { knob in point.knobs.first { $0.knob == knob }.map { formatKnobValue($0.value) } ?? "" }
            row.append(point.seeds.map(String.init).joined(separator: " "))
            for goal in point.goals {
                row += [goal.estimate.map(JSONWriter.format) ?? "", goal.lower.map(JSONWriter.format) ?? "",
                        goal.upper.map(JSONWriter.format) ?? "", goal.verdict]
            }
            row += [point.onFront ? "yes" : "no", String(point.incomplete)]
            lines.append(row.map(csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension CollectedPoint {
    var jsonValue: JSONValue {
        .object([
            ("point", .int(point)),
            ("twin", .string(twin)),
            ("knobs", .object(knobs.map { ($0.knob, .number($0.value)) })),
            ("seeds", .array(seeds.map { .string(String($0)) })),
            ("incomplete", .int(incomplete)),
            ("pareto", .bool(onFront)),
            ("goals", .array(goals.map { goal in
                .object([
                    "goal": .string(goal.goal), "kpi": .string(goal.kpi), "verdict": .string(goal.verdict),
                    "estimate": goal.estimate.map(JSONValue.number), "lower": goal.lower.map(JSONValue.number),
                    "upper": goal.upper.map(JSONValue.number), "unit": .string(goal.unit), "dimension": .string(goal.dimension),
                ])
            })),
        ])
    }
}

/// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
