import TwinConfig
import TwinDiagnostics
import TwinYAML

/// Every diagnostic code twinc can emit, from every stage's catalogue: the table behind
/// `twinc explain` and the SARIF `rules` list. Built from the catalogues, so a new code
/// appears here as soon as its stage declares it.
public enum DiagnosticIndex {
    public static var all: [DiagnosticCode] {
        let codes = DriverDiagnostics.all + YAMLDiagnostics.all + ConfigDiagnostics.all
            + stageCatalogues.flatMap { $0 }
        return codes.sorted { $0.id < $1.id }
    }

    /// The code with this id (case-insensitive), if any.
    public static func code(_ id: String) -> DiagnosticCode? {
        all.first { $0.id.caseInsensitiveCompare(id) == .orderedSame }
    }
}
