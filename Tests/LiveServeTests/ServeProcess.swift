import Foundation
import Testing
import TwinProcess
import TwinServe

/// Runs the built `twinc-serve` (beside the test bundle, or `TWINC_SERVE_BINARY`) from
/// the repository root, on 127.0.0.1 with a free port, and stops it.
final class ServeProcess: @unchecked Sendable {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL {
        if let override = ProcessInfo.processInfo.environment["TWINC_SERVE_BINARY"] { return URL(fileURLWithPath: override) }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("twinc-serve")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return repositoryRoot.appendingPathComponent(".build/debug/twinc-serve")
    }

    let process = Process()
    private(set) var port = 0
    private let output = Pipe()
    private let lock = NSLock()
    private var lines: [String] = []
    /// Signalled when the reader has seen the end of the child's output.
    private let outputEnded = DispatchSemaphore(value: 0)
    /// How the child ended, once `waitpid` has said so (Foundation's `isRunning` may
    /// never turn false when its SIGCHLD notice is lost; see `ChildProcess`).
    private var termination: ChildProcess.Termination?

    /// The child's end, polled without blocking and kept once known.
    fileprivate func ended() -> ChildProcess.Termination? {
        lock.lock()
        defer { lock.unlock() }
        if termination == nil { termination = ChildProcess.poll(process) }
        return termination
    }

    /// Starts `twinc-serve ARGUMENTS` and, for `serve`, waits for its "listening on" line.
    /// With `mergeStandardError` its errors join the output (a one-shot run's reason to
    /// fail); otherwise they are dropped (a server's request log).
    init(_ arguments: [String], waitForPort: Bool = true, mergeStandardError: Bool = false) throws {
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = Self.repositoryRoot
        process.standardOutput = output
        process.standardError = mergeStandardError ? output : FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let handle = output.fileHandleForReading
        Thread.detachNewThread { [self] in
            var buffer = ""
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                buffer += String(decoding: data, as: UTF8.self)
                while let newline = buffer.firstIndex(of: "\n") {
                    let line = String(buffer[..<newline])
                    buffer.removeSubrange(...newline)
                    lock.lock()
                    lines.append(line)
                    lock.unlock()
                }
            }
            outputEnded.signal()
        }
        guard waitForPort else { return }
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let line = self.output(matching: "listening on http://127.0.0.1:"),
               let value = line.split(separator: " ")[2].split(separator: ":").last.flatMap({ Int($0) }) {
                port = value
                return
            }
            guard ended() == nil else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        stop(kill: true)
        throw ServeTestError("the server did not start within 60 s: \(allOutput)")
    }

    var allOutput: String {
        lock.lock()
        defer { lock.unlock() }
        return lines.joined(separator: "\n")
    }

    func output(matching text: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return lines.first { $0.contains(text) }
    }

    /// Waits for the process to end (at most `timeout` s); its exit status.
    func wait(timeout: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while ended() == nil, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return ended().map { $0.signalled ? -1 : $0.status }
    }

    /// SIGTERM (graceful) or SIGKILL (a crash), then waits, 15 s at most for each signal.
    func stop(kill: Bool = false) {
        guard ended() == nil else { return }
        if kill { Foundation.kill(process.processIdentifier, SIGKILL) } else { process.terminate() }
        guard wait(timeout: 15) == nil else { return }
        if !kill { Issue.record("the child did not stop within 15 s of SIGTERM") }
        Foundation.kill(process.processIdentifier, SIGKILL)
        if wait(timeout: 15) == nil { Issue.record("the child did not end within 15 s of SIGKILL") }
    }

    /// Waits (at most `timeout` s) until the reader has every line the child wrote.
    func waitForOutput(timeout: Double) -> Bool { outputEnded.wait(timeout: .now() + timeout) == .success }

    deinit { stop(kill: true) }

    func client() -> HTTPClient { HTTPClient(host: "127.0.0.1", port: port) }

    /// Runs `twinc-serve ARGUMENTS` to its end (output and errors together), `timeout` s at most: past it the child is
    /// killed and the run throws with what it printed so far (a hung emulator must not
    /// outlive its test, nor keep posting to the next test's server).
    static func run(_ arguments: [String], timeout: Double = 600) throws -> (status: Int32, stdout: String) {
        let process = try ServeProcess(arguments, waitForPort: false, mergeStandardError: true)
        guard let status = process.wait(timeout: timeout) else {
            process.stop(kill: true)
            _ = process.waitForOutput(timeout: 5)
            throw ServeTestError("`twinc-serve \(arguments.first ?? "")` did not end within \(Int(timeout)) s and was killed; it printed:\n\(process.allOutput)")
        }
        if !process.waitForOutput(timeout: 15) { Issue.record("the child's output did not end within 15 s of its exit") }
        // A child ended by a signal says which (status −1 alone hid a crash at exit).
        let signal = process.ended().flatMap { $0.signalled ? $0.status : nil }
        return (status, process.allOutput + (signal.map { "\n[ended by signal \($0)]" } ?? ""))
    }

    /// A port nobody listens on now (bound to 0, read, released).
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

struct ServeTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A temporary folder with a token file holding one token per scope set.
struct LiveFixture {
    let folder: URL
    let tokens: String
    let all: String
    let readOnly: String
    let ingestOnly: String

    init(twin: String = "icu-monitoring") throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinc-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        tokens = folder.appendingPathComponent("tokens").path
        all = try TokenFile.create(twin: twin, scopes: [.ingest, .read, .control], path: tokens)
        readOnly = try TokenFile.create(twin: twin, scopes: [.read], path: tokens)
        ingestOnly = try TokenFile.create(twin: twin, scopes: [.ingest], path: tokens)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
}
