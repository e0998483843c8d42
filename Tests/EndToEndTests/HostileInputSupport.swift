import Foundation
import Testing
import TwinJSON

/// Builders for the inputs of issue 8 ("No input traps or runs away"): the bundled demo
/// use case, intent and twin.json with one value changed the way a careless or hostile
/// user would change it, written to a fresh folder that mirrors the repository layout
/// (`Templates/`, `Intents/`) so `compile` finds the use case as it would in a project.
struct HostileCase {
    let folder: URL

    static let template = "Templates/proactive-qa.yaml"
    static let intent = "Intents/icu-monitoring.yaml"
    static let twin = "Generated/icu-monitoring/twin.json"

    /// A folder holding the demo use case and intent, each optionally rewritten.
    init(_ name: String, template: (String) -> String = { $0 }, intent: (String) -> String = { $0 },
         files: [String: String] = [:]) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("twinc-hostile-\(ProcessInfo.processInfo.processIdentifier)-\(name)")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Templates"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Intents"), withIntermediateDirectories: true)
        try template(Self.read(Self.template)).write(to: path(Self.template), atomically: true, encoding: .utf8)
        try intent(Self.read(Self.intent)).write(to: path(Self.intent), atomically: true, encoding: .utf8)
        for (file, text) in files { try text.write(to: path(file), atomically: true, encoding: .utf8) }
    }

    func path(_ relative: String) -> URL { folder.appendingPathComponent(relative) }
    func file(_ relative: String) -> String { path(relative).path }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// `validate` and `compile` of the intent both exit 65 saying `expected` and none of
    /// `absent`, and `compile` writes no output folder.
    func expectRefused(saying expected: String, absent: [String] = [],
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        for command in [["validate", file(Self.intent)], ["compile", file(Self.intent), "--out", file("out")]] {
            let result = try Twinc.run(command)
            let stderr = result.stderr.prefix(2_000)
            #expect(result.status == 65, "\(command[0]): \(stderr)", sourceLocation: sourceLocation)
            #expect(result.stderr.contains(expected), "\(command[0]) should say \(expected):\n\(stderr)",
                    sourceLocation: sourceLocation)
            for code in absent {
                #expect(!result.stderr.contains(code), "\(command[0]): \(stderr)", sourceLocation: sourceLocation)
            }
            #expect(!FileManager.default.fileExists(atPath: file("out")), sourceLocation: sourceLocation)
        }
    }

    static func read(_ relative: String) throws -> String {
        try String(contentsOf: Twinc.repositoryRoot.appendingPathComponent(relative), encoding: .utf8)
    }

    /// `text` with `old` replaced by `new` exactly once (a test of a changed value must
    /// fail loudly if the bundled file no longer holds the value it changes).
    static func replacing(_ old: String, with new: String, in text: String) -> String {
        precondition(text.components(separatedBy: old).count == 2, "`\(old)` is not unique in the bundled file")
        return text.replacingOccurrences(of: old, with: new)
    }

    /// The bundled twin.json with `edit` applied, written to a temporary file.
    static func twin(_ name: String, _ edit: (inout JSONValue) -> Void) throws -> URL {
        var value = try JSONParser.parse(read(twin)).get().value
        edit(&value)
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("twinc-hostile-\(ProcessInfo.processInfo.processIdentifier)-\(name).json")
        try JSONWriter.canonical.string(value).write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}
