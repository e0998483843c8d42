import Foundation
import Testing

/// Issue 14, "Authoring": what exists in the catalogue is one command away, the schemas
/// can live in a user's own repository and list the profile ids, and shell completion
/// offers files and folders where the commands take them.
@Suite struct AuthoringHelpTests {
    @Test func catalogueListShowsEveryRadioWithItsSource() throws {
        let result = try Twinc.run(["catalogue", "list", "radios"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("nrf52840-ble") && result.stdout.contains("Nordic nRF52840"))
        #expect(result.stdout.contains("Tachtatzis et al. 2010"))
        #expect(!result.stdout.contains("cr2032"), "only radios were asked for")
    }

    @Test func catalogueShowPrintsTheEntryAsWrittenAndSuggestsNearIds() throws {
        let shown = try Twinc.run(["catalogue", "show", "cr2032"])
        #expect(shown.status == 0)
        #expect(shown.stdout.hasPrefix("# battery `cr2032` from builtin/batteries.yaml:"))
        #expect(shown.stdout.contains("capacity: 225 mAh") && shown.stdout.contains("Panasonic datasheet"))
        #expect(!shown.stdout.contains("- id: cr2450"), "one entry only")
        let typo = try Twinc.run(["catalogue", "show", "cr2023"])
        #expect(typo.status == 65)
        #expect(typo.stderr.contains("did you mean `cr2032`?"))
    }

    @Test func aUsersCatalogueJoinsTheListing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinc-catalogue-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mine.yaml")
        try """
        twin: 1
        kind: catalogue
        name: my-batteries
        batteries:
          - id: ward-cell
            title: Ward spare cell
            description: The ward's own spare cell.
            capacity: 300 mAh
            voltage: 3 V
            source: ward inventory sheet 2026
        """.write(to: file, atomically: true, encoding: .utf8)
        let listed = try Twinc.run(["catalogue", "list", "batteries", "--catalog", file.path])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("ward-cell") && listed.stdout.contains("cr2032"))
        let shown = try Twinc.run(["catalogue", "show", "ward-cell", "--catalog", file.path])
        #expect(shown.stdout.contains("source: ward inventory sheet 2026"), "\(shown.stdout)")
        let schema = folder.appendingPathComponent("schema")
        let written = try Twinc.run(["schema", "--write", schema.path, "--catalog", file.path])
        #expect(written.status == 0, "\(written.stderr)")
        let usecase = try String(contentsOf: schema.appendingPathComponent("usecase.schema.json"), encoding: .utf8)
        #expect(usecase.contains("\"ward-cell\""), "the user's battery id is offered for completion")
    }

    @Test func schemaWriteGivesTheSameFilesAsGeneratedSchema() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinc-schema-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Twinc.run(["schema", "--write", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["usecase", "intent", "catalogue", "twin"] {
            let written = try String(contentsOf: folder.appendingPathComponent("\(name).schema.json"), encoding: .utf8)
            let checkedIn = try HostileCase.read("Generated/schema/\(name).schema.json")
            #expect(written == checkedIn, "\(name)")
        }
        let usecase = try HostileCase.read("Generated/schema/usecase.schema.json")
        #expect(usecase.contains("\"nrf52840-ble\"") && usecase.contains("\"cr2032\""), "profile ids complete in editors")
        let neither = try Twinc.run(["schema"])
        #expect(neither.status == 64)
    }

    @Test func completionOffersFilesAndFoldersWhereCommandsTakeThem() throws {
        let fish = try Twinc.run(["--generate-completion-script", "fish"])
        #expect(fish.status == 0)
        let lines = fish.stdout.split(separator: "\n")
        func completion(of command: String, option: String) -> String {
            lines.first { $0.contains("\"twinc \(command)\"") && $0.contains("-l '\(option)'") }
                .map(String.init) ?? ""
        }
        // Before, every value completed as free text (`-rfka ''`).
        #expect(completion(of: "run", option: "view").contains("complete_directories"))
        #expect(completion(of: "run", option: "html").contains("'html'"))
        #expect(completion(of: "compile", option: "out").contains("complete_directories"))
        #expect(completion(of: "compile", option: "catalog").contains("yaml"))
        #expect(completion(of: "validate", option: "catalog").contains("yaml"))
    }
}
