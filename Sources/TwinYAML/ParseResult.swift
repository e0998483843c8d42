import TwinDiagnostics

/// Caps that keep a hostile file (a "billion laughs" alias bomb, a 10 000-deep nest)
/// from taking the process down. Each cap has its own diagnostic code.
public struct YAMLLimits: Sendable, Hashable {
    /// Alias nodes (`*name`) allowed in one document.
    public var maxAliases: Int
    /// Nodes after alias expansion.
    public var maxExpandedNodes: Int
    /// Nesting depth of mappings and sequences.
    public var maxDepth: Int
    /// Diagnostics kept per file (the rest are counted): a file of a million duplicate
    /// keys must not cost a million diagnostics' memory.
    public var diagnosticCap: DiagnosticCap

    public init(maxAliases: Int = 1_000, maxExpandedNodes: Int = 2_000_000, maxDepth: Int = 64,
                diagnosticCap: DiagnosticCap = DiagnosticCap()) {
        self.maxAliases = maxAliases
        self.maxExpandedNodes = maxExpandedNodes
        self.maxDepth = maxDepth
        self.diagnosticCap = diagnosticCap
    }
}

/// What the parse stage hands on: the document when one could be built, and every
/// diagnostic found (warnings included). `document` is nil when errors stopped the tree.
public struct YAMLParseResult: Sendable {
    public var document: YAMLDocument?
    public var diagnostics: [Diagnostic]
    /// Diagnostics found beyond `YAMLLimits.diagnosticCap`, counted only.
    public var dropped: DroppedDiagnostics

    public init(document: YAMLDocument?, diagnostics: [Diagnostic], dropped: DroppedDiagnostics = DroppedDiagnostics()) {
        self.document = document
        self.diagnostics = diagnostics
        self.dropped = dropped
    }
}
