/// Escaping for text that came from the results JSON. Every string the page shows
/// (ids, titles, descriptions, notes) goes through these, in element content and in
/// attribute values alike, so a device named `<script>` is shown, never run.
enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'` as entities: safe in content and quoted attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab/newline have no business in a page.
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A token safe inside an `id`/`data-` attribute and a CSS class: letters, digits,
    /// `-`, `_`, `:` and `.`; anything else becomes `_`.
    static func token(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            let allowed = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                || (scalar >= "0" && scalar <= "9") || scalar == "-" || scalar == "_" || scalar == ":" || scalar == "."
            return allowed ? scalar : "_"
        }))
    }
}
