import TwinEngine
import TwinJSON
import TwinUnits

/// A sweep expanded into shards: what `twinc sweep plan` writes as `manifest.json` and
/// every engine reads. Each shard is one run of one twin with explicit knob values and
/// a seed. Ids are content hashes (FNV-1a 64 of the canonical description), so planning
/// the same sweep again gives the same ids, and a result file names the plan it
/// belongs to.
public struct SweepPlan: Sendable, Hashable {
    public static let format = "twinc-sweep-plan"
    public static let version = 1

    public var id: String
    public var name: String
    public var run: ShardRunSettings
    /// Goals collected, in the first twin's goal order.
    public var collect: [String]
    public var pareto: [ParetoAxis]
    /// The knobs swept, in the document's order.
    public var knobs: [String]
    public var twins: [PlannedTwin]
    public var shards: [Shard]

    /// Points (twin × knob values) in shard order; a point runs once per seed.
    public var pointCount: Int { (shards.map(\.point).max() ?? -1) + 1 }
}

/// The run settings every shard shares (nil: the twin's own).
public struct ShardRunSettings: Sendable, Hashable {
    public var horizon: Time?
    public var warmup: Time?
    public var replications: Int
    /// Scenarios run (empty: all of the twin's).
    public var scenarios: [String]

    public init(horizon: Time?, warmup: Time?, replications: Int, scenarios: [String]) {
        self.horizon = horizon
        self.warmup = warmup
        self.replications = replications
        self.scenarios = scenarios
    }
}

/// A goal spanning the Pareto front and which way is better.
public struct ParetoAxis: Sendable, Hashable {
    public var goal: String
    public var maximise: Bool

    public init(goal: String, maximise: Bool) {
        self.goal = goal
        self.maximise = maximise
    }
}

/// A twin of the sweep, written once under `twins/<id>.json` and shared by its shards.
public struct PlannedTwin: Sendable, Hashable {
    public var id: String
    /// Where it came from, as the sweep document wrote it.
    public var source: String
    /// Its canonical twin.json.
    public var json: String

    public var file: String { "twins/\(id).json" }
}

public struct KnobSetting: Sendable, Hashable {
    public var knob: String
    public var value: Double

    public init(knob: String, value: Double) {
        self.knob = knob
        self.value = value
    }
}

public struct Shard: Sendable, Hashable {
    public var index: Int
    public var id: String
    public var twin: String
    public var point: Int
    public var knobs: [KnobSetting]
    public var seed: UInt64
}

/// A 16-hex-digit content id: FNV-1a 64 of `text`.
func contentID(_ text: String) -> String {
    let hash = StableHash.fnv1a64(text)
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}

extension ShardRunSettings {
    var jsonValue: JSONValue {
        .object([
            "horizon_s": horizon.map { .number($0.si) },
            "warmup_s": warmup.map { .number($0.si) },
            "replications": .int(replications),
            "scenarios": .array(scenarios.map(JSONValue.string)),
        ])
    }
}

extension Shard {
    /// The shard's content: its twin, knob values, seed and the run settings.
    static func id(twin: String, knobs: [KnobSetting], seed: UInt64, run: ShardRunSettings) -> String {
        contentID(JSONWriter.compact.string(.object([
            ("twin", .string(twin)),
            ("knobs", .array(knobs.map { .array([.string($0.knob), .number($0.value)]) })),
            ("seed", .string(String(seed))),
            ("run", run.jsonValue),
        ])))
    }

    var jsonValue: JSONValue {
        .object([
            ("index", .int(index)),
            ("id", .string(id)),
            ("twin", .string(twin)),
            ("point", .int(point)),
            ("knobs", .array(knobs.map { .object([("knob", .string($0.knob)), ("value", .number($0.value))]) })),
            // A string: a 64-bit seed does not fit a JSON number exactly.
            ("seed", .string(String(seed))),
        ])
    }
}
