import Foundation

/// Runs a child process with every wait bounded and its end observed by `waitpid`.
///
/// Why not `Process.waitUntilExit()`: on Linux, Foundation learns that a child ended from
/// a SIGCHLD it handles on its own thread, and that notice can be lost; the child then
/// stays a zombie, `isRunning` stays true and `waitUntilExit()` never returns. Seen here:
/// the Slurm test's `slurm-local.sh start` exited in a second and the test process waited
/// on it for twenty minutes with the shell `<defunct>` beside it; code elsewhere records
/// the same hang. So the end of a child is taken from `waitpid(pid, WNOHANG)`, polled;
/// if Foundation reaped it first (ECHILD), its own status is used.
///
/// Output is read through pipes by two readers that run while the child does (a chatty
/// child cannot block on a full pipe); after the child has ended the readers get a short
/// grace period only, so a grandchild that inherited a pipe (a daemon the child started)
/// cannot keep the caller waiting for end-of-file.
public enum ChildProcess {
    /// How a child ended.
    public struct Termination: Sendable, Hashable {
        /// The exit status, or the signal number when `signalled`.
        public var status: Int32
        public var signalled: Bool
        /// Still running at the deadline, so killed (`status` is then SIGKILL's number).
        public var timedOut: Bool
    }

    /// What one run printed and how it ended.
    public struct Result: Sendable {
        public var termination: Termination
        public var stdout: String
        public var stderr: String
        public var wallSeconds: Double

        /// The exit status; -1 for a child killed at the deadline or by a signal.
        public var status: Int32 { termination.signalled ? -1 : termination.status }
        public var timedOut: Bool { termination.timedOut }
    }

    /// Runs `executable` with `arguments` in `directory` (the caller's when nil), with
    /// `environment` (the caller's when nil) and no standard input. With a `timeout`, a
    /// child still running after that many seconds is killed with SIGKILL. `longestPause`
    /// bounds the wait between two looks at the child (`reap`).
    public static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                           environment: [String: String]? = nil, timeout: TimeInterval? = nil,
                           longestPause: TimeInterval = 0.05) throws -> Result {
        let started = Date()
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()

        let readers = DispatchGroup()
        let collectedOut = Collected(), collectedErr = Collected()
        for (pipe, collected) in [(out, collectedOut), (err, collectedErr)] {
            readers.enter()
            let handle = pipe.fileHandleForReading
            Thread.detachNewThread {
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    collected.append(chunk)
                }
                readers.leave()
            }
        }
        let termination = reap(process, deadline: timeout.map { started.addingTimeInterval($0) },
                               longestPause: longestPause)
        _ = readers.wait(timeout: .now() + 5)
        var stderr = collectedErr.text
        if termination.timedOut, let timeout { stderr += "\n[killed: still running after \(Int(timeout)) s]\n" }
        return Result(termination: termination, stdout: collectedOut.text, stderr: stderr,
                      wallSeconds: Date().timeIntervalSince(started))
    }

    /// Waits for a started `process` to end, polling `waitpid`; past `deadline` (nil:
    /// none) kills it with SIGKILL and waits for that. Use instead of `waitUntilExit()`.
    /// The pause between polls doubles from 2 ms up to `longestPause` (50 ms: cheap for
    /// long children); a caller timing a child that lives for milliseconds passes a
    /// fraction of one, or the pause becomes the measurement.
    public static func reap(_ process: Process, deadline: Date? = nil, longestPause: TimeInterval = 0.05) -> Termination {
        var timedOut = false
        var pause = min(0.002, longestPause)
        while true {
            if var ended = poll(process) {
                ended.timedOut = timedOut
                return ended
            }
            if let deadline, !timedOut, Date() >= deadline {
                kill(process.processIdentifier, SIGKILL)
                timedOut = true
            }
            Thread.sleep(forTimeInterval: pause)
            pause = min(pause * 2, longestPause)
        }
    }

    /// How `process` ended, or nil while it runs; never blocks. Once it has returned a
    /// termination, do not ask `process` itself (`isRunning` may never turn false when
    /// the child was reaped here): keep the value.
    public static func poll(_ process: Process) -> Termination? {
        let pid = process.processIdentifier
        var status: Int32 = 0
        let waited = waitpid(pid, &status, WNOHANG)
        if waited == pid {
            let signal = status & 0x7f
            return signal == 0
                ? Termination(status: (status >> 8) & 0xff, signalled: false, timedOut: false)
                : Termination(status: signal, signalled: true, timedOut: false)
        }
        guard waited == -1, errno != EINTR else { return nil }
        // Foundation reaped it first (ECHILD): its record of the end is complete once
        // `isRunning` turns false, which it does right after its own waitpid.
        let settle = Date().addingTimeInterval(5)
        while process.isRunning, Date() < settle { Thread.sleep(forTimeInterval: 0.005) }
        // Reaped by someone else without Foundation's knowledge: the status is lost.
        guard !process.isRunning else { return Termination(status: -1, signalled: true, timedOut: false) }
        return Termination(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                           timedOut: false)
    }

    /// Bytes one reader has collected so far; read and written under its lock because the
    /// caller may give up on a reader that is still blocked in `read`.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()

        func append(_ more: Data) {
            lock.lock()
            data.append(more)
            lock.unlock()
        }

        var text: String {
            lock.lock()
            defer { lock.unlock() }
            return String(decoding: data, as: UTF8.self)
        }
    }
}
