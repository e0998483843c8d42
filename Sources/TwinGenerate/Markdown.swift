/// A tiny Markdown writer: headings, paragraphs, bullet lists and pipe tables with
/// escaped cells. Output is plain and stable (no trailing spaces, one blank line
/// between blocks) so design.md diffs cleanly in review.
struct Markdown {
    private(set) var text = ""

    mutating func heading(_ level: Int, _ title: String) {
        block(String(repeating: "#", count: level) + " " + title)
    }

    mutating func paragraph(_ body: String) {
        block(body)
    }

    mutating func bullets(_ items: [String]) {
        guard !items.isEmpty else { return }
        block(items.map { "- " + $0 }.joined(separator: "\n"))
    }

    mutating func table(_ header: [String], _ rows: [[String]]) {
        guard !rows.isEmpty else { return }
        var lines = [row(header), "|" + header.map { _ in "---|" }.joined()]
        lines += rows.map(row)
        block(lines.joined(separator: "\n"))
    }

    private func row(_ cells: [String]) -> String {
        "| " + cells.map(escape).joined(separator: " | ") + " |"
    }

    private func escape(_ cell: String) -> String {
        // Most cells need nothing: checking the bytes is far cheaper than walking the
        // cell's characters (design.md's tables were a tenth of `twinc compile`).
        guard cell.utf8.contains(where: { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "\n") }) else { return cell }
        var out = ""
        for character in cell {
            switch character {
            case "|": out += "\\|"
            case "\n": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    private mutating func block(_ body: String) {
        if !text.isEmpty { text += "\n" }
        text += body + "\n"
    }
}
