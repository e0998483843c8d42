import Foundation
import TwinApplications
import TwinDiagnostics
import TwinReport

/// The files `twinc run` writes beside its report: the HTML page (`--html FILE`) and
/// the network view folder (`--view DIR`). Each is written whole or not at all, so a
/// failed run never leaves a half-written page for someone to open.
public struct RunOutputRequest: Sendable, Hashable {
    public var htmlFile: String?
    public var viewFolder: String?

    public init(htmlFile: String? = nil, viewFolder: String? = nil) {
        self.htmlFile = htmlFile
        self.viewFolder = viewFolder
    }

    /// Whether any output needs the network view's time series.
    public var needsView: Bool { htmlFile != nil || viewFolder != nil }
}

/// Writes the requested outputs of `analysis`; returns `TC004` diagnostics for those
/// that could not be written (exit 73).
public func writeRunOutputs(_ analysis: TwinAnalysis, request: RunOutputRequest) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    if let htmlFile = request.htmlFile {
        let page = HTMLReport.render(results: analysis.jsonValue())
        diagnostics += writeFileAtomically(page, to: htmlFile)
    }
    return diagnostics
}

/// Writes `contents` through a temporary sibling and a rename.
func writeFileAtomically(_ contents: String, to path: String) -> [Diagnostic] {
    do {
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        return []
    } catch {
        return [.error(DriverDiagnostics.cannotWrite, "cannot write \(path): \(error.localizedDescription)", at: nil)]
    }
}
