import TwinJSON
import TwinUnits

/// A cell of a report table: text (escaped when the table is written) or markup the
/// page built itself (a verdict badge, a number with its interval). Equatable so equal
/// rows can be folded (`runsOfEqual`).
enum TableCell: Equatable {
    case text(String)
    case markup(String)
    case number(String)

    var html: String {
        switch self {
        case .text(let text): return "<td>\(HTMLText.escape(text))</td>"
        case .markup(let markup): return "<td>\(markup)</td>"
        case .number(let text): return "<td class=\"num\">\(HTMLText.escape(text))</td>"
        }
    }
}

/// A plain HTML table with a header row; `caption` says what the rows are.
struct HTMLTable {
    var caption: String?
    var headers: [String]
    var rows: [[TableCell]]

    var html: String {
        guard !rows.isEmpty else { return "" }
        var out = "<table>\n"
        if let caption { out += "<caption>\(HTMLText.escape(caption))</caption>\n" }
        out += "<thead><tr>" + headers.map { "<th>\(HTMLText.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows { out += "<tr>" + row.map(\.html).joined() + "</tr>\n" }
        out += "</tbody>\n</table>\n"
        return out
    }
}

/// Small pieces of markup the sections share.
enum Markup {
    /// A verdict (`met`, `not-met`, `not-evaluated`, `detected`, …) as a coloured badge.
    static func verdict(_ verdict: String?) -> String {
        guard let verdict else { return "<span class=\"badge\">—</span>" }
        return "<span class=\"badge v-\(HTMLText.token(verdict))\">\(HTMLText.escape(verdict))</span>"
    }

    /// A badge with an explicit background colour (CVSS severity), its text white or
    /// ink, whichever reads on it.
    static func badge(_ text: String, colour: String) -> String {
        "<span class=\"badge\" style=\"background:\(colour);color:\(Palette.text(on: colour))\">\(HTMLText.escape(text))</span>"
    }

    /// A yes/no cell.
    static func flag(_ value: Bool?) -> String {
        guard let value else { return "—" }
        return value ? "yes" : "no"
    }

    /// A figure as `<figure>` with its caption: the SVG plus a sentence on how to read it.
    static func figure(_ svg: String, caption: String) -> String {
        "<figure>\n\(svg)<figcaption>\(HTMLText.escape(caption))</figcaption>\n</figure>\n"
    }

    /// A paragraph of escaped text.
    static func paragraph(_ text: String, className: String? = nil) -> String {
        let attribute = className.map { " class=\"\(HTMLText.token($0))\"" } ?? ""
        return "<p\(attribute)>\(HTMLText.escape(text))</p>\n"
    }

    /// Any JSON value as short text: what a section shows for members it has no layout
    /// for (a recommendation's details, evidence rows), keys sorted as the canonical
    /// writer sorts them so the text does not depend on how the JSON was built.
    static func plainText(_ value: JSONValue, depth: Int = 0) -> String {
        switch value {
        case .null: return "—"
        case .bool(let flag): return flag ? "yes" : "no"
        case .number(let n): return significant(n)
        case .string(let s): return s
        case .array(let items):
            guard depth < 4 else { return "[…]" }
            return items.map { plainText($0, depth: depth + 1) }.joined(separator: ", ")
        case .object(let members):
            guard depth < 4 else { return "{…}" }
            return members.sorted { Array($0.0.utf8).lexicographicallyPrecedes($1.0.utf8) }
                .map { "\($0.0): \(plainText($0.1, depth: depth + 1))" }.joined(separator: "; ")
        }
    }
}
