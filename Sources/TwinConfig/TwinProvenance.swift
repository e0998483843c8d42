import TwinDiagnostics
import TwinJSON
import TwinUnits

/// Where a twin.json came from when twinc derived it from another rather than compiling
/// it: `twinc run … --recommended-out DIR` writes the recommended twin — the source twin
/// with the optimiser's knob settings applied — and notes here which twin it came from,
/// which knobs changed, and the run that confirmed the change, so the file can be re-run,
/// diffed against its source and deployed knowing what it is. A compiled twin has none;
/// twin.json writes the member only when present, so older files read unchanged.
public struct TwinProvenance: Sendable, Hashable {
    /// How it was made (`twinc run --recommended-out`).
    public var method: String
    /// The source twin's `name` and `generator`.
    public var source: String
    public var sourceGenerator: String
    /// Every knob the derivation changed, in knob order.
    public var changes: [Change]
    /// The run that confirmed it: horizon, replications and seed of the verdict table.
    public var horizon: Time
    public var replications: Int
    public var seed: UInt64

    public struct Change: Sendable, Hashable {
        public var knob: String
        public var from: Double
        public var to: Double

        public init(knob: String, from: Double, to: Double) {
            self.knob = knob
            self.from = from
            self.to = to
        }
    }

    public init(method: String, source: String, sourceGenerator: String, changes: [Change], horizon: Time,
                replications: Int, seed: UInt64) {
        self.method = method
        self.source = source
        self.sourceGenerator = sourceGenerator
        self.changes = changes
        self.horizon = horizon
        self.replications = replications
        self.seed = seed
    }

    func jsonValue() -> JSONValue {
        .object([
            "method": .string(method), "source": .string(source), "sourceGenerator": .string(sourceGenerator),
            "changes": .array(changes.map { change in
                .object(["knob": .string(change.knob), "from": .number(change.from), "to": .number(change.to)])
            }),
            "horizon_s": .number(horizon.si), "replications": .int(replications), "seed": .number(Double(seed)),
        ])
    }

    static func decode(_ reader: inout JSONObjectReader) -> TwinProvenance {
        defer { reader.finish() }
        let changes = reader.array("changes").compactMap { item, path -> Change? in
            guard var c = JSONObjectReader(item, path: path, at: item.position, context: reader.context) else { return nil }
            defer { c.finish() }
            return Change(knob: c.string("knob"), from: c.number("from"), to: c.number("to"))
        }
        return TwinProvenance(
            method: reader.string("method"), source: reader.string("source"),
            sourceGenerator: reader.string("sourceGenerator"), changes: changes,
            horizon: Time(si: reader.number("horizon_s", min: 0)), replications: reader.int("replications", min: 1),
            seed: UInt64(Swift.min(Swift.max(reader.number("seed", min: 0, max: 9_007_199_254_740_992), 0),
                                   9_007_199_254_740_992).rounded(.down)))
    }

    static func schema() -> JSONValue {
        typealias S = TwinSchemaBuilder
        return S.object("How twinc derived this twin from another (`twinc run --recommended-out`); absent in a compiled twin.", [
            ("method", S.string("How it was made.")),
            ("source", S.string("The source twin's name.")),
            ("sourceGenerator", S.string("The twinc version that wrote the source twin.")),
            ("changes", S.array("The knobs changed, in knob order.", S.object("A knob change.", [
                ("knob", S.string("Knob id.")), ("from", S.number("The source twin's value.")),
                ("to", S.number("The value in this twin.")),
            ]))),
            ("horizon_s", S.number("Horizon of the run that confirmed the change, seconds.", minimum: 0)),
            ("replications", S.integer("Replications of that run.", minimum: 1)),
            ("seed", S.integer("Seed of that run.", minimum: 0)),
        ])
    }
}
