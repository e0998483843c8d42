import ArgumentParser
import Foundation
import TwinDiagnostics
import TwinDriver
import TwinSweep

/// `twinc sweep collect DIR --out FILE [--html PAGE]`: merges the shard results into
/// CSV or JSON (by FILE's extension) with per-point KPIs, intervals, verdicts and the
/// Pareto front; --html draws the front and KPI-vs-knob plots. Failed and missing
/// shards are listed on standard error (each with its id and error) and the rest
/// collected; exit 65 when any failed or is missing, or when results of another plan
/// are in the folder (then nothing is written).
struct SweepCollectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect", abstract: "Merge shard results into CSV or JSON with the Pareto front.")

    @Argument(help: "The plan folder.")
    var folder: String

    @Option(help: "The output: FILE.csv or FILE.json.")
    var out: String

    @Option(help: "Also write an HTML page with the Pareto front and KPI-against-knob plots.")
    var html: String?

    func validate() throws {
        let ext = (out as NSString).pathExtension.lowercased()
        if ext != "csv", ext != "json" { throw ValidationError("--out must end in .csv or .json, got `\(out)`") }
    }

    func run() throws {
        let collection: SweepCollection
        switch collectSweep(folder: folder) {
        case .success(let collected): collection = collected
        case .failure(let error): try reportSweepError(error); return
        }
        let text = (out as NSString).pathExtension.lowercased() == "csv" ? collection.csv() : collection.canonicalJSON()
        var problems = AtomicFile.write(text, to: out)
        if let html { problems += AtomicFile.write(collection.html(), to: html) }
        if !problems.isEmpty {
            DiagnosticOutput(format: .text, rules: []).emit(problems, sources: SourceStore())
            try endCommand(with: .cannotCreate)
        }
        let front = collection.points.filter(\.onFront).map { String($0.point) }
        print("\(collection.points.count) points from \(collection.plan.shards.count - collection.failures.count - collection.missing.count) "
              + "of \(collection.plan.shards.count) shards; Pareto front: points \(front.joined(separator: ", ")); wrote \(out)")
        let problemsFound = collection.failures.map { failure in
            Diagnostic.error(SweepDiagnostics.shardFailed, "shard \(failure.index) (\(failure.shard)) failed: \(failure.error)", at: nil)
        } + (collection.missing.isEmpty ? [] : [Diagnostic.error(
            SweepDiagnostics.missingShards,
            "\(collection.missing.count) shard(s) not run: \(collection.missing.prefix(10).map { "\($0.index) (\($0.id))" }.joined(separator: ", "))",
            at: nil)])
        if !problemsFound.isEmpty {
            DiagnosticOutput(format: .text, rules: []).emit(problemsFound, sources: SourceStore())
            try endCommand(with: .dataError)
        }
    }
}
