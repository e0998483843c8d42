/// Editing a `JSONValue` by path: what the tests of hand-edited twin.json files and the
/// twin.json fuzzer do to a generated twin (set a member, remove it, append to a list).
/// Reading by path is the subscript's job; these are the writes.

/// One step into a JSON value: a member name or an array index.
public enum JSONStep: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case member(String)
    case index(Int)

    public init(stringLiteral value: String) { self = .member(value) }
    public init(integerLiteral value: Int) { self = .index(value) }
}

extension JSONValue {
    /// Sets (or, with nil, removes) the value at `path`; missing members are added.
    public mutating func set(_ path: [JSONStep], to newValue: JSONValue?) {
        guard let step = path.first else {
            if let newValue { self = newValue }
            return
        }
        let rest = Array(path.dropFirst())
        switch (step, self) {
        case (.member(let key), .object(var members)):
            if let index = members.firstIndex(where: { $0.0 == key }) {
                if rest.isEmpty, newValue == nil {
                    members.remove(at: index)
                } else {
                    members[index].1.set(rest, to: newValue)
                }
            } else if let newValue {
                var child = JSONValue.object([(String, JSONValue)]())
                child.set(rest, to: newValue)
                members.append((key, rest.isEmpty ? newValue : child))
            }
            self = .object(members)
        case (.index(let index), .array(var items)) where items.indices.contains(index):
            if rest.isEmpty, newValue == nil {
                items.remove(at: index)
            } else {
                items[index].set(rest, to: newValue)
            }
            self = .array(items)
        default:
            break
        }
    }

    /// Appends `element` to the array at `path`.
    public mutating func append(_ path: [JSONStep], _ element: JSONValue) {
        let items = value(at: path)?.arrayValue ?? []
        set(path, to: .array(items + [element]))
    }

    public func value(at path: [JSONStep]) -> JSONValue? {
        path.reduce(Optional(self)) { value, step in
            switch step {
            case .member(let key): value?[key]
            case .index(let index): value?.arrayValue.flatMap { $0.indices.contains(index) ? $0[index] : nil }
            }
        }
    }
}
