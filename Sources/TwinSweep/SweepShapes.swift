import TwinSpec
import TwinUnits

/// The shapes of a sweep document: the reader checks against them and `twinc schema
/// sweep` prints the JSON Schema generated from them, so the two cannot drift apart.
public enum SweepShapes {
    public static let knob = ObjectShape(
        "sweep knob", "A knob of the twin and the values the sweep gives it (all of its listed values when neither `values` nor `from`/`to` is given).",
        fields: [
            FieldShape("knob", .text, required: true, "A knob id of the twin (twin.json `knobs[].id`).",
                       example: .string("ecg.tx-power")),
            FieldShape("values", .listOf(.number(minimum: nil, maximum: nil), atLeast: 1),
                       "Values among the knob's listed ones, in the knob's unit (a labelled knob takes the index of its label: `mac-mode` 1 is `csma-ca`).",
                       example: .list([.integer(-18), .integer(-12), .integer(-6), .integer(0)])),
            FieldShape("from", .number(minimum: nil, maximum: nil), "The knob's listed values from this one up.",
                       example: .integer(1)),
            FieldShape("to", .number(minimum: nil, maximum: nil), "The knob's listed values up to this one.",
                       example: .integer(16)),
        ])

    public static let document = ObjectShape(
        "sweep", "A design-space sweep: which twins, which knobs over which values, seeds, horizon and the KPIs to collect.",
        fields: [
            FieldShape("twin", .constant(1), required: true, "Document format version. Only `1` exists.", example: .integer(1)),
            FieldShape("kind", .enumeration(["sweep"]), required: true, "Document kind: `sweep`.", example: .string("sweep")),
            FieldShape("name", .identifier, required: true, "The sweep's name.", example: .string("ecg-vs-pump")),
            FieldShape("description", .text, "What the sweep asks.", example: .string("ECG delivery against pump lifetime.")),
            FieldShape("intents", .listOf(.text, atLeast: 1),
                       "Intent documents to compile and sweep, relative to this file.",
                       example: .list([.string("../Intents/icu-monitoring.yaml")])),
            FieldShape("twins", .listOf(.text, atLeast: 1),
                       "Compiled twins to sweep (twin.json or a folder holding one), relative to this file.",
                       example: .list([.string("../Generated/icu-monitoring")])),
            FieldShape("knobs", .listOf(.object(knob), atLeast: 1), required: true, "The knobs swept."),
            FieldShape("design", .enumeration(["grid", "latin-hypercube"]),
                       "`grid` (every combination, the default) or `latin-hypercube` (`points` seeded samples).",
                       example: .string("grid")),
            FieldShape("points", .integer(1...100_000), "Points of a `latin-hypercube` design.", example: .integer(20)),
            FieldShape("design-seed", .integer(0...Int.max), "Seed of the Latin hypercube's permutations (default 1).",
                       example: .integer(1)),
            FieldShape("seeds", .listOf(.integer(0...Int.max), atLeast: 1),
                       "Base seeds of the runs: each point runs once per seed (default `[1]`).",
                       example: .list([.integer(1), .integer(2)])),
            FieldShape("replications", .integer(1...1000), "Replications per scenario in each run (default 5).",
                       example: .integer(5)),
            FieldShape("horizon", .quantity(.time, QuantityBounds(minimum: 0, exclusive: true, maximum: 10 * 365.25 * 86_400)),
                       "Simulated time per replication (default: the twin's).", example: .string("1 h")),
            FieldShape("warmup", .quantity(.time, .nonNegative), "Time left out of packet statistics (default: the twin's).",
                       example: .string("10 s")),
            FieldShape("scenarios", .listOf(.identifier, atLeast: 1), "Scenarios to run (default: all of the twin's).",
                       example: .list([.string("baseline")])),
            FieldShape("collect", .listOf(.identifier, atLeast: 1), "Goals to collect (default: all).",
                       example: .list([.string("ecg-delivery"), .string("pump-lifetime")])),
            FieldShape("pareto", .listOf(.identifier, atLeast: 1),
                       "Goals spanning the Pareto front (default: the collected goals with a numeric target that the intent's objectives cover).",
                       example: .list([.string("ecg-delivery"), .string("pump-lifetime")])),
        ],
        anyOfRequired: [["intents", "twins"]])

    /// The JSON Schema of sweep documents (`twinc schema sweep`).
    public static func jsonSchema() -> String { TwinSpec.jsonSchema(for: document) }
}
