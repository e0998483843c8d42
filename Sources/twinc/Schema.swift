import ArgumentParser
import Foundation
import TwinDiagnostics
import TwinDriver
import TwinLive
import TwinSpec
import TwinSweep

/// `twinc schema usecase|intent|catalogue|twin`: the JSON Schema (draft-07) editors use
/// for completion and hover help through a `# yaml-language-server: $schema=…` modeline,
/// and (`twin`) the schema of the generated twin.json; `telemetry` is the schema of a
/// live-twin telemetry line and `openapi` the OpenAPI document of `twinc-serve`'s API.
/// `--write DIR` writes the document and twin schemas into a user's own repository, so
/// the modeline works outside twinc's checkout.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of a document kind, or write all schemas to a folder.",
        discussion: """
        In your own repository: `twinc schema --write schema` and start each document with \
        `# yaml-language-server: $schema=../schema/usecase.schema.json` (intent, catalogue alike). \
        Radio and battery profile ids of the built-in catalogue (and of --catalog files) are \
        offered as completions.
        """)

    @Argument(help: "usecase, intent, catalogue, twin, sweep, telemetry or openapi (omit with --write).")
    var kind: DocumentKindArgument?

    @Option(help: ArgumentHelp("Write every schema into this folder.", valueName: "dir"),
            completion: .directory)
    var write: String?

    /// `--catalog`: ids of a user's catalogues join the built-in ones.
    @OptionGroup var user: CatalogueCommand.UserCatalogues

    func validate() throws {
        if kind == nil && write == nil {
            throw ValidationError("give a document kind (usecase, intent, catalogue, twin, sweep) or --write DIR")
        }
        if kind != nil && write != nil {
            throw ValidationError("--write writes every schema; leave out the document kind")
        }
    }

    func run() throws {
        let userCatalogues = try user.read()
        switch kind {
        case .telemetry?: print(TelemetrySchema.text(), terminator: ""); return
        case .openapi?: print(OpenAPIDocument.text(), terminator: ""); return
        default: break
        }
        var schemas = DocumentSchemas(userCatalogues: userCatalogues)
        schemas.files.append(("sweep.schema.json", SweepShapes.jsonSchema()))
        if let kind {
            print(schemas.text(of: kind.rawValue) ?? "", terminator: "")
            return
        }
        guard let write else { return }
        let tree = GeneratedTree(files: Dictionary(uniqueKeysWithValues: schemas.files.map { ($0.name, $0.text) }))
        let problems = tree.write(to: write)
        guard problems.isEmpty else {
            DiagnosticOutput(format: .text, rules: [], cap: DiagnosticCapOption().cap)
                .emit(problems, sources: SourceStore(), dropped: [:])
            try endCommand(with: .cannotCreate)
            return
        }
        print("twinc: wrote \(schemas.files.map(\.name).joined(separator: ", ")) to \(write)/")
    }
}

enum DocumentKindArgument: String, ExpressibleByArgument, CaseIterable {
    case usecase, intent, catalogue, twin, sweep, telemetry, openapi

    var kind: DocumentKind { DocumentKind(rawValue: rawValue) ?? .usecase }
}
