import Foundation
import TwinProcess

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

/// Runs processes through `ChildProcess` (which observes a child's end with `waitpid`,
/// not Foundation's `waitUntilExit()`, which can hang on Linux), the executable looked
/// up on `PATH` when it has no slash; output is read as it comes, so a chatty child
/// never blocks.
public struct SystemProcessRunner: ProcessRunning {
    public init() {}

    public func run(_ command: ProcessCommand) -> ProcessOutcome {
        guard let executable = Self.locate(command.executable) else {
            return ProcessOutcome(status: 127, standardError: "\(command.executable): command not found")
        }
        do {
            let result = try ChildProcess.run(URL(fileURLWithPath: executable), command.arguments)
            return ProcessOutcome(status: result.termination.status, signalled: result.termination.signalled,
                                  standardOutput: result.stdout, standardError: result.stderr, wallSeconds: result.wallSeconds)
        } catch {
            return ProcessOutcome(status: 126, standardError: "\(executable): \(error.localizedDescription)")
        }
    }

    static func locate(_ name: String) -> String? {
        if name.contains("/") { return name }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
