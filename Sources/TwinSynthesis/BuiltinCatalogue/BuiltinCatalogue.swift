import TwinDiagnostics
import TwinSpec
import TwinYAML

/// One built-in catalogue document: a virtual path (`builtin/models-channel.yaml`) and
/// its YAML text. The text is compiled into the binary so an installed `twinc` needs no
/// source tree; the driver parses it with the same YAML + spec pipeline as user files,
/// and `twinc` can dump it for users to copy and override.
public struct BuiltinDocument: Sendable, Hashable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// The catalogue that ships with twinc: applications, models, representation methods,
/// radios, batteries and device classes, one YAML document per file.
public enum BuiltinCatalogue {
    /// Every built-in document in a fixed order (the order entries are merged in).
    public static let documents: [BuiltinDocument] = [
        applications, channelModels, phyMacModels, trafficModels, energyModels,
        reliabilityModels, securityModels, methods, radios, batteries, deviceClasses,
    ]

    /// Parses and reads every built-in document. The diagnostics are empty for a
    /// correct build (a test asserts it); the catalogues are those read without errors.
    public static func load() -> (catalogues: [Catalogue], diagnostics: [Diagnostic]) {
        var catalogues: [Catalogue] = []
        var diagnostics: [Diagnostic] = []
        for document in documents {
            let parsed = parseYAML(text: document.text, file: document.path)
            diagnostics += parsed.diagnostics
            guard let yaml = parsed.document else { continue }
            let (typed, found) = readDocument(yaml)
            diagnostics += found
            if case .catalogue(let catalogue)? = typed { catalogues.append(catalogue) }
        }
        return (catalogues, diagnostics)
    }

    /// The index `checkWorkspace(_:builtIn:)` checks references against.
    public static func index() -> CatalogueIndex { CatalogueIndex(catalogues: load().catalogues) }
}
