import Foundation
import TwinApplications
import TwinConfig
import TwinDiagnostics
import TwinDriver
import TwinJSON
import TwinSpec
import TwinUnits

/// What `twinc sweep plan` found: the plan when the sweep is sound, every diagnostic,
/// and the sources they quote.
public struct SweepPlanningResult: Sendable {
    public var plan: SweepPlan?
    public var diagnostics: [Diagnostic]
    public var sources: SourceStore
    public var exitStatus: ExitStatus {
        plan != nil ? .success : (ExitStatus.forDiagnostics(diagnostics) == .success ? .dataError : .forDiagnostics(diagnostics))
    }
}

/// The most shards a plan holds.
public let maximumShards = 100_000

/// Reads the sweep document, loads or compiles its twins and checks the sweep against
/// them (every knob exists in every twin, every value is one the knob lists, every goal
/// and scenario exists), then expands the design into shards. Stops before expanding
/// when any error was found, so nothing is planned from a half-understood sweep.
public func planSweep(file: String) -> SweepPlanningResult {
    let loaded = SourceLoader().load([file])
    var result = SweepPlanningResult(plan: nil, diagnostics: loaded.diagnostics, sources: SourceStore())
    guard let source = loaded.files.first, !loaded.diagnostics.hasErrors else { return result }
    result.sources.add(file: source.path, text: source.text)
    let (read, readDiagnostics) = SweepReader.read(text: source.text, file: source.path)
    result.diagnostics += readDiagnostics
    guard let document = read else { return result }

    let folder = (source.path as NSString).deletingLastPathComponent
    var twins: [(source: Located<String>, config: TwinConfig)] = []
    for entry in document.intents {
        if let config = compileIntent(entry, folder: folder, into: &result) { twins.append((entry, config)) }
    }
    for entry in document.twins {
        if let config = loadTwin(entry, folder: folder, into: &result) { twins.append((entry, config)) }
    }
    guard !result.diagnostics.hasErrors, !twins.isEmpty else { return result }

    var checks = SweepChecks(document: document)
    var valueLists: [[[Double]]] = []
    for twin in twins { valueLists.append(checks.values(for: twin.config, source: twin.source.value)) }
    let collect = checks.collectedGoals(twins.map(\.config))
    let pareto = checks.paretoAxes(twins.map(\.config), collect: collect)
    checks.checkScenarios(twins.map(\.config))
    result.diagnostics += checks.diagnostics
    guard !result.diagnostics.hasErrors else { return result }

    let run = ShardRunSettings(horizon: document.horizon, warmup: document.warmup, replications: document.replications,
                               scenarios: document.scenarios.map(\.value))
    var plannedTwins: [PlannedTwin] = []
    var shards: [Shard] = []
    var point = 0
    for (twin, values) in zip(twins, valueLists) {
        let json = twin.config.canonicalJSON()
        let twinID = contentID(json)
        if !plannedTwins.contains(where: { $0.id == twinID }) {
            plannedTwins.append(PlannedTwin(id: twinID, source: twin.source.value, json: json))
        }
        let counts = values.map(\.count)
        let indices: [[Int]]
        switch document.design {
        case .grid:
            guard let grid = DesignPoints.grid(counts, limit: maximumShards / document.seeds.count) else {
                result.diagnostics.append(tooLarge(document, counts: counts))
                return result
            }
            indices = grid
        case .latinHypercube(let points, let seed):
            indices = DesignPoints.latinHypercube(counts, points: points, seed: seed)
        }
        guard shards.count + indices.count * document.seeds.count <= maximumShards else {
            result.diagnostics.append(tooLarge(document, counts: counts))
            return result
        }
        // A Latin hypercube over short value lists draws some combinations twice: each
        // is planned once (its shards would have the same content ids anyway).
        var seen: Set<[KnobSetting]> = []
        for pointIndices in indices {
            let settings = zip(document.knobs, zip(values, pointIndices)).map { axis, chosen in
                KnobSetting(knob: axis.knob.value, value: chosen.0[chosen.1])
            }
            guard seen.insert(settings).inserted else { continue }
            for seed in document.seeds {
                let id = Shard.id(twin: twinID, knobs: settings, seed: seed.value, run: run)
                shards.append(Shard(index: shards.count, id: id, twin: twinID, point: point, knobs: settings, seed: seed.value))
            }
            point += 1
        }
    }
    var plan = SweepPlan(id: "", name: document.name.value, run: run, collect: collect, pareto: pareto,
                         knobs: document.knobs.map(\.knob.value), twins: plannedTwins, shards: shards)
    plan.id = contentID(JSONWriter.compact.string(plan.manifestJSON(includingID: false)))
    result.plan = plan
    return result
}

private func tooLarge(_ document: SweepDocument, counts: [Int]) -> Diagnostic {
    .error(SweepDiagnostics.tooManyShards,
           "the sweep expands to more than \(maximumShards) shards (\(counts.map(String.init).joined(separator: " × ")) values × \(document.seeds.count) seeds)",
           at: document.name.range,
           notes: [DiagnosticNote("sample it: `design: latin-hypercube` with `points: N`")])
}

/// An intent path compiled to its twin (the compiler's diagnostics are passed on).
private func compileIntent(_ entry: Located<String>, folder: String, into result: inout SweepPlanningResult) -> TwinConfig? {
    guard let path = existingPath(entry, folder: folder, kind: "intent", into: &result) else { return nil }
    let compiled = compileIntents(paths: [path])
    addSources(of: compiled.diagnostics, to: &result.sources)
    result.diagnostics += compiled.diagnostics
    guard let twin = compiled.twins.first, !compiled.diagnostics.hasErrors else {
        if !compiled.diagnostics.hasErrors {
            result.diagnostics.append(.error(SweepDiagnostics.unknownSource, "`\(entry.value)` holds no intent", at: entry.range))
        }
        return nil
    }
    return twin.config
}

/// A compiled twin: a twin.json, or a folder holding one.
private func loadTwin(_ entry: Located<String>, folder: String, into result: inout SweepPlanningResult) -> TwinConfig? {
    guard var path = existingPath(entry, folder: folder, kind: "twin", into: &result) else { return nil }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
        path = (path as NSString).appendingPathComponent("twin.json")
    }
    let loaded = SourceLoader().load([path])
    result.diagnostics += loaded.diagnostics
    guard let source = loaded.files.first else { return nil }
    result.sources.add(file: source.path, text: source.text)
    let read = TwinConfig.read(text: source.text, file: source.path)
    result.diagnostics += read.diagnostics
    return read.diagnostics.hasErrors ? nil : read.config
}

/// The entry resolved against the sweep's folder when it exists; TW001 at the entry
/// (with the nearest file of that folder) when it does not.
private func existingPath(_ entry: Located<String>, folder: String, kind: String,
                          into result: inout SweepPlanningResult) -> String? {
    let path = entry.value.hasPrefix("/") ? entry.value : (folder.isEmpty ? entry.value : (folder as NSString).appendingPathComponent(entry.value))
    if FileManager.default.fileExists(atPath: path) { return path }
    let parent = (path as NSString).deletingLastPathComponent
    let siblings = ((try? FileManager.default.contentsOfDirectory(atPath: parent.isEmpty ? "." : parent)) ?? []).sorted()
    var notes = [DiagnosticNote("paths are relative to the sweep document's folder (`\(folder.isEmpty ? "." : folder)`)")]
    let written = (entry.value as NSString).lastPathComponent
    if let near = nearestName(to: written, among: siblings) {
        notes.insert(DiagnosticNote("did you mean `\(near)`?"), at: 0)
    }
    result.diagnostics.append(.error(SweepDiagnostics.unknownSource, "unknown \(kind) `\(entry.value)`: no such file", at: entry.range,
                                     notes: notes))
    return nil
}

private func addSources(of diagnostics: [Diagnostic], to sources: inout SourceStore) {
    let files = Set(diagnostics.compactMap { $0.range?.file }).sorted()
    for file in SourceLoader().load(files).files { sources.add(file: file.path, text: file.text) }
}
