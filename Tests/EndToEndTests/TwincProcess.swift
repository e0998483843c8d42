import Foundation
import Testing
import TwinProcess

/// What one run of the built `twinc` binary did.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Locates and runs the `twinc` executable that `swift build` put next to the test
/// bundle (or the one named by `TWINC_BINARY`), from the repository root so relative
/// paths in its output match the golden files.
enum Twinc {
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL {
        if let override = ProcessInfo.processInfo.environment["TWINC_BINARY"] {
            return URL(fileURLWithPath: override)
        }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("twinc")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return repositoryRoot.appendingPathComponent(".build/debug/twinc")
    }

    /// Runs twinc with `arguments` and no terminal (so no colour, no progress).
    /// `directory`: where it runs (the repository root unless a test plays a user's own
    /// repository). A run still going after `timeout` seconds is killed and recorded as a
    /// test failure, so a hang names its test instead of stalling the whole suite.
    static func run(_ arguments: [String], environment: [String: String] = [:],
                    in directory: URL? = nil, timeout: TimeInterval = 900,
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> ProcessResult {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        let result = try ChildProcess.run(binary, arguments, in: directory ?? repositoryRoot, environment: env, timeout: timeout)
        if result.timedOut {
            Issue.record("twinc \(arguments.joined(separator: " ")) was still running after \(Int(timeout)) s and was killed",
                         sourceLocation: sourceLocation)
        }
        return ProcessResult(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }
}

/// Compares `actual` with the golden file at `Golden/<name>`; with `TWINC_RECORD=1`
/// rewrites the golden file instead (review the diff before committing).
func expectGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = Twinc.repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Golden").appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["TWINC_RECORD"] == "1" {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("missing golden file \(name); run the tests with TWINC_RECORD=1 to create it", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "output differs from Golden/\(name); re-record with TWINC_RECORD=1 and review the diff", sourceLocation: sourceLocation)
}
