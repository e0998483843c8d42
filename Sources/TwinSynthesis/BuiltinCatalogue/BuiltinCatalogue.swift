import TwinDiagnostics
import TwinParallel
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
    /// The documents are independent, so they are read concurrently (a tenth of `twinc
    /// compile` on one core) and joined in their fixed order.
    public static func load() -> (catalogues: [Catalogue], diagnostics: [Diagnostic]) {
        let read = concurrentMap(documents) { document -> (catalogue: Catalogue?, diagnostics: [Diagnostic]) in
            let parsed = parseYAML(text: document.text, file: document.path)
            guard let yaml = parsed.document else { return (nil, parsed.diagnostics) }
            let (typed, found) = readDocument(yaml)
            guard case .catalogue(let catalogue)? = typed else { return (nil, parsed.diagnostics + found) }
            return (catalogue, parsed.diagnostics + found)
        }
        return (read.compactMap(\.catalogue), read.flatMap(\.diagnostics))
    }

    /// The index `checkWorkspace(_:builtIn:)` checks references against.
    public static func index() -> CatalogueIndex { CatalogueIndex(catalogues: load().catalogues) }
}
