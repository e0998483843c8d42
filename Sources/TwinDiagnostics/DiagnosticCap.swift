/// How many diagnostics one file may report (`--max-diagnostics`). A 5 MB file of one
/// repeated key holds a million errors; printing them all took 150 MB of stderr and a
/// gigabyte and a half of memory, and helps nobody. Stages keep the first `perFile`
/// (they record as they go, so memory stays bounded too) and count the rest; the
/// output ends a capped file with "and M more".
public struct DiagnosticCap: Sendable, Hashable {
    /// Diagnostics (errors and warnings) reported per file; `Int.max` for no cap.
    public var perFile: Int

    public init(perFile: Int = DiagnosticCap.defaultPerFile) {
        self.perFile = Swift.max(1, perFile)
    }

    /// Enough to see every problem of a real document, few enough to read.
    public static let defaultPerFile = 100
    public static let unlimited = DiagnosticCap(perFile: .max)
}

/// Diagnostics that were found but not kept, by severity, and the list entries left
/// unchecked once a file's errors filled the cap.
public struct DroppedDiagnostics: Sendable, Hashable {
    public var errors = 0
    public var warnings = 0
    /// Entries of a list (devices, goals, catalogue entries…) not read at all: once a
    /// file has `cap` diagnostics and errors among them, the reader stops checking, as a
    /// compiler's error limit does (the file is refused anyway; building a million more
    /// messages only to count them cost seconds).
    public var uncheckedEntries = 0

    public init(errors: Int = 0, warnings: Int = 0, uncheckedEntries: Int = 0) {
        self.errors = errors
        self.warnings = warnings
        self.uncheckedEntries = uncheckedEntries
    }

    public var total: Int { errors + warnings }
    /// True when anything was left out (diagnostics or entries).
    public var isEmpty: Bool { total == 0 && uncheckedEntries == 0 }

    public mutating func count(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .error { errors += 1 } else { warnings += 1 }
    }

    public static func += (lhs: inout DroppedDiagnostics, rhs: DroppedDiagnostics) {
        lhs.errors += rhs.errors
        lhs.warnings += rhs.warnings
        lhs.uncheckedEntries += rhs.uncheckedEntries
    }

    /// "and 999,898 more errors not shown" / "and 3 more errors and 2 more warnings not
    /// shown; 25,900 more list entries were not checked".
    public var summary: String {
        var parts: [String] = []
        if errors > 0 { parts.append("\(Self.grouped(errors)) more error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(Self.grouped(warnings)) more warning\(warnings == 1 ? "" : "s")") }
        var text = parts.isEmpty ? "" : "and " + parts.joined(separator: " and ") + " not shown"
        if uncheckedEntries > 0 {
            text += (text.isEmpty ? "" : "; ") + "\(Self.grouped(uncheckedEntries)) more list entr"
                + (uncheckedEntries == 1 ? "y was" : "ies were") + " not checked"
        }
        return text
    }

    /// 999898 → "999,898".
    public static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}

/// An append-only list of diagnostics that keeps at most `cap.perFile` and counts the
/// rest, for a stage that may find a problem per node of a huge file.
public struct CappedDiagnostics: Sendable {
    public private(set) var kept: [Diagnostic] = []
    public private(set) var dropped = DroppedDiagnostics()
    public let cap: DiagnosticCap
    private var keptErrors = 0

    public init(cap: DiagnosticCap) { self.cap = cap }

    /// True when an error was found, kept or not: a capped file is still a bad file.
    public var hasErrors: Bool { dropped.errors > 0 || keptErrors > 0 }
    /// True once `cap` diagnostics are kept: a caller may count instead of building more.
    public var isFull: Bool { kept.count >= cap.perFile }

    public mutating func append(_ diagnostic: Diagnostic) {
        if kept.count < cap.perFile {
            kept.append(diagnostic)
            if diagnostic.severity == .error { keptErrors += 1 }
        } else {
            dropped.count(diagnostic)
        }
    }

    /// Counts a diagnostic of `severity` without building it (the list is full).
    public mutating func countDropped(_ severity: Severity) {
        if severity == .error { dropped.errors += 1 } else { dropped.warnings += 1 }
    }

    public mutating func append(contentsOf diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { append(diagnostic) }
    }

    public mutating func add(dropped more: DroppedDiagnostics) { dropped += more }
}

extension Array where Element == Diagnostic {
    /// At most `cap.perFile` diagnostics per file, in display order, and per file how
    /// many were left out (added to `alreadyDropped`, what the stages counted but did not
    /// keep). Diagnostics without a file are never capped.
    public func capped(_ cap: DiagnosticCap, alreadyDropped: [String: DroppedDiagnostics] = [:])
        -> (shown: [Diagnostic], dropped: [(file: String, count: DroppedDiagnostics)]) {
        var shownPerFile: [String: Int] = [:]
        var dropped = alreadyDropped
        var shown: [Diagnostic] = []
        for diagnostic in sortedForDisplay() {
            guard let file = diagnostic.range?.file else { shown.append(diagnostic); continue }
            if shownPerFile[file, default: 0] < cap.perFile {
                shownPerFile[file, default: 0] += 1
                shown.append(diagnostic)
            } else {
                dropped[file, default: DroppedDiagnostics()].count(diagnostic)
            }
        }
        return (shown, dropped.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }
}
