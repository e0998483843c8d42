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
        guard !candidates.contains(reference.value), !unread.contains(reference.value) else { return nil }
        let sorted = Array(Set(candidates + unread)).sorted()
        var notes: [DiagnosticNote] = []
        var fix: FixIt?
        if let near = nearestName(to: reference.value, among: sorted) {
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
