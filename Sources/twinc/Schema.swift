import ArgumentParser
import Foundation
import TwinConfig
import TwinDriver
import TwinLive
import TwinSpec

/// `twinc schema usecase|intent|catalogue|twin`: the JSON Schema (draft-07) editors use
/// for completion and hover help through a `# yaml-language-server: $schema=…` modeline,
/// and (`twin`) the schema of the generated twin.json; `telemetry` is the schema of a
/// live-twin telemetry line and `openapi` the OpenAPI document of `twinc-serve`'s API.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema of a document kind.")

    @Argument(help: "usecase, intent, catalogue, twin, telemetry or openapi.")
    var kind: DocumentKindArgument

    func run() throws {
        switch kind {
        case .twin: print(TwinConfig.jsonSchema(), terminator: "")
        case .telemetry: print(TelemetrySchema.text(), terminator: "")
        case .openapi: print(OpenAPIDocument.text(), terminator: "")
        default:
            print(jsonSchema(for: kind.kind), terminator: "")
        }
    }
}

enum DocumentKindArgument: String, ExpressibleByArgument, CaseIterable {
    case usecase, intent, catalogue, twin, telemetry, openapi

    var kind: DocumentKind { DocumentKind(rawValue: rawValue) ?? .usecase }
}
