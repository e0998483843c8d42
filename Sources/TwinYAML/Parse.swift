import TwinDiagnostics

/// Parses one YAML file into a node tree whose every node knows its file, line and
/// column. This is the whole parse stage: the result's `document` is nil when any error
/// was found (the next stage must not see a half-read tree); warnings come with a
/// document.
public func parseYAML(text: String, file: String, limits: YAMLLimits = YAMLLimits()) -> YAMLParseResult {
    var builder = TreeBuilder(file: file, text: text, limits: limits)
    let (root, completed) = builder.build()
    let diagnostics = builder.diagnostics.kept, dropped = builder.diagnostics.dropped
    guard completed, !builder.diagnostics.hasErrors else {
        return YAMLParseResult(document: nil, diagnostics: diagnostics, dropped: dropped)
    }
    return YAMLParseResult(document: YAMLDocument(file: file, text: text, root: root), diagnostics: diagnostics,
                           dropped: dropped)
}
