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

    public init(maxAliases: Int = 1_000, maxExpandedNodes: Int = 2_000_000, maxDepth: Int = 64) {
        self.maxAliases = maxAliases
        self.maxExpandedNodes = maxExpandedNodes
        self.maxDepth = maxDepth
    }
}

/// What the parse stage hands on: the document when one could be built, and every
/// diagnostic found (warnings included). `document` is nil when errors stopped the tree.
public struct YAMLParseResult: Sendable {
    public var document: YAMLDocument?
    public var diagnostics: [Diagnostic]

    public init(document: YAMLDocument?, diagnostics: [Diagnostic]) {
        self.document = document
        self.diagnostics = diagnostics
    }
}
