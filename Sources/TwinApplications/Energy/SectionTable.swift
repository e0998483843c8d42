/// A plain-text table for the applications' report sections: a header row, columns
/// padded to their widest cell (left or right aligned), two spaces between columns,
/// trailing spaces trimmed. Fixed rules, no locale, so a section prints byte-identically
/// for the same analysis.
struct SectionTable {
    enum Alignment { case left, right }

    private let header: [String]
    private let alignments: [Alignment]
    private var rows: [[String]] = []

    init(_ columns: [(String, Alignment)]) {
        header = columns.map(\.0)
        alignments = columns.map(\.1)
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    var isEmpty: Bool { rows.isEmpty }

    /// The table, each line prefixed with `indent`, ending with a newline.
    func render(indent: String = "  ") -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in
            all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        var out = ""
        for row in all {
            var cells: [String] = []
            for column in header.indices {
                let text = column < row.count ? row[column] : ""
                let padding = String(repeating: " ", count: widths[column] - text.count)
                cells.append(alignments[column] == .left ? text + padding : padding + text)
            }
            var line = indent + cells.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
