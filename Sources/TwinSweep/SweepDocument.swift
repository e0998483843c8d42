import TwinDiagnostics
import TwinSpec
import TwinUnits

/// A sweep document (`kind: sweep`) as read, every value with the place it was written,
/// so the plan stage can point at the knob or value a twin does not have.
public struct SweepDocument: Sendable {
    public var file: String
    public var name: Located<String>
    /// Intent documents compiled when the sweep is planned, as written (relative to `file`).
    public var intents: [Located<String>]
    /// Compiled twins: a twin.json or a folder holding one.
    public var twins: [Located<String>]
    public var knobs: [KnobAxis]
    public var design: SweepDesign
    /// Base seeds: every point runs once per seed (a shard each).
    public var seeds: [Located<UInt64>]
    public var replications: Int
    /// nil: each twin's own horizon.
    public var horizon: Time?
    public var warmup: Time?
    /// Scenarios to run (empty: all of the twin's).
    public var scenarios: [Located<String>]
    /// Goals whose KPI, interval and verdict are collected (empty: all).
    public var collect: [Located<String>]
    /// Goals spanning the Pareto front (empty: the collected goals the intent's objectives cover).
    public var pareto: [Located<String>]
}

/// One knob of the sweep and the values it takes.
public struct KnobAxis: Sendable {
    public var knob: Located<String>
    public var choice: KnobChoice
    /// The entry, for diagnostics about the whole axis.
    public var range: SourceRange
}

public enum KnobChoice: Sendable {
    /// Every value the knob lists.
    case all
    /// These values, in the knob's unit (a labelled knob's index: `mac-mode` 1 is `csma-ca`).
    case values([Located<Double>])
    /// The knob's listed values within [from, to] (either end open).
    case range(from: Located<Double>?, to: Located<Double>?)
}

public enum SweepDesign: Sendable, Hashable {
    /// Every combination of the knobs' values, the first knob varying slowest.
    case grid
    /// `points` points, each knob's value list cut into `points` equal strata and each
    /// stratum used once per knob, strata paired by a seeded permutation (McKay, Beckman
    /// & Conover 1979).
    case latinHypercube(points: Int, seed: UInt64)
}

/// `-18`, `0.5`, `37`: the shortest text of a knob value, as manifests and CSV write it.
public func formatKnobValue(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
}
