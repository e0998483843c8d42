import Foundation
import TwinDiagnostics
import TwinParallel
import TwinSpec
import TwinSynthesis
import TwinYAML

/// The checked documents of one run, with every diagnostic the front end found and the
/// sources they quote. This is the value `validate` reports and `compile` builds on.
public struct FrontEndResult: Sendable {
    /// Documents that read without errors, in input order (inputs first, then the use
    /// cases found for intents).
    public var documents: [SpecDocument]
    public var diagnostics: [Diagnostic]
    public var sources: SourceStore
    /// The files the user named (not the use cases pulled in for context).
    public var inputFiles: [String]
    /// Per file, the diagnostics found beyond the cap (`FrontEndOptions.cap`), counted only.
    public var dropped: [String: DroppedDiagnostics] = [:]
    /// The built-in catalogue as the cross-document checks read it (empty when they did
    /// not run), kept so `compile` synthesises from it instead of reading it again.
    public var builtInCatalogues: [Catalogue] = []

    public var exitStatus: ExitStatus { .forDiagnostics(diagnostics, dropped: dropped) }
}

/// Options of the front end: YAML caps and where to look for a use case an intent
/// names but the command line did not give.
public struct FrontEndOptions: Sendable {
    public var limits: YAMLLimits
    public var templateFolders: [String]
    /// Diagnostics kept per file (`--max-diagnostics`); the YAML stage keeps the same.
    public var cap: DiagnosticCap {
        get { limits.diagnosticCap }
        set { limits.diagnosticCap = newValue }
    }

    public init(limits: YAMLLimits = YAMLLimits(), templateFolders: [String] = ["Templates"],
                cap: DiagnosticCap = DiagnosticCap()) {
        self.limits = limits
        self.templateFolders = templateFolders
        self.limits.diagnosticCap = cap
    }
}

/// Runs load → parse → read for every input, then the cross-document checks against the
/// built-in catalogue, in one pass: documents with reading errors take part with what
/// did read (entries with errors are left out, their ids still count as known), so a
/// user sees a misspelt placement and a misspelt device reference in the same run.
/// The cross-document stage is skipped only when that would cascade: a file that did
/// not parse or load at all (an intent's use case may be in it), or a user catalogue
/// with errors (references to its entries would look unknown).
///
/// The built-in catalogue does not depend on the inputs, so it is read on the other
/// core while they are (reading the demo's intent and use case, about 7 % of `twinc
/// compile`, left that core idle); when an input does not read, the catalogue read is
/// not used.
public func runFrontEnd(paths: [String], options: FrontEndOptions = FrontEndOptions()) -> FrontEndResult {
    let ((read, reading), builtIn) = concurrently({ readInputs(paths, options: options) },
                                                  { BuiltinCatalogue.load() })
    var result = read
    let brokenCatalogue = reading.partial.contains { if case .catalogue = $0 { true } else { false } }
    guard !reading.blocked, !brokenCatalogue else { return result }
    result.diagnostics += builtIn.diagnostics
    result.builtInCatalogues = builtIn.catalogues
    result.diagnostics += checkWorkspace(result.documents + reading.partial,
                                         builtIn: CatalogueIndex(catalogues: builtIn.catalogues))
    return result
}

/// Load → parse → read of every input, and of the use cases its intents name that the
/// inputs do not hold (from the template folders), so `twinc validate Intents/x.yaml`
/// works alone.
private func readInputs(_ paths: [String], options: FrontEndOptions) -> (FrontEndResult, Reading) {
    let loaded = SourceLoader().load(paths)
    var result = FrontEndResult(documents: [], diagnostics: loaded.diagnostics, sources: SourceStore(),
                                inputFiles: loaded.files.map(\.path))
    var reading = Reading(blocked: result.exitStatus != .success)
    for file in loaded.files { read(file, into: &result, reading: &reading, limits: options.limits) }
    guard !reading.blocked else { return (result, reading) }

    let readSoFar = result.documents + reading.partial
    let given = Set(readSoFar.compactMap { if case .usecase(let u) = $0 { u.name.value } else { nil } })
    var wanted: [(name: String, intentFile: String)] = []
    for case .intent(let intent) in readSoFar where !given.contains(intent.usecase.value) {
        if !wanted.contains(where: { $0.name == intent.usecase.value }) {
            wanted.append((intent.usecase.value, intent.file))
        }
    }
    for (name, intentFile) in wanted {
        guard let path = locateUseCase(named: name, near: intentFile, folders: options.templateFolders) else { continue }
        let extra = SourceLoader().load([path])
        result.diagnostics += extra.diagnostics
        reading.blocked = reading.blocked || extra.diagnostics.hasErrors
        for file in extra.files { read(file, into: &result, reading: &reading, limits: options.limits) }
    }
    return (result, reading)
}

/// The front end's bookkeeping beyond `FrontEndResult`: documents that read with errors
/// (checked across documents, never compiled) and whether some file did not read at all.
private struct Reading: Sendable {
    var blocked: Bool
    var partial: [SpecDocument] = []
}

private func read(_ file: SourceFile, into result: inout FrontEndResult, reading: inout Reading,
                  limits: YAMLLimits) {
    result.sources.add(file: file.path, text: file.text)
    let parsed = parseYAML(text: file.text, file: file.path, limits: limits)
    result.diagnostics += parsed.diagnostics
    result.dropped[file.path, default: DroppedDiagnostics()] += parsed.dropped
    guard let yaml = parsed.document, !parsed.diagnostics.hasErrors else {
        reading.blocked = true
        return
    }
    let read = readDocumentKeepingPartial(yaml, cap: limits.diagnosticCap)
    result.diagnostics += read.diagnostics
    result.dropped[file.path, default: DroppedDiagnostics()] += read.dropped
    if let document = read.complete {
        result.documents.append(document)
    } else if let partial = read.partial {
        reading.partial.append(partial)
    } else {
        reading.blocked = true
    }
}

/// `<name>.yaml` in the intent's sibling `Templates/` folder, the intent's own folder,
/// or the given folders (relative to the working directory), first match wins.
func locateUseCase(named name: String, near intentFile: String, folders: [String]) -> String? {
    let intentFolder = (intentFile as NSString).deletingLastPathComponent
    let parent = (intentFolder as NSString).deletingLastPathComponent
    var candidates: [String] = []
    for folder in [(parent as NSString).appendingPathComponent("Templates"), intentFolder] + folders {
        for ext in ["yaml", "yml"] {
            candidates.append((folder.isEmpty ? "." : folder) + "/\(name).\(ext)")
        }
    }
    return candidates.first { FileManager.default.fileExists(atPath: $0) }
}
