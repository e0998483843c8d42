import Foundation
import Testing

/// Issue 14: the CI snippets in docs/ci.md work in a user's own repository. The tests
/// read the GitLab CI script and the GitHub Actions steps from the doc itself (so the doc
/// cannot drift from what is tested) and run their twinc lines in a scratch repository.
@Suite struct UserRepositoryCITests {
    /// The twinc command lines of the doc's block after `heading`: the lines that start
    /// with `prefix` (`- ` in GitLab's script, `- run: ` in GitHub's steps), a trailing
    /// comment and `|| true` dropped.
    static func scriptLines(after heading: String, prefix: String) throws -> [String] {
        let doc = try HostileCase.read("docs/ci.md")
        guard let start = doc.range(of: heading), let block = doc[start.upperBound...].range(of: "```yaml"),
              let end = doc[block.upperBound...].range(of: "```") else { return [] }
        return doc[block.upperBound..<end.lowerBound].split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix(prefix + "twinc ") }
            .map { line in
                // A ` #` starts a YAML comment, which is not part of the command.
                var command = String(line.dropFirst(prefix.count))
                if let comment = command.range(of: " #") { command = String(command[..<comment.lowerBound]) }
                command = command.trimmingCharacters(in: .whitespaces)
                return command.hasSuffix(" || true") ? String(command.dropLast(" || true".count)) : command
            }
    }

    @Test func theDocumentedGitLabScriptRunsInAScratchRepository() throws {
        let lines = try Self.scriptLines(after: "## GitLab CI", prefix: "- ")
        #expect(lines.count == 4, "validate, compile, run, report: \(lines)")
        try Self.runInScratchRepository(lines, name: "gitlab")
    }

    /// The GitHub Actions job: annotations (`--format github`) and a SARIF file for code
    /// scanning, then the same gate and page.
    @Test func theDocumentedGitHubStepsRunInAScratchRepository() throws {
        let lines = try Self.scriptLines(after: "## GitHub Actions", prefix: "- run: ")
        #expect(lines.count == 5, "validate ×2, compile, run, report: \(lines)")
        #expect(lines.contains { $0.contains("--format github") } && lines.contains { $0.contains("--format sarif") })
        let repo = try Self.runInScratchRepository(lines, name: "github", keep: true)
        defer { try? FileManager.default.removeItem(at: repo) }
        let sarif = try String(contentsOf: repo.appendingPathComponent("twinc.sarif"), encoding: .utf8)
        #expect(sarif.contains("\"version\"") && sarif.contains("2.1.0") && sarif.contains("\"runs\""), "\(sarif.prefix(300))")
    }

    /// Builds a scratch repository with the layout the doc assumes (`Templates/`,
    /// `Intents/`, an own `catalogue/`, schemas written by `twinc schema --write`) and runs
    /// each line there; `> FILE` keeps standard output. The run line gets a 10-minute
    /// horizon, 2 replications and no optimiser added, the only change, to keep the test
    /// seconds long. Returns the repository (removed unless `keep`).
    @discardableResult
    static func runInScratchRepository(_ lines: [String], name: String, keep: Bool = false) throws -> URL {
        let repo = FileManager.default.temporaryDirectory.appendingPathComponent("twinc-user-repo-\(name)-\(getpid())")
        try? FileManager.default.removeItem(at: repo)
        var done = false
        defer { if !keep || !done { try? FileManager.default.removeItem(at: repo) } }
        for folder in ["Templates", "Intents", "catalogue"] {
            try FileManager.default.createDirectory(at: repo.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in [HostileCase.template, HostileCase.intent] {
            try HostileCase.read(file).write(to: repo.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        try """
        twin: 1
        kind: catalogue
        name: ward-catalogue
        batteries:
          - id: ward-cell
            title: Ward spare cell
            description: The ward's own spare cell.
            capacity: 300 mAh
            voltage: 3 V
            source: ward inventory sheet 2026
        """.write(to: repo.appendingPathComponent("catalogue/ward.yaml"), atomically: true, encoding: .utf8)
        #expect(try Twinc.run(["schema", "--write", "schema", "--catalog", "catalogue"], in: repo).status == 0)
        #expect(FileManager.default.fileExists(atPath: repo.appendingPathComponent("schema/intent.schema.json").path))

        for line in lines {
            var words = line.split(separator: " ").map(String.init).dropFirst()  // "twinc"
            var stdoutFile: String?
            if let redirect = words.firstIndex(of: ">") {
                stdoutFile = words[words.index(after: redirect)]
                words = words[..<redirect]
            }
            var arguments = Array(words)
            if arguments.first == "run" { arguments += ["--horizon", "10min", "--replications", "2", "--no-optimise"] }
            let result = try Twinc.run(arguments, in: repo)
            if arguments.first == "run" {
                // The gate: 0 when every critical goal is met, 1 when one is not (the demo's
                // ECG delivery in a short run may be either); never a crash or a data error.
                #expect(result.status == 0 || result.status == 1, "\(line): \(result.stderr)")
            } else {
                #expect(result.status == 0, "\(line): \(result.stderr)")
            }
            if let stdoutFile {
                try result.stdout.write(to: repo.appendingPathComponent(stdoutFile), atomically: true, encoding: .utf8)
            }
        }
        let results = try String(contentsOf: repo.appendingPathComponent("results.json"), encoding: .utf8)
        #expect(results.contains("\"verdict\""))
        let page = try String(contentsOf: repo.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(page.lowercased().hasPrefix("<!doctype html>"))
        done = true
        return repo
    }
}
