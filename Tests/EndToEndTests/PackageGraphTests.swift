import Foundation
import Testing
import TwinProcess

/// Package.swift stays true to the imports: every module a target imports from this
/// package is declared as its dependency, and every declared dependency is imported.
/// The graph drawn at the top of Package.swift and in docs/ARCHITECTURE.md is only worth
/// reading if the build enforces it; an undeclared import builds today only because
/// another dependency happens to bring the module along, and an unused one makes a
/// target wait for modules it never needs (on two cores, minutes of a clean build).
@Suite struct PackageGraphTests {
    struct Target {
        var name: String
        var path: String
        var dependencies: Set<String>
    }

    /// The manifest as SwiftPM reads it (`swift package dump-package`), with its own
    /// scratch folder so it does not wait for the lock of the `swift test` running us.
    static func targets() throws -> [Target] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("twinc-dump-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"),
                                          ["swift", "package", "--scratch-path", scratch.path, "dump-package"],
                                          in: Twinc.repositoryRoot, timeout: 120)
        try #require(result.status == 0, "swift package dump-package: \(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let targets = try #require(json["targets"] as? [[String: Any]])
        return targets.compactMap { target in
            guard let name = target["name"] as? String, let type = target["type"] as? String, type != "system" else { return nil }
            let path = target["path"] as? String ?? (type == "test" ? "Tests/\(name)" : "Sources/\(name)")
            var dependencies: Set<String> = []
            for dependency in target["dependencies"] as? [[String: Any]] ?? [] {
                for value in dependency.values {
                    if let first = (value as? [Any])?.first as? String { dependencies.insert(first) }
                }
            }
            return Target(name: name, path: path, dependencies: dependencies)
        }
    }

    /// The modules `import`ed by the Swift files under `path`.
    static func imports(under path: String) -> Set<String> {
        let root = Twinc.repositoryRoot.appendingPathComponent(path)
        var found: Set<String> = []
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "swift", let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ")
                guard let index = words.firstIndex(of: "import"), index + 1 < words.count,
                      words[..<index].allSatisfy({ $0.hasPrefix("@") }) else { continue }
                found.insert(String(words[index + 1]))
            }
        }
        return found
    }

    @Test func everyImportIsDeclaredAndEveryDeclaredDependencyImported() throws {
        let targets = try Self.targets()
        #expect(targets.count > 20, "read \(targets.count) targets")
        let local = Set(targets.map(\.name)).union(["CYAML"])
        for target in targets {
            let imported = Self.imports(under: target.path).intersection(local).subtracting([target.name])
            let declared = target.dependencies.intersection(local)
            #expect(imported.subtracting(declared).isEmpty,
                    "\(target.name) imports \(imported.subtracting(declared).sorted()) without declaring them")
            #expect(declared.subtracting(imported).isEmpty,
                    "\(target.name) declares \(declared.subtracting(imported).sorted()) but never imports them")
        }
    }
}
