import Foundation
import TwinApplications
import TwinConfig
import TwinDiagnostics
import TwinRuntime

/// `twinc run … --recommended-out DIR`: the recommended twin as a twin.json of its own,
/// so it can be re-run, diffed against its source and deployed.
///
/// It is the twin.json as read (its own run settings, not the command line's overrides)
/// with the optimiser's recommended knob settings applied (`applyKnobs`: each knob's
/// parameter on its devices and the knob's `current`), `generator` naming this twinc,
/// and `provenance` naming the source twin, the knobs changed and the run that confirmed
/// them. When the optimiser keeps the baseline the file is the source with provenance
/// and no changes, so a pipeline can always read it. A recommended `relay` adds the
/// relay's failure scenario (`TwinConfig.addRelayFailureScenarios`).
enum RecommendedTwin {
    static let method = "twinc run --recommended-out"

    /// The recommended twin of `source` given the run's optimisation (nil: no optimiser
    /// ran); a knob setting the configuration refuses gives the error's text.
    static func build(source: TwinConfig, optimisation: OptimisationResult?) -> Result<TwinConfig, KnobError>? {
        guard let optimisation else { return nil }
        var settings: [String: Double] = [:]
        for knob in optimisation.changedKnobs { settings[knob.id] = knob.recommended }
        var config: TwinConfig
        do {
            config = try applyKnobs(source, settings)
        } catch {
            return .failure(error)
        }
        // A recommended relay brings its failure scenario (`relay-failure-<relay>`).
        config.addRelayFailureScenarios()
        let run = optimisation.verdictSettings ?? source.run
        config.generator = "twinc \(TwincVersion.string)"
        config.provenance = TwinProvenance(
            method: method, source: source.name, sourceGenerator: source.generator,
            changes: optimisation.changedKnobs.map { TwinProvenance.Change(knob: $0.id, from: $0.baseline, to: $0.recommended) },
            horizon: run.horizon, replications: optimisation.verdictReplications.max() ?? run.replications,
            seed: run.seed)
        return .success(config)
    }

    /// Why `folder` cannot take the recommended twin (nil: it can): checked before the
    /// run, so a long run does not end in an output that cannot be written. The folder
    /// must be a writable directory, or not exist under a writable directory.
    static func unwritable(_ folder: String) -> Diagnostic? {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let url = URL(fileURLWithPath: folder).standardizedFileURL
        if manager.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { return problem(folder, "it is a file, not a folder") }
            if !manager.isWritableFile(atPath: url.path) { return problem(folder, "the folder is not writable") }
            return nil
        }
        var parent = url.deletingLastPathComponent()
        while !manager.fileExists(atPath: parent.path, isDirectory: &isDirectory) {
            let next = parent.deletingLastPathComponent()
            if next.path == parent.path { break }
            parent = next
        }
        if !isDirectory.boolValue { return problem(folder, "\(parent.path) is a file, not a folder") }
        if !manager.isWritableFile(atPath: parent.path) { return problem(folder, "\(parent.path) is not writable") }
        return nil
    }

    /// Writes `DIR/twin.json` through a temporary sibling and a rename (a reader never
    /// sees half a file; a failed write leaves the previous one), creating `DIR`.
    static func write(_ config: TwinConfig, to folder: String) -> [Diagnostic] {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            return [problem(folder, error.localizedDescription)]
        }
        let file = URL(fileURLWithPath: folder).appendingPathComponent("twin.json").path
        return writeFileAtomically(config.canonicalJSON(), to: file)
    }

    private static func problem(_ folder: String, _ reason: String) -> Diagnostic {
        .error(DriverDiagnostics.cannotWrite, "cannot write the recommended twin into \(folder): \(reason)", at: nil)
    }
}

/// Writes the recommended twin of `source` into `folder` (`RecommendedTwin`).
func writeRecommendedTwin(source: TwinConfig, analysis: TwinAnalysis?, to folder: String) -> [Diagnostic] {
    switch RecommendedTwin.build(source: source, optimisation: analysis?.optimisation) {
    case .success(let config)?: return RecommendedTwin.write(config, to: folder)
    case .failure(let error)?:
        return [.error(DriverDiagnostics.cannotWrite, "cannot build the recommended twin: \(error)", at: nil)]
    case nil:
        return [.error(DriverDiagnostics.cannotWrite, "no recommended twin: the optimiser did not run", at: nil)]
    }
}
