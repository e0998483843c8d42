import ArgumentParser
import Foundation
import TwinDriver
import TwinOutput
import TwinSpec

/// `twinc catalogue list [KIND]` and `twinc catalogue show ID`: which radios,
/// batteries, device classes, models, methods and applications exist, each with its
/// cited source, without opening the generated catalogue files.
struct CatalogueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "List the catalogue's entries or show one with its source.",
        subcommands: [List.self, Show.self])

    /// `--catalog` files read through the front end (errors end the command with 65).
    struct UserCatalogues: ParsableArguments {
        @Option(name: .customLong("catalog"), help: "Your catalogue file or folder (repeatable).",
                completion: .file(extensions: ["yaml", "yml"]))
        var paths: [String] = []

        /// The catalogues read; on errors prints them and ends the command (65).
        func read() throws -> [Catalogue] {
            guard !paths.isEmpty else { return [] }
            let result = runFrontEnd(paths: paths)
            guard result.exitStatus == .success else {
                DiagnosticOutput(format: .text, rules: [], cap: DiagnosticCapOption().cap)
                    .emit(result.diagnostics, sources: result.sources, dropped: result.dropped)
                try endCommand(with: result.exitStatus)
                return []
            }
            return result.documents.compactMap { if case .catalogue(let c) = $0 { c } else { nil } }
        }

        func listing() throws -> CatalogueListing {
            let catalogues = try read()
            let texts = Dictionary(catalogues.map { ($0.file, (try? String(contentsOfFile: $0.file, encoding: .utf8)) ?? "") },
                                   uniquingKeysWith: { first, _ in first })
            return CatalogueListing(userCatalogues: catalogues, userTexts: texts)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List entries, all or of one kind.")

        @Argument(help: "radios, batteries, device-classes, models, methods or applications (all when omitted).")
        var kind: KindArgument?

        @OptionGroup var user: UserCatalogues

        func run() throws {
            let listing = try user.listing()
            var table = TextTable([("id", .left), ("kind", .left), ("title", .left), ("source", .left)])
            for entry in listing.entries(of: kind?.entryKind) {
                table.add([entry.id, entry.kind.rawValue, Self.short(entry.title, 60), Self.short(entry.source, 60)])
            }
            print(table.render(indent: ""), terminator: "")
            print("\n`twinc catalogue show ID` prints an entry with its full source.")
        }

        static func short(_ text: String, _ width: Int) -> String {
            let single = text.split(whereSeparator: \.isNewline).joined(separator: " ")
            return single.count <= width ? single : String(single.prefix(width - 1)) + "…"
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print one entry as written, with its source.")

        @Argument(help: "The entry's id (e.g. nrf52840-ble, cr2032).")
        var id: String

        @OptionGroup var user: UserCatalogues

        func run() throws {
            let listing = try user.listing()
            guard let entry = listing.entry(id) else {
                let hint = listing.nearest(to: id).map { " (did you mean `\($0)`?)" } ?? ""
                writeStandardError("twinc: no catalogue entry `\(id)`\(hint); `twinc catalogue list` shows them all\n")
                throw ExitCode(ExitStatus.dataError.rawValue)
            }
            print("# \(entry.kind.rawValue) `\(entry.id)` from \(entry.file):\(entry.line)")
            print(listing.yaml(of: entry), terminator: "")
        }
    }

    enum KindArgument: String, ExpressibleByArgument, CaseIterable {
        case radios, batteries, deviceClasses = "device-classes", models, methods, applications

        var entryKind: CatalogueEntryKind {
            switch self {
            case .radios: .radio
            case .batteries: .battery
            case .deviceClasses: .deviceClass
            case .models: .model
            case .methods: .method
            case .applications: .application
            }
        }
    }
}
