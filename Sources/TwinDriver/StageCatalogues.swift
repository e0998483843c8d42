import TwinDiagnostics
import TwinLive
import TwinReport
import TwinRuntime
import TwinSpec
import TwinSynthesis

/// Catalogues of the stages after parsing (spec, synthesis, runtime). Kept in its own
/// file so each stage adds one line when it lands.
var stageCatalogues: [[DiagnosticCode]] {
    [SpecDiagnostics.all, SynthesisDiagnostics.all, RuntimeDiagnostics.all, ReportDiagnostics.all, LiveDiagnostics.all]
}
