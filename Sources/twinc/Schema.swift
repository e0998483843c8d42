import ArgumentParser
import Foundation
import TwinDriver
import TwinSpec

/// `twinc schema usecase|intent|catalogue`: the JSON Schema (draft-07) editors use for
/// completion and hover help through a `# yaml-language-server: $schema=…` modeline.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema of a document kind.")

    @Argument(help: "usecase, intent or catalogue.")
    var kind: DocumentKindArgument

    func run() throws {
        print(jsonSchema(for: kind.kind), terminator: "")
    }
}

enum DocumentKindArgument: String, ExpressibleByArgument, CaseIterable {
    case usecase, intent, catalogue

    var kind: DocumentKind { DocumentKind(rawValue: rawValue) ?? .usecase }
}
