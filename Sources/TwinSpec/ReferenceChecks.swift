import TwinDiagnostics
import TwinUnits

/// Duplicate-id and reference checks shared by the per-document and workspace stages,
/// so every "duplicate id" and "unknown reference" reads the same way.
enum ReferenceChecks {
    /// One `TS011` per repeated id, at the repeat, with a note at the first definition.
    static func duplicates(_ ids: [Located<String>], what: String) -> [Diagnostic] {
        var first: [String: Located<String>] = [:]
        var diagnostics: [Diagnostic] = []
        for id in ids {
            if let earlier = first[id.value] {
                diagnostics.append(.error(
                    SpecDiagnostics.duplicateID, "duplicate \(what) `\(id.value)`", at: id.range,
                    notes: [DiagnosticNote("first defined here", at: earlier.range)]))
            } else {
                first[id.value] = id
            }
        }
        return diagnostics
    }

    /// `TS012` when `reference` is not among `candidates`, with a did-you-mean note and
    /// the list of candidates (sorted, at most 12 shown).
    /// `unread`: names declared by entries that did not read (their own errors are
    /// reported); a reference to one is not an error and the list of known names shows them.
    static func reference(_ reference: Located<String>, to candidates: [String], what: String,
                          context: String? = nil, unread: [String] = []) -> Diagnostic? {
        var targets = ReferenceTargets(candidates, unread: unread)
        return targets.check(reference, what: what, context: context)
    }

    /// The diagnostic for a reference known to be unknown (`ReferenceTargets.check`).
    fileprivate static func unknown(_ reference: Located<String>, sorted: [String], nearest: String?, what: String,
                                    context: String?) -> Diagnostic {
        var notes: [DiagnosticNote] = []
        var fix: FixIt?
        if let near = nearest {
            notes.append(DiagnosticNote("did you mean `\(near)`?"))
            fix = FixIt("use the nearest \(what)", range: reference.range, replacement: near)
        }
        if sorted.isEmpty {
            notes.append(DiagnosticNote("there are no \(plural(what)) to refer to"))
        } else {
            let shown = sorted.prefix(12).map { "`\($0)`" }.joined(separator: ", ")
            notes.append(DiagnosticNote("known \(plural(what)): \(shown)\(sorted.count > 12 ? ", …" : "")"))
        }
        let suffix = context.map { " \($0)" } ?? ""
        return .error(
            SpecDiagnostics.unknownReference, "unknown \(what) `\(reference.value)`\(suffix)", at: reference.range,
            notes: notes, fix: fix)
    }

    /// "gateways", "device classes".
    static func plural(_ noun: String) -> String {
        noun.hasSuffix("s") ? noun + "es" : noun + "s"
    }
}

/// The names references of one kind may take (`candidates` and the ids of unread
/// entries), for checking many references against the same list: membership is a set
/// lookup, and the sorted list and did-you-mean index are built once, when the first
/// unknown reference needs them. Checking each of a thousand references against 50,000
/// unread gateway ids by array scans, a fresh sort and a fresh did-you-mean search took
/// minutes; the diagnostics are the same.
struct ReferenceTargets {
    private let known: Set<String>
    private var sorted: [String]?
    private var names: NearestNameIndex?

    init(_ candidates: [String], unread: [String] = []) {
        known = Set(candidates).union(unread)
    }

    /// False when `name` is a candidate or an unread id.
    func isUnknown(_ name: String) -> Bool { !known.contains(name) }

    /// `ReferenceChecks.reference` against these targets.
    mutating func check(_ reference: Located<String>, what: String, context: String? = nil) -> Diagnostic? {
        guard isUnknown(reference.value) else { return nil }
        return diagnostic(reference, what: what, context: context)
    }

    /// The TS012 of a reference `isUnknown` found unknown.
    mutating func diagnostic(_ reference: Located<String>, what: String, context: String? = nil) -> Diagnostic {
        let sorted = self.sorted ?? known.sorted()
        let names = self.names ?? NearestNameIndex(sorted)
        self.sorted = sorted
        self.names = names
        return ReferenceChecks.unknown(reference, sorted: sorted, nearest: names.nearest(to: reference.value), what: what,
                                       context: context)
    }
}
