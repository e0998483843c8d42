import TwinDiagnostics

/// How a scalar was written. The style matters for the YAML 1.2 core schema: only
/// plain scalars are resolved to null, bool, int or float; quoted ones are strings.
public enum ScalarStyle: String, Sendable, Hashable {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal
    case folded
}

/// A scalar resolved under the YAML 1.2 core schema (`no`, `on`, `yes` stay strings).
public enum CoreValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
}

/// A scalar node: its text as written (after unescaping), its style and its resolved value.
public struct Scalar: Sendable, Hashable {
    public var text: String
    public var style: ScalarStyle
    public var value: CoreValue

    public init(text: String, style: ScalarStyle, value: CoreValue) {
        self.text = text
        self.style = style
        self.value = value
    }
}

/// One `key: value` entry of a mapping, in document order.
public struct Pair: Sendable, Hashable {
    public var key: Node
    public var value: Node

    public init(key: Node, value: Node) {
        self.key = key
        self.value = value
    }
}

/// A YAML node with the place it was written. Aliases are expanded when the tree is
/// built (within the caps of `YAMLLimits`), so readers never see them; `range` of an
/// expanded alias is the alias's own position, so errors point at where the value is
/// used.
public struct Node: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case scalar(Scalar)
        case sequence([Node])
        case mapping([Pair])
    }

    public var content: Content
    public var range: SourceRange
    /// The explicit core tag (`tag:yaml.org,2002:str` …) if one was written.
    public var tag: String?

    public init(_ content: Content, range: SourceRange, tag: String? = nil) {
        self.content = content
        self.range = range
        self.tag = tag
    }

    public var scalar: Scalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    public var sequence: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var mapping: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// "a mapping", "a sequence", "a string", "a number", … for "expected X, found Y".
    public var kindDescription: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .scalar(let s):
            switch s.value {
            case .null: return "null"
            case .bool: return "a boolean"
            case .int: return "an integer"
            case .float: return "a number"
            case .string: return "a string"
            }
        }
    }

    /// The value stored under `key` in a mapping node (first match), if any.
    public subscript(key: String) -> Node? {
        mapping?.first { $0.key.scalar?.text == key }?.value
    }
}

/// One parsed YAML file: its root node (nil for an empty file) and its text, kept so
/// diagnostics can quote the source line.
public struct YAMLDocument: Sendable {
    public var file: String
    public var text: String
    public var root: Node?

    public init(file: String, text: String, root: Node?) {
        self.file = file
        self.text = text
        self.root = root
    }
}
