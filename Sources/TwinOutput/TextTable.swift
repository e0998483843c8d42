/// A plain-text table with columns padded to their widest cell (counted in
/// characters, so `µs` and `±` take one column), for terminal reports: the run report
/// and every application's section use this one, so their tables line up alike.
/// Fixed rules, no locale: the same rows print byte-identically.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public var header: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    public init(_ columns: [(String, Alignment)]) {
        header = columns.map(\.0)
        alignments = columns.map(\.1)
    }

    public mutating func add(_ row: [String]) { rows.append(row) }

    public var isEmpty: Bool { rows.isEmpty }

    /// The table, each line prefixed with `indent`, trailing spaces removed.
    public func render(indent: String = "  ") -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in
            all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        var lines: [String] = []
        for row in all {
            var cells: [String] = []
            for column in header.indices {
                let text = column < row.count ? row[column] : ""
                let padding = String(repeating: " ", count: widths[column] - text.count)
                cells.append(alignments[column] == .left ? text + padding : padding + text)
            }
            var line = indent + cells.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
