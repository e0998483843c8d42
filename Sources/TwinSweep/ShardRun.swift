import Foundation
import TwinApplications
import TwinConfig
import TwinDiagnostics
import TwinJSON
import TwinRuntime

/// How one shard's run went.
public enum ShardRunStatus: Sendable, Hashable {
    /// Its result was already there (a re-submitted array, a second `exec`).
    case skipped
    case finished(ShardTiming)
    /// Refused or failed; the error is recorded in `failures/<shard>.json`.
    case failed(String)
}

/// Wall-clock phases of a shard, for `twinc bench` and the Slurm time request.
public struct ShardTiming: Sendable, Hashable {
    public var loadSeconds: Double
    public var runSeconds: Double
    public var writeSeconds: Double
    public var maximumResidentMegabytes: Double

    var jsonValue: JSONValue {
        .object([("load_s", .number(loadSeconds)), ("run_s", .number(runSeconds)), ("write_s", .number(writeSeconds)),
                 ("maxRSS_MB", .number(maximumResidentMegabytes))])
    }

    static func parse(_ text: String) -> ShardTiming? {
        guard case .success(let located) = JSONParser.parse(text) else { return nil }
        let json = located.value
        guard let load = json["load_s"]?.numberValue, let run = json["run_s"]?.numberValue,
              let write = json["write_s"]?.numberValue else { return nil }
        return ShardTiming(loadSeconds: load, runSeconds: run, writeSeconds: write,
                           maximumResidentMegabytes: json["maxRSS_MB"]?.numberValue ?? 0)
    }
}

/// Runs shard `index` of the plan in `folder` through the runtime (`analyseTwin`, no
/// optimiser), with the shard's knob values applied to its twin and its seed, and
/// writes `results/<shard>.json` atomically. A shard whose result exists is skipped;
/// a shard that cannot run records why in `failures/<shard>.json` and returns
/// `.failed` (the other shards are not affected). Errors about the folder itself (no
/// plan, an index outside it) are returned as a diagnostic.
public func runShard(folder: String, index: Int) -> Result<ShardRunStatus, SweepError> {
    let clock = ContinuousClock()
    let start = clock.now
    let plan: SweepPlan
    switch SweepPlan.read(folder: folder) {
    case .success(let read): plan = read
    case .failure(let diagnostic): return .failure(diagnostic)
    }
    guard plan.shards.indices.contains(index) else {
        return .failure(SweepError(.error(SweepDiagnostics.notAPlan, "shard \(index) is outside the plan (shards 0…\(plan.shards.count - 1))",
                               at: .file((folder as NSString).appendingPathComponent("manifest.json")))))
    }
    let shard = plan.shards[index]
    let paths = PlanFolder(folder)
    if paths.finishedResult(shard, plan: plan.id) != nil { return .success(.skipped) }

    func fail(_ error: String) -> Result<ShardRunStatus, SweepError> {
        let failure = ShardFailure(plan: plan.id, shard: shard.id, index: index, error: error)
        if let problem = AtomicFile.write(JSONWriter.canonical.string(failure.jsonValue), to: paths.failure(shard)).first {
            return .failure(SweepError(problem))
        }
        return .success(.failed(error))
    }
    guard let text = paths.read(paths.twin(shard.twin)) else { return fail("its twin `twins/\(shard.twin).json` cannot be read") }
    let read = TwinConfig.read(text: text, file: paths.twin(shard.twin))
    guard var config = read.config, !read.diagnostics.hasErrors else {
        return fail("its twin does not read: " + read.diagnostics.map(\.message).joined(separator: "; "))
    }
    if !plan.run.scenarios.isEmpty {
        config.scenarios = config.scenarios.filter { plan.run.scenarios.contains($0.id) }
    }
    do throws(KnobError) {
        config = try applyKnobs(config, Dictionary(shard.knobs.map { ($0.knob, $0.value) }, uniquingKeysWith: { _, last in last }))
    } catch {
        return fail("knob values refused: \(error.description)")
    }
    let overrides = RunOverrides(horizon: plan.run.horizon, replications: plan.run.replications, seed: shard.seed,
                                 warmup: plan.run.warmup)
    let loaded = clock.now
    let report: RunReport
    do throws(RunFailure) {
        report = try analyseTwin(RunPlan(config: config, overrides: overrides), options: AnalysisOptions()).report
    } catch {
        return fail("the run failed in scenario `\(error.scenarioID)`, replication \(error.replication): \(error.error)")
    }
    let ran = clock.now
    let result = ShardResult.from(report: report, plan: plan.id, shard: shard, collect: plan.collect)
    if let problem = AtomicFile.write(JSONWriter.canonical.string(result.jsonValue), to: paths.result(shard)).first {
        return .failure(SweepError(problem))
    }
    try? FileManager.default.removeItem(atPath: paths.failure(shard))
    let written = clock.now
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let timing = ShardTiming(loadSeconds: seconds(loaded - start), runSeconds: seconds(ran - loaded),
                             writeSeconds: seconds(written - ran), maximumResidentMegabytes: Double(usage.ru_maxrss) / 1024)
    _ = AtomicFile.write(JSONWriter.canonical.string(timing.jsonValue), to: paths.timing(shard))
    return .success(.finished(timing))
}

func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
}

extension PlanFolder {
    /// The recorded timing of a finished shard, when there is one.
    public func recordedTiming(_ shard: Shard) -> ShardTiming? { read(timing(shard)).flatMap(ShardTiming.parse) }
}
