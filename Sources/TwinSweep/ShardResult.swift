import Foundation
import TwinJSON
import TwinOutput
import TwinRuntime

/// What one shard found, as `results/<shard>.json` holds it: per collected goal the
/// KPI estimate with its 95 % interval (from the first scenario that evaluated it) and
/// the goal's verdict over every scenario run. No wall-clock time, no path: the same
/// shard gives the same bytes on any engine and any machine.
public struct ShardResult: Sendable, Hashable {
    public static let format = "twinc-sweep-shard"
    public static let version = 1

    public var plan: String
    public var shard: String
    public var index: Int
    public var goals: [CollectedGoal]

    public struct CollectedGoal: Sendable, Hashable {
        public var goal: String
        public var kpi: String
        public var verdict: String
        /// The scenario the value is from (nil: no scenario evaluated the goal).
        public var scenario: String?
        /// `Estimate.jsonValue()` of the run report: estimate, lower, upper, unit, dimension, method.
        public var value: JSONValue?
    }

    /// The collected goals of a run report, in `collect` order.
    static func from(report: RunReport, plan: String, shard: Shard, collect: [String]) -> ShardResult {
        let goals = collect.map { id -> CollectedGoal in
            let summary = report.summary.first { $0.goalID == id }
            let evaluated = report.scenarios.lazy.compactMap { scenario in
                scenario.goals.first { $0.goalID == id && $0.verdict != .notEvaluated && $0.value != nil }.map { (scenario.id, $0) }
            }.first
            return CollectedGoal(goal: id, kpi: (summary?.kpi ?? evaluated?.1.kpi)?.rawValue ?? "", verdict: (summary?.verdict ?? .notEvaluated).rawValue,
                                 scenario: evaluated?.0, value: evaluated?.1.value?.jsonValue())
        }
        return ShardResult(plan: plan, shard: shard.id, index: shard.index, goals: goals)
    }

    var jsonValue: JSONValue {
        .object([
            "format": .string(Self.format), "version": .int(Self.version),
            "plan": .string(plan), "shard": .string(shard), "index": .int(index),
            "goals": .array(goals.map { goal in
                .object([
                    "goal": .string(goal.goal), "kpi": .string(goal.kpi), "verdict": .string(goal.verdict),
                    "scenario": goal.scenario.map(JSONValue.string), "value": goal.value,
                ])
            }),
        ])
    }

    static func parse(_ text: String) -> ShardResult? {
        guard case .success(let located) = JSONParser.parse(text) else { return nil }
        let json = located.value
        guard json["format"]?.stringValue == format, json["version"]?.numberValue == Double(version),
              let plan = json["plan"]?.stringValue, let shard = json["shard"]?.stringValue,
              let index = json["index"]?.numberValue, let goals = json["goals"]?.arrayValue else { return nil }
        return ShardResult(plan: plan, shard: shard, index: Int(index), goals: goals.compactMap { goal in
            guard let id = goal["goal"]?.stringValue, let verdict = goal["verdict"]?.stringValue else { return nil }
            return CollectedGoal(goal: id, kpi: goal["kpi"]?.stringValue ?? "", verdict: verdict,
                                 scenario: goal["scenario"]?.stringValue, value: goal["value"])
        })
    }
}

/// A shard that did not produce a result: its run was refused or failed (written by
/// `sweep run`), or its process died (written by the engine that started it).
public struct ShardFailure: Sendable, Hashable {
    public static let format = "twinc-sweep-failure"

    public var plan: String
    public var shard: String
    public var index: Int
    public var error: String

    public init(plan: String, shard: String, index: Int, error: String) {
        self.plan = plan
        self.shard = shard
        self.index = index
        self.error = error
    }

    var jsonValue: JSONValue {
        .object([
            ("format", .string(Self.format)), ("plan", .string(plan)), ("shard", .string(shard)), ("index", .int(index)),
            ("error", .string(error)),
        ])
    }

    static func parse(_ text: String) -> ShardFailure? {
        guard case .success(let located) = JSONParser.parse(text) else { return nil }
        let json = located.value
        guard json["format"]?.stringValue == format, let plan = json["plan"]?.stringValue, let shard = json["shard"]?.stringValue,
              let index = json["index"]?.numberValue, let error = json["error"]?.stringValue else { return nil }
        return ShardFailure(plan: plan, shard: shard, index: Int(index), error: error)
    }
}

/// Where a plan folder keeps each shard's files.
public struct PlanFolder: Sendable {
    public var path: String

    public init(_ path: String) { self.path = path }

    public func result(_ shard: Shard) -> String { file("results/\(shard.id).json") }
    public func failure(_ shard: Shard) -> String { file("failures/\(shard.id).json") }
    /// Wall-clock phases of the shard's run (not collected: they differ between runs).
    public func timing(_ shard: Shard) -> String { file("timing/\(shard.id).json") }
    public func twin(_ id: String) -> String { file("twins/\(id).json") }
    public var resultsFolder: String { file("results") }

    func file(_ relative: String) -> String { (path as NSString).appendingPathComponent(relative) }

    /// The shard's result when it is there and belongs to `plan`.
    public func finishedResult(_ shard: Shard, plan: String) -> ShardResult? {
        guard let text = read(result(shard)), let parsed = ShardResult.parse(text), parsed.plan == plan,
              parsed.shard == shard.id else { return nil }
        return parsed
    }

    public func recordedFailure(_ shard: Shard) -> ShardFailure? { read(failure(shard)).flatMap(ShardFailure.parse) }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) }
    }

    /// Shards with no result yet, in index order.
    public func pendingShards(_ plan: SweepPlan) -> [Shard] {
        plan.shards.filter { !FileManager.default.fileExists(atPath: result($0)) }
    }
}
