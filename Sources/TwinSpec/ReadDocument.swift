import TwinDiagnostics
import TwinUnits
import TwinYAML

/// The spec stage for one file: checks the header (`twin: 1`, `kind:`), reads the
/// document with the kind's reader and runs the checks that need only this document
/// (duplicate ids, references inside it, contradictions between its goals).
///
/// Returns the typed document only when no error was found, so the next stage never
/// sees a half-read document; the diagnostics hold every problem of the file (and any
/// warnings, which do not withhold the document). Cross-document references are
/// `checkWorkspace`'s job.
public func readDocument(_ document: YAMLDocument) -> (SpecDocument?, [Diagnostic]) {
    let (typed, diagnostics, _) = readDocument(document, cap: .unlimited)
    return (typed, diagnostics)
}

/// `readDocument` keeping at most `cap` diagnostics (the rest counted in the third
/// element), so a file with a problem on every line costs bounded memory.
public func readDocument(_ document: YAMLDocument, cap: DiagnosticCap)
    -> (SpecDocument?, [Diagnostic], DroppedDiagnostics) {
    let read = readDocumentKeepingPartial(document, cap: cap)
    return (read.complete, read.diagnostics, read.dropped)
}

/// One file's reading: the document when it read without errors (`complete`), else what
/// did read (`partial`: entries with errors left out, their ids kept in `unread`) so
/// the cross-document checks can report in the same pass; never given to compile.
public struct DocumentReading: Sendable {
    public var complete: SpecDocument?
    public var partial: SpecDocument?
    public var diagnostics: [Diagnostic]
    public var dropped: DroppedDiagnostics
}

/// `readDocument`, also returning the partly read document of a file with errors.
public func readDocumentKeepingPartial(_ document: YAMLDocument, cap: DiagnosticCap) -> DocumentReading {
    let (typed, diagnostics, dropped) = readTypedDocument(document, cap: cap)
    let clean = !diagnostics.hasErrors && dropped.errors == 0
    return DocumentReading(complete: clean ? typed : nil, partial: clean ? nil : typed,
                           diagnostics: diagnostics, dropped: dropped)
}

private func readTypedDocument(_ document: YAMLDocument, cap: DiagnosticCap)
    -> (SpecDocument?, [Diagnostic], DroppedDiagnostics) {
    guard let root = document.root else {
        return (nil, [.error(
            SpecDiagnostics.notAMapping, "the document is empty", at: .file(document.file),
            notes: [DiagnosticNote("a twinc document starts with `twin: 1` and `kind: usecase|intent|catalogue`")])],
                DroppedDiagnostics())
    }
    guard root.mapping != nil else {
        return (nil, [.error(
            SpecDiagnostics.notAMapping, "a twinc document is a mapping, found \(root.kindDescription)",
            at: root.range,
            notes: [DiagnosticNote("a twinc document starts with `twin: 1` and `kind: usecase|intent|catalogue`")])],
                DroppedDiagnostics())
    }
    var diagnostics = checkVersion(root)
    guard let kind = readKind(root, into: &diagnostics) else { return (nil, diagnostics, DroppedDiagnostics()) }

    var reader = MappingReader(root, shape: kind.shape, cap: cap)
    reader.claim("twin")
    reader.claim("kind")
    let file = document.file
    var typed: SpecDocument?
    switch kind {
    case .usecase:
        if let useCase = UseCaseReader.read(&reader, file: file) {
            let checks = UseCaseChecks.check(useCase, room: reader.cap.perFile - reader.diagnostics.count)
            reader.report(contentsOf: checks.kept)
            reader.dropped += checks.dropped
            typed = .usecase(useCase)
        }
    case .intent:
        if let intent = IntentReader.read(&reader, file: file) {
            reader.report(contentsOf: IntentChecks.check(intent))
            typed = .intent(intent)
        }
    case .catalogue:
        if let catalogue = CatalogueReader.read(&reader, file: file) {
            reader.report(contentsOf: CatalogueChecks.check(catalogue))
            typed = .catalogue(catalogue)
        }
    }
    diagnostics += reader.finishedDiagnostics()
    return (typed, diagnostics, reader.dropped)
}

/// `twin: 1`: absent → TS001, anything but the integer 1 → TS002.
private func checkVersion(_ root: Node) -> [Diagnostic] {
    guard let version = root["twin"] else {
        return [.error(
            SpecDiagnostics.missingVersion, "missing `twin: 1` (the document format version)", at: root.range,
            fix: FixIt("add the format version", range: SourceRange(
                file: root.range.file, start: root.range.start, end: root.range.start), replacement: "twin: 1\n"))]
    }
    if case .int(1) = version.scalar?.value { return [] }
    var notes = [DiagnosticNote("this twinc reads format version 1 only")]
    if let scalar = version.scalar, scalar.text == "1" {
        notes.append(DiagnosticNote("write the version as a number, without quotes"))
    }
    return [.error(
        SpecDiagnostics.unsupportedVersion,
        "unsupported format version `\(version.scalar?.text ?? version.kindDescription)`", at: version.range,
        notes: notes, fix: FixIt("use version 1", range: version.range, replacement: "1"))]
}

private func readKind(_ root: Node, into diagnostics: inout [Diagnostic]) -> DocumentKind? {
    let kinds = DocumentKind.allCases.map(\.rawValue)
    guard let node = root["kind"] else {
        diagnostics.append(.error(
            SpecDiagnostics.missingKind, "missing `kind` (one of \(ScalarReading.list(kinds)))", at: root.range))
        return nil
    }
    guard let text = node.scalar?.text, let kind = DocumentKind(rawValue: text),
          case .string = node.scalar?.value else {
        let written = node.scalar?.text ?? node.kindDescription
        var notes: [DiagnosticNote] = []
        var fix: FixIt?
        if let near = nearestKind(written) {
            notes.append(DiagnosticNote("did you mean `\(near)`?"))
            fix = FixIt("use the nearest kind", range: node.range, replacement: near)
        }
        notes.append(DiagnosticNote("`kind` is one of \(ScalarReading.list(kinds))"))
        diagnostics.append(.error(
            SpecDiagnostics.unknownKind, "unknown document kind `\(written)`", at: node.range, notes: notes, fix: fix))
        return nil
    }
    return kind
}

/// Also catches the common `use-case`/`usecases`/`catalog` spellings.
private func nearestKind(_ text: String) -> String? {
    let squashed = text.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
    if squashed == "catalog" || squashed == "catalogs" { return "catalogue" }
    return nearestName(to: squashed, among: DocumentKind.allCases.map(\.rawValue))
}
