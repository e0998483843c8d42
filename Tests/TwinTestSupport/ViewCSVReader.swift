import TwinEngine

/// A strict RFC 4180 reader for the view tests: quoted fields with doubled quotes,
/// CRLF records. Independent of the writer, so a quoting bug in either shows.
public enum ViewCSVReader {
    public enum Failure: Error, Equatable { case unterminatedQuote, textAfterQuote, bareLineFeed }

    public static func records(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var characters = Array(text.unicodeScalars)[...]
        while let scalar = characters.popFirst() {
            switch scalar {
            case "\"" where field.isEmpty:
                var closed = false
                while let inner = characters.popFirst() {
                    if inner == "\"" {
                        if characters.first == "\"" { characters.removeFirst(); field.unicodeScalars.append("\"") } else {
                            closed = true
                            break
                        }
                    } else {
                        field.unicodeScalars.append(inner)
                    }
                }
                guard closed else { throw Failure.unterminatedQuote }
                guard let next = characters.first, next == "," || next == "\r" else {
                    if characters.isEmpty { break }
                    throw Failure.textAfterQuote
                }
            case ",":
                record.append(field)
                field = ""
            case "\r":
                guard characters.popFirst() == "\n" else { throw Failure.bareLineFeed }
                record.append(field)
                records.append(record)
                record = []
                field = ""
            case "\n":
                throw Failure.bareLineFeed
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
