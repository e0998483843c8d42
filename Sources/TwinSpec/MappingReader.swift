import TwinDiagnostics
import TwinUnits
import TwinVocabulary
import TwinYAML

/// Reads one YAML mapping against its `ObjectShape`. Fields are handed out by key
/// through typed accessors (`text`, `integer`, `enumeration`, `measure`, `objects`…)
/// that check the value against the field's declared type; every key handed out is
/// marked consumed, and `finish()` reports what is left: keys the shape does not know
/// (with a did-you-mean note) and required keys that are absent.
///
/// A reader is a value that collects its own diagnostics; nested readers (`object`,
/// `objects`) merge theirs back on return. It never stops at the first problem: an
/// accessor that finds a bad value records why and returns nil, and the caller carries
/// on, so one run reports every error of a document.
public struct MappingReader {
    /// The node the reader was opened on (a mapping unless `isMapping` is false).
    public let node: Node
    public let shape: ObjectShape
    public internal(set) var diagnostics: [Diagnostic] = []
    /// Diagnostics beyond `cap` (counted, not kept), this reader's and its nested ones'.
    public internal(set) var dropped = DroppedDiagnostics()
    /// At most this many diagnostics are kept, so a file with a problem per node costs
    /// bounded memory; nested readers inherit it.
    public let cap: DiagnosticCap
    /// False when the node was not a mapping; the wrong-type error is already recorded
    /// and every accessor returns nil.
    public let isMapping: Bool
    private let pairs: [Pair]
    private var consumed: Set<String> = []
    /// Required keys whose absence a more specific check already reported.
    private var absenceReported: Set<String> = []
    private var finished = false

    public init(_ node: Node, shape: ObjectShape, cap: DiagnosticCap = DiagnosticCap()) {
        self.node = node
        self.shape = shape
        self.cap = cap
        if let pairs = node.mapping {
            self.pairs = pairs
            self.isMapping = true
        } else {
            self.pairs = []
            self.isMapping = false
            diagnostics.append(.error(
                SpecDiagnostics.wrongType,
                "expected a mapping (\(shape.title)), found \(node.kindDescription)",
                at: node.range))
        }
    }

    /// Whether the mapping has the key (whatever its value).
    public func has(_ key: String) -> Bool { pair(key) != nil }

    /// The range of a key as written, for diagnostics about the key itself.
    public func keyRange(_ key: String) -> SourceRange? { pair(key)?.key.range }

    /// The raw value node of a key, marking it consumed. For the few values whose type
    /// depends on another key (a goal's target depends on its KPI).
    public mutating func take(_ key: String) -> Node? {
        guard let field = shape.field(key) else {
            assertionFailure("`\(key)` is not a field of \(shape.title)")
            return nil
        }
        consumed.insert(field.key)
        return pair(key)?.value
    }

    /// Consumes a key whose value (or absence) the caller checks itself with a more
    /// specific diagnostic (the `twin` and `kind` header), so `finish()` stays silent
    /// about it.
    public mutating func claim(_ key: String) {
        _ = take(key)
        absenceReported.insert(key)
    }

    /// Records a diagnostic found by the caller while building from this mapping.
    public mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
        trim()
    }
    public mutating func report(contentsOf more: [Diagnostic]) {
        diagnostics.append(contentsOf: more)
        trim()
    }

    /// Adds `note` to the diagnostics this reader made about `key`'s value (its own,
    /// not nested ones): for keys that mean different things in different documents.
    public mutating func addNote(_ note: String, toProblemsWith key: String) {
        guard let range = pair(key)?.value.range else { return }
        for index in diagnostics.indices where diagnostics[index].range == range {
            diagnostics[index].notes.append(DiagnosticNote(note))
        }
    }

    /// True once this reader holds `cap` diagnostics with an error among them: the
    /// document is refused whatever follows, so list readers stop checking entries.
    var stopsChecking: Bool {
        diagnostics.count >= cap.perFile && (dropped.errors > 0 || diagnostics.contains { $0.severity == .error })
    }

    /// Moves the diagnostics beyond `cap` into the `dropped` count. Called after each
    /// step that can add many (a list element, a nested mapping, unknown keys).
    mutating func trim() {
        guard diagnostics.count > cap.perFile else { return }
        for diagnostic in diagnostics[cap.perFile...] { dropped.count(diagnostic) }
        diagnostics.removeSubrange(cap.perFile...)
    }

    /// Reports unknown keys and missing required keys. Called once, after all
    /// accessors; `object`/`objects` call it for nested readers.
    public mutating func finish() {
        guard !finished else { return }
        finished = true
        guard isMapping else { return }
        // A misspelt required key is one mistake: one error at the key, with the fix,
        // not "missing `placement`" at the mapping plus "unknown `placment`".
        var misspeltRequired: Set<String> = []
        for pair in pairs {
            let key = pair.key.scalar?.text ?? ""
            guard !consumed.contains(key) else { continue }
            guard diagnostics.count < cap.perFile else {
                dropped.errors += 1  // counted without computing its did-you-mean note
                continue
            }
            let diagnostic = unknownKeyDiagnostic(key, at: pair.key.range)
            if let meant = diagnostic.fix?.replacement, let field = shape.field(meant), field.isRequired,
               self.pair(meant) == nil, misspeltRequired.insert(meant).inserted {
                var single = diagnostic
                single.message = "unknown key `\(key)` in \(shape.title): the required key `\(meant)` is misspelt"
                diagnostics.append(single)
                continue
            }
            diagnostics.append(diagnostic)
        }
        for field in shape.fields
        where field.isRequired && pair(field.key) == nil && !absenceReported.contains(field.key)
            && !misspeltRequired.contains(field.key) {
            diagnostics.append(.error(
                SpecDiagnostics.missingField,
                "missing required key `\(field.key)` in \(shape.title)",
                at: node.range,
                notes: [DiagnosticNote("`\(field.key)`: \(field.summary)")]))
        }
        trim()
        for group in shape.anyOfRequired where !group.contains(where: has) {
            let names = group.map { "`\($0)`" }.joined(separator: " or ")
            diagnostics.append(.error(
                SpecDiagnostics.missingField,
                "\(shape.title) needs \(names)", at: node.range))
        }
    }

    /// Finishes and returns every diagnostic of this reader and its nested readers.
    public mutating func finishedDiagnostics() -> [Diagnostic] {
        finish()
        return diagnostics
    }

    // MARK: - Internals shared by the accessor files

    func pair(_ key: String) -> Pair? {
        pairs.first { $0.key.scalar?.text == key }
    }

    /// The field and its value node, consuming the key; nil when absent.
    mutating func fieldValue(_ key: String) -> (FieldShape, Node)? {
        guard let field = shape.field(key) else {
            assertionFailure("`\(key)` is not a field of \(shape.title)")
            return nil
        }
        consumed.insert(key)
        guard let value = pair(key)?.value else { return nil }
        return (field, value)
    }

    private func unknownKeyDiagnostic(_ key: String, at range: SourceRange) -> Diagnostic {
        let known = shape.keys
        if let suggestion = nearestName(to: key, among: known) {
            return .error(
                SpecDiagnostics.unknownKey, "unknown key `\(key)` in \(shape.title)", at: range,
                notes: [DiagnosticNote("did you mean `\(suggestion)`?")],
                fix: FixIt("rename the key", range: range, replacement: suggestion))
        }
        return .error(
            SpecDiagnostics.unknownKey, "unknown key `\(key)` in \(shape.title)", at: range,
            notes: [DiagnosticNote("known keys: \(known.map { "`\($0)`" }.joined(separator: ", "))")])
    }
}
