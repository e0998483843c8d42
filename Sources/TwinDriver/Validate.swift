import TwinDiagnostics
import TwinSpec

/// `twinc validate`: the front end's checks of every document, then, for every intent
/// among the inputs whose use case was found, everything `twinc compile` checks before
/// it writes (synthesis with its feasibility bounds, the event budget, the runtime's
/// admission of the compiled twin) — without writing anything. A clean validate
/// therefore means a clean compile.
public func validateDocuments(paths: [String], options: FrontEndOptions = FrontEndOptions()) -> FrontEndResult {
    var front = runFrontEnd(paths: paths, options: options)
    let hasIntent = front.documents.contains { if case .intent = $0 { true } else { false } }
    guard front.exitStatus == .success, hasIntent else { return front }
    let compiled = compile(front: front, options: CompileOptions(frontEnd: options))
    front.diagnostics = compiled.diagnostics
    return front
}
