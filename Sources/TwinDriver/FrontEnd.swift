import Foundation
import TwinDiagnostics
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

/// Runs load → parse → read for every input, then (only when that stage is clean) the
/// cross-document checks against the built-in catalogue. Stops between stages so a
/// broken file never causes a cascade of "unknown use case" errors elsewhere.
public func runFrontEnd(paths: [String], options: FrontEndOptions = FrontEndOptions()) -> FrontEndResult {
    let loaded = SourceLoader().load(paths)
    var result = FrontEndResult(documents: [], diagnostics: loaded.diagnostics, sources: SourceStore(),
                                inputFiles: loaded.files.map(\.path))
    for file in loaded.files { read(file, into: &result, limits: options.limits) }
    guard result.exitStatus == .success else { return result }

    // Intents name their use case; bring it in from the template folders when the
    // command line did not include it, so `twinc validate Intents/x.yaml` works alone.
    let given = Set(result.documents.compactMap { if case .usecase(let u) = $0 { u.name.value } else { nil } })
    var wanted: [(name: String, intentFile: String)] = []
    for case .intent(let intent) in result.documents where !given.contains(intent.usecase.value) {
        if !wanted.contains(where: { $0.name == intent.usecase.value }) {
            wanted.append((intent.usecase.value, intent.file))
        }
    }
    for (name, intentFile) in wanted {
        guard let path = locateUseCase(named: name, near: intentFile, folders: options.templateFolders) else { continue }
        let extra = SourceLoader().load([path])
        result.diagnostics += extra.diagnostics
        for file in extra.files { read(file, into: &result, limits: options.limits) }
    }
    guard !result.diagnostics.hasErrors else { return result }

    let builtIn = BuiltinCatalogue.load()
    result.diagnostics += builtIn.diagnostics
    result.diagnostics += checkWorkspace(result.documents, builtIn: CatalogueIndex(catalogues: builtIn.catalogues))
    return result
}

private func read(_ file: SourceFile, into result: inout FrontEndResult, limits: YAMLLimits) {
    result.sources.add(file: file.path, text: file.text)
    let parsed = parseYAML(text: file.text, file: file.path, limits: limits)
    result.diagnostics += parsed.diagnostics
    result.dropped[file.path, default: DroppedDiagnostics()] += parsed.dropped
    guard let yaml = parsed.document else { return }
    let (document, found, dropped) = readDocument(yaml, cap: limits.diagnosticCap)
    result.diagnostics += found
    result.dropped[file.path, default: DroppedDiagnostics()] += dropped
    if let document { result.documents.append(document) }
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
