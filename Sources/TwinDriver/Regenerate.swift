import Foundation
import TwinConfig
import TwinDiagnostics
import TwinSpec
import TwinSynthesis

/// What `Generated/` should hold: the JSON Schemas of the three document kinds and the
/// built-in catalogue as YAML (so users can read and override it), plus, per bundled
/// intent, its compiled twin. A pure function of the repository's documents.
public struct RegenerateResult: Sendable {
    public var tree: GeneratedTree
    public var diagnostics: [Diagnostic]
    public var sources: SourceStore
}

/// Why `twinc regenerate` cannot run here: it rebuilds twinc's own `Generated/` from the
/// repository's `Templates/` and `Intents/`, and outside that checkout those folders
/// are missing (every file would otherwise be reported "stale"). nil when both exist.
public func regenerateFolderProblem(templates: String, intents: String) -> String? {
    let missing = [templates, intents].filter { folder in
        var isDirectory: ObjCBool = false
        return !(FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue)
    }
    guard !missing.isEmpty else { return nil }
    return "no \(missing.map { "\($0)/" }.joined(separator: " or ")) here: `twinc regenerate` rebuilds twinc's own "
        + "Generated/ inside its repository; in your own repository use `twinc compile INTENT --out DIR` "
        + "and `twinc validate DIR` (see docs/ci.md)"
}

public func regenerate(templates: String = "Templates", intents: String = "Intents") -> RegenerateResult {
    var tree = GeneratedTree()
    for file in DocumentSchemas().files { tree.add("schema/\(file.name)", file.text) }
    for document in BuiltinCatalogue.documents {
        let name = document.path.split(separator: "/").last.map(String.init) ?? document.path
        tree.add("catalogue/\(name)", document.text)
    }
    let compiled = compileIntents(paths: [templates, intents])
    for twin in compiled.twins {
        for (name, contents) in twin.files.files { tree.add("\(twin.intent)/\(name)", contents) }
    }
    return RegenerateResult(tree: tree, diagnostics: compiled.diagnostics, sources: compiled.sources)
}
