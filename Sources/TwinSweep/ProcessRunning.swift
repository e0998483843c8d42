import Foundation

/// A command an engine runs: a shard (`twinc sweep run`), `sbatch`, `squeue`, `sacct`.
public struct ProcessCommand: Sendable, Hashable {
    public var executable: String
    public var arguments: [String]

    public init(_ executable: String, _ arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
    }
}

/// How a command ended.
public struct ProcessOutcome: Sendable, Hashable {
    /// The exit status, or the signal number when `signalled`.
    public var status: Int32
    public var signalled: Bool
    public var standardOutput: String
    public var standardError: String
    public var wallSeconds: Double

    public init(status: Int32, signalled: Bool = false, standardOutput: String = "", standardError: String = "",
                wallSeconds: Double = 0) {
        self.status = status
        self.signalled = signalled
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.wallSeconds = wallSeconds
    }

    public var succeeded: Bool { !signalled && status == 0 }

    /// `exited with status 70` / `killed by signal 11`, and the last line of standard error.
    public var failureText: String {
        let how = signalled ? "killed by signal \(status)" : "exited with status \(status)"
        let last = standardError.split(separator: "\n").last.map { ": \($0)" } ?? ""
        return how + last
    }
}

/// Runs processes for the engines. The engines take it as a collaborator, so tests
/// give them a fake that plays `sbatch`/`squeue` or a crashing shard without a cluster.
public protocol ProcessRunning: Sendable {
    func run(_ command: ProcessCommand) -> ProcessOutcome
}

/// Runs processes with Foundation's `Process`, the executable looked up on `PATH` when
/// it has no slash; output is read as it comes, so a chatty child never blocks.
public struct SystemProcessRunner: ProcessRunning {
    public init() {}

    public func run(_ command: ProcessCommand) -> ProcessOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        let process = Process()
        guard let executable = Self.locate(command.executable) else {
            return ProcessOutcome(status: 127, standardError: "\(command.executable): command not found")
        }
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = command.arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            return ProcessOutcome(status: 126, standardError: "\(executable): \(error.localizedDescription)")
        }
        let collected = CollectedOutput()
        let group = DispatchGroup()
        for (pipe, isError) in [(output, false), (error, true)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(String(decoding: data, as: UTF8.self), isError: isError)
                group.leave()
            }
        }
        process.waitUntilExit()
        group.wait()
        let (out, err) = collected.values
        return ProcessOutcome(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                              standardOutput: out, standardError: err, wallSeconds: seconds(clock.now - start))
    }

    static func locate(_ name: String) -> String? {
        if name.contains("/") { return name }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// The two streams of a child, filled from two reader threads.
private final class CollectedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var output = ""
    private var error = ""

    func set(_ text: String, isError: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if isError { error = text } else { output = text }
    }

    var values: (String, String) {
        lock.lock()
        defer { lock.unlock() }
        return (output, error)
    }
}
