/// The text of the documents a run read, keyed by the path diagnostics use. Renderers
/// take it as an explicit collaborator to print the offending source line under a
/// message; nothing is cached globally.
public struct SourceStore: Sendable {
    private var texts: [String: [Substring]] = [:]

    public init() {}

    public mutating func add(file: String, text: String) {
        texts[file] = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The 1-based line of `file` without its line terminator, if known.
    public func line(_ number: Int, of file: String) -> String? {
        guard let lines = texts[file], number >= 1, number <= lines.count else { return nil }
        var line = String(lines[number - 1])
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }
}
