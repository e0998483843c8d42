import TwinDiagnostics
import TwinSpec

/// Analytic bounds checked before anything runs (placeholder until the bounds land).
struct FeasibilityChecks {
    let intent: Intent
    let network: ResolvedNetwork

    func run(diagnostics: inout [Diagnostic]) -> [FeasibilityFigure] { [] }
}
