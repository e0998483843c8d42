import ArgumentParser
import Foundation
import TwinConfig
import TwinDriver
import TwinSpec
import TwinSweep

/// `twinc schema usecase|intent|catalogue|twin`: the JSON Schema (draft-07) editors use
/// for completion and hover help through a `# yaml-language-server: $schema=…` modeline,
/// and (`twin`) the schema of the generated twin.json.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema of a document kind.")

    @Argument(help: "usecase, intent, catalogue, twin or sweep.")
    var kind: DocumentKindArgument

    func run() throws {
        if kind == .sweep {
            print(SweepShapes.jsonSchema(), terminator: "")
        } else if kind == .twin {
            print(TwinConfig.jsonSchema(), terminator: "")
        } else {
            print(jsonSchema(for: kind.kind), terminator: "")
        }
    }
}

enum DocumentKindArgument: String, ExpressibleByArgument, CaseIterable {
    case usecase, intent, catalogue, twin, sweep

    var kind: DocumentKind { DocumentKind(rawValue: rawValue) ?? .usecase }
}
