import Foundation
import TwinDiagnostics
import TwinJSON
import TwinReport

/// What `twinc report` produced: the page when the results file could be drawn, the
/// diagnostics (errors that stopped it, warnings for members left out), the sources
/// they quote, and the exit status.
public struct ReportFileResult: Sendable {
    public var html: String?
    public var diagnostics: [Diagnostic]
    public var sources: SourceStore
    public var file: String

    /// 0 when the page was drawn (warnings or not), 65 for a file that is not a
    /// readable results file, 66 when it cannot be opened.
    public var exitStatus: ExitStatus {
        if html != nil { return .success }
        let status = ExitStatus.forDiagnostics(diagnostics)
        return status == .success ? .software : status
    }
}

/// Reads a results file (`twinc run --format json` output), checks it is one, and
/// draws the HTML page. Syntax errors point at the line and column where the JSON
/// breaks (`TH003`); a file of another kind is `TH001`, a newer format `TH002`; members
/// the page cannot use are `TH004` warnings at the member.
public func reportFromResultsFile(path: String) -> ReportFileResult {
    var result = ReportFileResult(html: nil, diagnostics: [], sources: SourceStore(), file: path)
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
        result.diagnostics.append(.error(DriverDiagnostics.unreadableInput,
                                         "\(path) is a folder; pass the results file `twinc run --format json` wrote", at: nil))
        return result
    }
    let loaded = SourceLoader().load([path])
    result.diagnostics += loaded.diagnostics
    guard let source = loaded.files.first, !loaded.diagnostics.hasErrors else { return result }
    result.sources.add(file: source.path, text: source.text)

    let parsed: LocatedJSON
    switch JSONParser.parse(source.text) {
    case .failure(let error):
        result.diagnostics.append(.error(ReportDiagnostics.syntax, error.message,
                                         at: SourceRange(file: source.path, line: error.position.line, column: error.position.column)))
        return result
    case .success(let value):
        parsed = value
    }
    if let problem = ResultsFormat.problem(parsed.value) {
        result.diagnostics.append(.error(problem.code, problem.message,
                                         at: range(of: problem.path, in: parsed, file: source.path)))
        return result
    }
    let page = HTMLReport.build(results: parsed.value)
    result.diagnostics += page.issues.map { issue in
        .warning(ReportDiagnostics.memberIgnored, "\(issue.pathText): \(issue.message); left out of the report",
                 at: range(of: issue.path, in: parsed, file: source.path))
    }
    result.html = page.html
    return result
}

/// Writes the page through a temporary sibling and a rename, so a reader never sees a
/// half-written report and a failed write leaves the previous one in place.
public func writeReportFile(_ html: String, to path: String) -> [Diagnostic] {
    writeFileAtomically(html, to: path)
}

/// The position of the member at `path` (the deepest one that exists).
private func range(of path: [JSONPathStep], in root: LocatedJSON, file: String) -> SourceRange {
    var node = root
    for step in path {
        switch (step, node) {
        case (.key(let key), .object(let members, _)):
            guard let member = members.first(where: { $0.key == key }) else { break }
            node = member.value
            continue
        case (.index(let index), .array(let items, _)) where items.indices.contains(index):
            node = items[index]
            continue
        default:
            break
        }
        break
    }
    return SourceRange(file: file, line: node.position.line, column: node.position.column)
}
