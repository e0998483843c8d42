/// Renders diagnostics as GitHub Actions workflow commands, which the runner turns into
/// annotations on the pull request:
///
///     ::error file=Intents/icu.yaml,line=12,col=5,endLine=12,endColumn=11,title=TS004::unknown key `latncy`
///
/// Message text escapes `%`, CR and LF; property values additionally escape `:` and `,`
/// (the runner's own rules), so a message can never break out of its command.
public struct GitHubRenderer: Sendable {
    public init() {}

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        let command: String
        switch diagnostic.severity {
        case .error: command = "error"
        case .warning: command = "warning"
        case .note: command = "notice"
        }
        var properties: [String] = []
        if let range = diagnostic.range {
            properties.append("file=\(escapeProperty(range.file))")
            properties.append("line=\(range.start.line)")
            properties.append("col=\(range.start.column)")
            if range.end.line >= range.start.line, range.end != range.start {
                properties.append("endLine=\(range.end.line)")
                properties.append("endColumn=\(range.end.column)")
            }
        }
        properties.append("title=\(escapeProperty("\(diagnostic.code.id) \(diagnostic.code.title)"))")
        var message = diagnostic.message
        for note in diagnostic.notes {
            message += "\nnote: \(note.message)"
            if let range = note.range { message += " (\(range))" }
        }
        return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
    }

    func escapeData(_ text: String) -> String {
        text.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    }

    func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}

extension String {
    /// Replace every occurrence without Foundation (keeps this module dependency-free).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(count)
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
