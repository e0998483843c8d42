import Foundation
import TwinApplications
import TwinDiagnostics
import TwinJSON
import TwinOutput
import TwinReport
import TwinUnits

/// What `twinc run` produces beside its report: the HTML page (`--html FILE`), the
/// network view folder (`--view DIR`), and the snapshot printed instead of the report
/// (`--at 3h [--scenario ID]`). Files are written whole or not at all, so a failed run
/// never leaves a half-written page for someone to open.
public struct RunOutputRequest: Sendable, Hashable {
    public var htmlFile: String?
    public var viewFolder: String?
    public var snapshotAt: Time?
    public var snapshotScenario: String?

    public init(htmlFile: String? = nil, viewFolder: String? = nil, snapshotAt: Time? = nil,
                snapshotScenario: String? = nil) {
        self.htmlFile = htmlFile
        self.viewFolder = viewFolder
        self.snapshotAt = snapshotAt
        self.snapshotScenario = snapshotScenario
    }

    /// Whether any output needs the network view's time series.
    public var needsView: Bool { htmlFile != nil || viewFolder != nil || snapshotAt != nil }
}

/// The requested output paths that cannot be written, checked before the run so a
/// long simulation is not wasted on a typo: the folder an `--html` page or a `--view`
/// folder goes in must exist and be writable (neither creates missing parents), and a
/// `--view` folder must be empty, new or a network-view folder. `TC004`, exit 73.
public func outputPathProblems(_ request: RunOutputRequest) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    let files = FileManager.default
    func parentProblem(_ path: String, _ flag: String) -> Diagnostic? {
        let parent = (path as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .error(DriverDiagnostics.cannotWrite, "\(flag) \(path): the folder \(folder) does not exist", at: nil)
        }
        guard files.isWritableFile(atPath: folder) else {
            return .error(DriverDiagnostics.cannotWrite, "\(flag) \(path): the folder \(folder) is not writable", at: nil)
        }
        return nil
    }
    if let html = request.htmlFile, html != "-", let problem = parentProblem(html, "--html") { problems.append(problem) }
    if let view = request.viewFolder {
        if let problem = parentProblem(view, "--view") {
            problems.append(problem)
        } else if let entries = try? files.contentsOfDirectory(atPath: view), !entries.isEmpty, !entries.contains("view.json") {
            problems.append(.error(DriverDiagnostics.cannotWrite,
                                   "refusing to replace \(view): it is not a network-view folder (no view.json); pick an empty or new folder",
                                   at: nil))
        }
    }
    return problems
}

/// Writes the requested outputs of `analysis`; returns `TC004` diagnostics for those
/// that could not be written (exit 73).
public func writeRunOutputs(_ analysis: TwinAnalysis, request: RunOutputRequest) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    if let htmlFile = request.htmlFile {
        diagnostics += writeReportFile(HTMLReport.render(results: analysis.jsonValue()), to: htmlFile)
    }
    if let viewFolder = request.viewFolder, let view = analysis.view {
        diagnostics += writeViewFolder(view, to: viewFolder)
    }
    return diagnostics
}

/// `view.json` and the CSV files, replacing the folder as a whole (all or nothing). A
/// folder that exists, is not empty and holds no `view.json` is refused, so
/// `--view out` cannot wipe the compiled twins beside it.
func writeViewFolder(_ view: NetworkView, to folder: String) -> [Diagnostic] {
    if let entries = try? FileManager.default.contentsOfDirectory(atPath: folder), !entries.isEmpty,
       !entries.contains("view.json") {
        return [.error(DriverDiagnostics.cannotWrite,
                       "refusing to replace \(folder): it is not a network-view folder (no view.json); pick an empty or new folder",
                       at: nil)]
    }
    var tree = GeneratedTree()
    tree.add("view.json", JSONWriter.canonical.string(view.jsonValue()))
    for file in view.csvFiles() { tree.add(file.name, file.contents) }
    return tree.replaceAtomically(folder)
}

/// The `--at` snapshot as text, or why there is none (a usage error, exit 64).
public func renderSnapshot(_ analysis: TwinAnalysis, at time: Time, scenario: String?) -> Result<String, RunFlagError> {
    guard let view = analysis.view else { return .failure(RunFlagError("--at needs the network view, which did not run")) }
    switch view.locateSnapshot(at: time, scenario: scenario) {
    case .success(let snapshot): return .success(snapshot.text())
    case .failure(let problem): return .failure(RunFlagError("--at: \(problem)"))
    }
}

/// Writes `contents` through a temporary sibling and a rename, so a reader never sees
/// a half-written file and a failed write leaves the previous one in place.
func writeFileAtomically(_ contents: String, to path: String) -> [Diagnostic] {
    do {
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        return []
    } catch {
        return [.error(DriverDiagnostics.cannotWrite, "cannot write \(path): \(error.localizedDescription)", at: nil)]
    }
}
