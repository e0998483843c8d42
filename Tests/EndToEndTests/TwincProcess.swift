import Foundation
import Testing

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
    /// repository).
    static func run(_ arguments: [String], environment: [String: String] = [:],
                    in directory: URL? = nil) throws -> ProcessResult {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? repositoryRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes before waiting so a chatty child cannot block on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.wait()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus,
                             stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
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
