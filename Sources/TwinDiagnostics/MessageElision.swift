/// Keeps messages short whatever the user wrote: a value quoted in backticks longer
/// than `quotedLimit` is shown as its head, `…` and its tail with its length after it,
/// and a message is never longer than `messageLimit`. A 1 MB id was echoed whole in
/// every message that named it; now it reads `` `AAAA…AAAA` (1,000,000 characters) ``.
/// Applied by `Diagnostic`'s initialiser, so every stage gets it; fix-it replacements
/// are left whole (they are machine-applied).
enum MessageElision {
    static let quotedLimit = 80
    static let messageLimit = 2000

    static func elide(_ message: String) -> String {
        guard needsEliding(message) else { return message }
        let scalars = Array(message.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "`", let close = scalars[(index + 1)...].firstIndex(of: "`") else {
                out.append(scalar)
                index += 1
                continue
            }
            let quoted = scalars[(index + 1)..<close]
            out.append("`")
            if quoted.count > quotedLimit {
                out.append(contentsOf: quoted.prefix(quotedLimit / 2))
                out.append("…")
                out.append(contentsOf: quoted.suffix(quotedLimit / 4))
                out.append("`")
                out.append(contentsOf: " (\(DroppedDiagnostics.grouped(quoted.count)) characters)".unicodeScalars)
            } else {
                out.append(contentsOf: quoted)
                out.append("`")
            }
            index = close + 1
        }
        guard out.count > messageLimit else { return String(out) }
        let kept = Array(out)
        var cut = String.UnicodeScalarView()
        cut.append(contentsOf: kept.prefix(messageLimit / 2))
        cut.append(contentsOf: " … ".unicodeScalars)
        cut.append(contentsOf: kept.suffix(messageLimit / 4))
        return String(cut)
    }

    /// A byte-wise look for a quoted span or a message too long (bytes bound scalars
    /// from above, so nothing that needs eliding is missed); most messages need nothing.
    private static func needsEliding(_ message: String) -> Bool {
        let bytes = message.utf8
        guard bytes.count > quotedLimit else { return false }
        if bytes.count > messageLimit { return true }
        var open: Int?, offset = 0
        for byte in bytes {
            if byte == UInt8(ascii: "`") {
                if let start = open {
                    if offset - start - 1 > quotedLimit { return true }
                    open = nil
                } else {
                    open = offset
                }
            }
            offset += 1
        }
        return false
    }
}
