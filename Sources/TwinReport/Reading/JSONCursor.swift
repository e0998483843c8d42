import TwinJSON

/// A position in the results JSON that reads members leniently: a missing member is
/// nil without complaint (sections draw only what is there), a member of the wrong
/// type is nil and an issue in the log (so a malformed file gives a warning at the
/// member, never a trap). Non-finite or absurd numbers are treated the same way.
struct JSONCursor {
    let value: JSONValue
    let path: [JSONPathStep]
    let log: IssueLog

    init(_ value: JSONValue, path: [JSONPathStep] = [], log: IssueLog) {
        self.value = value
        self.path = path
        self.log = log
    }

    /// The member `key`, if present and not null.
    subscript(key: String) -> JSONCursor? {
        guard case .object(let members) = value else { return nil }
        guard let member = members.first(where: { $0.0 == key })?.1, member != .null else { return nil }
        return JSONCursor(member, path: path + [.key(key)], log: log)
    }

    /// The member `key` as an object; records an issue when it is present but not one.
    func object(_ key: String) -> JSONCursor? {
        guard let member = self[key] else { return nil }
        guard case .object = member.value else {
            member.complain("expected an object")
            return nil
        }
        return member
    }

    /// The elements of the member `key`; records an issue when it is not an array.
    func array(_ key: String) -> [JSONCursor] {
        guard let member = self[key] else { return [] }
        return member.elements()
    }

    /// This value's elements (nil-free), recording an issue when it is not an array.
    func elements() -> [JSONCursor] {
        guard case .array(let items) = value else {
            complain("expected an array")
            return []
        }
        return items.enumerated().map { JSONCursor($1, path: path + [.index($0)], log: log) }
    }

    /// The member `key` as a string.
    func string(_ key: String) -> String? {
        guard let member = self[key] else { return nil }
        guard case .string(let text) = member.value else {
            member.complain("expected a string")
            return nil
        }
        return text
    }

    /// The member `key` as a finite number.
    func number(_ key: String) -> Double? {
        self[key]?.numberValue()
    }

    /// This value as a finite number; null is nil without complaint.
    func numberValue() -> Double? {
        switch value {
        case .null: return nil
        case .number(let n) where n.isFinite: return n
        default:
            complain("expected a number")
            return nil
        }
    }

    /// The member `key` as a ratio in [0, 1] (delivery ratios, battery left, PDR).
    func ratio(_ key: String) -> Double? {
        guard let n = number(key) else { return nil }
        guard n >= 0, n <= 1 else {
            self[key]?.complain("expected a ratio between 0 and 1, got \(n)")
            return nil
        }
        return n
    }

    /// The member `key` as a Boolean.
    func bool(_ key: String) -> Bool? {
        guard let member = self[key] else { return nil }
        guard case .bool(let flag) = member.value else {
            member.complain("expected true or false")
            return nil
        }
        return flag
    }

    /// The member `key` as an array of numbers or nulls (a time series column).
    func numberColumn(_ key: String) -> [Double?] {
        array(key).map { $0.numberValue() }
    }

    /// The member `key` as an array of strings; other elements are skipped with an issue.
    func strings(_ key: String) -> [String] {
        array(key).compactMap { element in
            guard case .string(let text) = element.value else {
                element.complain("expected a string")
                return nil
            }
            return text
        }
    }

    func complain(_ message: String) {
        log.record(path, message)
    }
}
