import Foundation
import TwinRuntime

/// The one-line progress indication of `twinc run` on a terminal: nothing for runs
/// that finish within `delay` (most runs: no flicker), then a line rewritten in place
/// at most every `minimumInterval`, and erased at the end so the report starts on a
/// clean line. Pure: the caller supplies elapsed times and writes the text (only when
/// standard error is a terminal, so CI logs never see it).
public struct RunProgressLine: Sendable {
    public var delay: Duration
    public var minimumInterval: Duration
    private var lastShown: Duration?

    public init(delay: Duration = .seconds(1), minimumInterval: Duration = .milliseconds(100)) {
        self.delay = delay
        self.minimumInterval = minimumInterval
    }

    /// Whether anything has been written (and must be erased).
    public var isShowing: Bool { lastShown != nil }

    /// The text to write for `progress` at `elapsed`, or nil to write nothing now.
    public mutating func update(_ progress: RunProgress, elapsed: Duration) -> String? {
        guard elapsed >= delay else { return nil }
        if let lastShown, elapsed - lastShown < minimumInterval, progress.completed < progress.total { return nil }
        lastShown = elapsed
        let percent = Int((progress.fraction * 100).rounded(.down))
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return "\r\u{1B}[K" + "running: \(progress.completed)/\(progress.total) replications (\(percent) %), "
            + "last `\(progress.scenarioID)` #\(progress.replication), \(Int(seconds)) s"
    }

    /// The text that erases the line, if one was shown.
    public mutating func finish() -> String? {
        guard isShowing else { return nil }
        lastShown = nil
        return "\r\u{1B}[K"
    }
}

/// Feeds `RunProgressLine` from the workers' progress callbacks (any thread) and hands
/// the text to `write`. The caller decides whether to create one at all (a terminal,
/// not CI).
public final class RunProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var line: RunProgressLine
    private let write: @Sendable (String) -> Void

    public init(line: RunProgressLine = RunProgressLine(), write: @escaping @Sendable (String) -> Void) {
        self.line = line
        self.write = write
        start = clock.now
    }

    public func report(_ progress: RunProgress) {
        lock.lock()
        defer { lock.unlock() }
        if let text = line.update(progress, elapsed: start.duration(to: clock.now)) { write(text) }
    }

    /// Erases the line if one was shown; call before printing the report.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        if let text = line.finish() { write(text) }
    }
}
