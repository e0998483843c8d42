import Foundation
import TwinDiagnostics
import TwinDriver
import TwinJSON
import TwinUnits

/// The plan folder's `manifest.json`: the plan as canonical JSON, written by `twinc
/// sweep plan` and read by every later command (run, exec, status, collect).
extension SweepPlan {
    func manifestJSON(includingID: Bool = true) -> JSONValue {
        .object([
            "format": .string(Self.format),
            "version": .int(Self.version),
            "plan": includingID ? .string(id) : nil,
            "name": .string(name),
            "run": run.jsonValue,
            "collect": .array(collect.map(JSONValue.string)),
            "pareto": .array(pareto.map { .object([("goal", .string($0.goal)), ("maximise", .bool($0.maximise))]) }),
            "knobs": .array(knobs.map(JSONValue.string)),
            "twins": .array(twins.map { .object([("id", .string($0.id)), ("source", .string($0.source)), ("file", .string($0.file))]) }),
            "shards": .array(shards.map(\.jsonValue)),
        ])
    }

    /// Writes `manifest.json` and `twins/<id>.json` into `folder` (created if needed),
    /// each file atomically. Results already in the folder are kept: planning the same
    /// sweep again gives the same ids, so finished shards stay finished.
    public func write(to folder: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for twin in twins {
            problems += AtomicFile.write(twin.json, to: (folder as NSString).appendingPathComponent(twin.file))
        }
        problems += AtomicFile.write(JSONWriter.canonical.string(manifestJSON()),
                                     to: (folder as NSString).appendingPathComponent("manifest.json"))
        return problems
    }

    /// Reads `folder/manifest.json` (TW010 when it is missing, unreadable or of another format).
    public static func read(folder: String) -> Result<SweepPlan, SweepError> {
        let path = (folder as NSString).appendingPathComponent("manifest.json")
        func refuse(_ why: String) -> Result<SweepPlan, SweepError> {
            .failure(SweepError(.error(SweepDiagnostics.notAPlan, "`\(folder)` is not a sweep plan: \(why)", at: .file(path),
                            notes: [DiagnosticNote("`twinc sweep plan SWEEP --out \(folder)` writes one")])))
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return refuse("no readable manifest.json")
        }
        guard case .success(let located) = JSONParser.parse(text) else { return refuse("manifest.json is not JSON") }
        let json = located.value
        guard json["format"]?.stringValue == format, json["version"]?.numberValue == Double(version) else {
            return refuse("manifest.json is not a `\(format)` version \(version)")
        }
        guard let id = json["plan"]?.stringValue, let name = json["name"]?.stringValue,
              let run = json["run"], let replications = run["replications"]?.numberValue,
              let shardValues = json["shards"]?.arrayValue, let twinValues = json["twins"]?.arrayValue else {
            return refuse("manifest.json lacks a member")
        }
        let settings = ShardRunSettings(
            horizon: run["horizon_s"]?.numberValue.map(Time.seconds), warmup: run["warmup_s"]?.numberValue.map(Time.seconds),
            replications: Int(replications), scenarios: run["scenarios"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        var shards: [Shard] = []
        for (index, value) in shardValues.enumerated() {
            guard let shardID = value["id"]?.stringValue, let twin = value["twin"]?.stringValue,
                  let point = value["point"]?.numberValue, let seedText = value["seed"]?.stringValue, let seed = UInt64(seedText),
                  let knobs = value["knobs"]?.arrayValue else { return refuse("shard \(index) is incomplete") }
            let settings = knobs.compactMap { knob -> KnobSetting? in
                guard let id = knob["knob"]?.stringValue, let value = knob["value"]?.numberValue else { return nil }
                return KnobSetting(knob: id, value: value)
            }
            shards.append(Shard(index: index, id: shardID, twin: twin, point: Int(point), knobs: settings, seed: seed))
        }
        let twins = twinValues.compactMap { value -> PlannedTwin? in
            guard let id = value["id"]?.stringValue, let source = value["source"]?.stringValue else { return nil }
            return PlannedTwin(id: id, source: source, json: "")
        }
        let pareto = (json["pareto"]?.arrayValue ?? []).compactMap { value -> ParetoAxis? in
            guard let goal = value["goal"]?.stringValue, let maximise = value["maximise"]?.boolValue else { return nil }
            return ParetoAxis(goal: goal, maximise: maximise)
        }
        return .success(SweepPlan(
            id: id, name: name, run: settings, collect: json["collect"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            pareto: pareto, knobs: json["knobs"]?.arrayValue?.compactMap(\.stringValue) ?? [], twins: twins, shards: shards))
    }
}

/// Files written whole or not at all: the text goes to a temporary file beside the
/// target, then `rename(2)` replaces the target in one step, so a shard killed while
/// writing (a `scancel`, a crash) never leaves a half-written result behind.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) -> [Diagnostic] {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            let temporary = (folder.isEmpty ? "." : folder) + "/.\((path as NSString).lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp"
            guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
                return [cannotWrite(path, "cannot create a file there")]
            }
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(atPath: temporary)
                return [cannotWrite(path, reason)]
            }
            return []
        } catch {
            return [cannotWrite(path, "\(error.localizedDescription)")]
        }
    }

    private static func cannotWrite(_ path: String, _ reason: String) -> Diagnostic {
        .error(DriverDiagnostics.cannotWrite, "cannot write `\(path)`: \(reason)", at: nil)
    }
}
