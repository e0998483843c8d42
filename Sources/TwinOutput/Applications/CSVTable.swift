import TwinApplications
import TwinConfig
import TwinJSON
import TwinRuntime
import TwinUnits

/// A CSV file built row by row: a header, then rows of fields, written per RFC 4180
/// (CRLF line ends; a field with a comma, a double quote, CR or LF is quoted and its
/// quotes doubled). Numbers use the JSON writer's fixed format, so a CSV and the JSON
/// of the same view agree digit for digit and are byte-stable; an unknown value is an
/// empty field.
struct CSVTable {
    private(set) var text: String

    init(header: [String]) {
        text = ""
        append(header.map(Field.text))
    }

    /// One field of a row.
    enum Field {
        case text(String)
        case number(Double?)
        case integer(Int?)
        case flag(Bool?)

        var rendered: String {
            switch self {
            case .text(let value): value
            case .number(let value): value.map { $0.isFinite ? JSONWriter.format($0) : "" } ?? ""
            case .integer(let value): value.map(String.init) ?? ""
            case .flag(let value): value.map { $0 ? "true" : "false" } ?? ""
            }
        }
    }

    mutating func append(_ fields: [Field]) {
        text += fields.map { Self.quoted($0.rendered) }.joined(separator: ",")
        text += "\r\n"
    }

    /// The field as RFC 4180 wants it: as is, or in double quotes with quotes doubled.
    static func quoted(_ field: String) -> String {
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return field }
        var out = "\""
        for character in field {
            out.append(character)
            if character == "\"" { out.append("\"") }
        }
        return out + "\""
    }

    /// A file-name-safe form of an id (letters, digits, `.`, `_`, `-`; anything else `_`),
    /// so a scenario id cannot leave the output directory.
    static func fileSafe(_ id: String) -> String {
        let safe = String(id.unicodeScalars.map { scalar -> Character in
            let allowed = (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
                || scalar == "." || scalar == "_" || scalar == "-"
            return allowed ? Character(scalar) : "_"
        })
        return safe.isEmpty || safe.allSatisfy({ $0 == "." }) ? "_" + safe : safe
    }
}
