import TwinDiagnostics

/// Builds the node tree from libyaml events, expanding aliases within `YAMLLimits`,
/// resolving scalars under the YAML 1.2 core schema and reporting duplicate keys,
/// merge keys, unknown tags and YAML 1.1 ambiguities. One instance per file.
struct TreeBuilder {
    let fileName: String
    /// The document's text, kept to recognise an unquoted `>=` behind a syntax error.
    private let text: String
    private let limits: YAMLLimits
    private let reader: LibYAMLEventReader
    /// At most `limits.diagnosticCap` per file; the rest only counted.
    var diagnostics: CappedDiagnostics
    private var anchors: [String: (node: Node, size: Int)] = [:]
    private var openAnchors: Set<String> = []
    private var aliasCount = 0
    private var expandedNodes = 0
    /// Nodes that came from expanding aliases: what tells an alias bomb (TY006) from a
    /// document that is simply too big (TY014).
    private var aliasNodes = 0

    /// Thrown to unwind the recursion when reading cannot go on (syntax error, a cap).
    private struct Stop: Error {}

    init(file: String, text: String, limits: YAMLLimits) {
        self.fileName = file
        self.text = text
        self.limits = limits
        self.diagnostics = CappedDiagnostics(cap: limits.diagnosticCap)
        self.reader = LibYAMLEventReader(bytes: text.utf8)
    }

    /// Reads the whole stream. Returns the root of the single document (nil for an
    /// empty stream) or nil after a fatal problem; `diagnostics` says which.
    mutating func build() -> (root: Node?, completed: Bool) {
        do {
            guard case .streamStart = try nextEvent() else { return (nil, true) }
            var root: Node?
            var sawDocument = false
            while true {
                let event = try nextEvent()
                switch event {
                case .streamEnd:
                    return (root, true)
                case .documentStart(let start):
                    if sawDocument {
                        diagnostics.append(.error(
                            YAMLDiagnostics.multipleDocuments,
                            "a second YAML document starts here; a file holds one document",
                            at: range(start, start),
                            notes: [DiagnosticNote("split each document into its own file")]))
                        return (nil, false)
                    }
                    sawDocument = true
                    let first = try nextEvent()
                    if case .documentEnd = first { continue }
                    root = try node(from: first, depth: 1).node
                    guard case .documentEnd = try nextEvent() else { return (nil, false) }
                default:
                    return (nil, false)
                }
            }
        } catch {
            return (nil, false)
        }
    }

    private func range(_ start: Mark, _ end: Mark) -> SourceRange {
        SourceRange(
            file: fileName,
            start: SourcePosition(line: start.line, column: start.column, offset: start.offset),
            end: SourcePosition(line: end.line, column: end.column, offset: end.offset))
    }

    private mutating func nextEvent() throws -> YAMLEvent {
        do {
            return try reader.next()
        } catch {
            diagnostics.append(diagnostic(for: error))
            throw Stop()
        }
    }

    private func diagnostic(for problem: LibYAMLProblem) -> Diagnostic {
        if problem.kind == .reader {
            return .error(YAMLDiagnostics.encoding,
                          "\(problem.problem) at byte \(problem.byteOffset ?? 0)",
                          at: SourceRange(file: fileName, line: 1, column: 1))
        }
        if problem.context == "while scanning a block scalar", let mark = problem.contextMark,
           let unquoted = UnquotedIndicator.value(in: text, line: mark.line, column: mark.column) {
            return UnquotedIndicator.diagnostic(value: unquoted.value, length: unquoted.length, file: fileName,
                                                line: mark.line, column: mark.column, offset: mark.offset)
        }
        var notes: [DiagnosticNote] = []
        var message = problem.problem
        if let context = problem.context, let mark = problem.contextMark {
            message += " (\(context) started at \(mark.line):\(mark.column))"
            notes.append(DiagnosticNote("\(context) started here", at: range(mark, mark)))
        }
        let at = problem.mark ?? Mark(line: 1, column: 1, offset: 0)
        return .error(YAMLDiagnostics.syntax, message, at: range(at, at), notes: notes)
    }

    // MARK: Nodes

    private mutating func node(from event: YAMLEvent, depth: Int) throws -> (node: Node, size: Int) {
        switch event {
        case .scalar(let scalar):
            try countNodes(1, at: scalar.start)
            let node = Node(.scalar(resolve(scalar)), range: range(scalar.start, scalar.end),
                            tag: scalar.tag.flatMap(coreTag))
            remember(scalar.anchor, node: node, size: 1)
            return (node, 1)
        case .alias(let anchor, let start, let end):
            return try alias(anchor, start: start, end: end)
        case .sequenceStart(let anchor, let tag, let start, _):
            try checkDepth(depth, at: start)
            if let anchor { openAnchors.insert(anchor) }
            checkCollectionTag(tag, expected: CoreSchema.seqTag, kind: "a sequence", at: start)
            var items: [Node] = []
            var size = 1
            while true {
                let next = try nextEvent()
                if case .sequenceEnd(let end) = next {
                    try countNodes(1, at: start)
                    let node = Node(.sequence(items), range: range(start, end), tag: tag.flatMap(coreTag))
                    remember(anchor, node: node, size: size)
                    return (node, size)
                }
                let child = try node(from: next, depth: depth + 1)
                // Once an error is found no document is returned, so the tree stops
                // growing: a file of a million bad entries costs counts, not nodes.
                if !diagnostics.hasErrors { items.append(child.node) }
                size += child.size
            }
        case .mappingStart(let anchor, let tag, let start, _):
            try checkDepth(depth, at: start)
            if let anchor { openAnchors.insert(anchor) }
            checkCollectionTag(tag, expected: CoreSchema.mapTag, kind: "a mapping", at: start)
            var pairs: [Pair] = []
            var firstSeen: [String: SourceRange] = [:]
            var size = 1
            while true {
                let next = try nextEvent()
                if case .mappingEnd(let end) = next {
                    try countNodes(1, at: start)
                    let node = Node(.mapping(pairs), range: range(start, end), tag: tag.flatMap(coreTag))
                    remember(anchor, node: node, size: size)
                    return (node, size)
                }
                let key = try node(from: next, depth: depth + 1)
                let value = try node(from: try nextEvent(), depth: depth + 1)
                size += key.size + value.size
                checkKey(key.node, firstSeen: &firstSeen)
                if !diagnostics.hasErrors { pairs.append(Pair(key: key.node, value: value.node)) }
            }
        default:
            throw Stop()
        }
    }

    private mutating func checkKey(_ key: Node, firstSeen: inout [String: SourceRange]) {
        guard let scalar = key.scalar else {
            diagnostics.append(.error(
                YAMLDiagnostics.complexKey, "mapping keys must be scalars, found \(key.kindDescription)",
                at: key.range))
            return
        }
        if scalar.text == "<<", scalar.style == .plain, key.tag == nil {
            diagnostics.append(.error(
                YAMLDiagnostics.mergeKey, "merge keys (`<<`) are not supported",
                at: key.range,
                notes: [DiagnosticNote("write the keys out, or reuse the whole mapping with an alias")]))
            return
        }
        if let first = firstSeen[scalar.text] {
            guard !diagnostics.isFull else { return diagnostics.countDropped(.error) }
            diagnostics.append(.error(
                YAMLDiagnostics.duplicateKey, "duplicate key `\(scalar.text)`",
                at: key.range,
                notes: [DiagnosticNote("first defined here", at: first)]))
        } else {
            firstSeen[scalar.text] = key.range
        }
    }

    private mutating func alias(_ anchor: String, start: Mark, end: Mark) throws -> (node: Node, size: Int) {
        aliasCount += 1
        if aliasCount > limits.maxAliases {
            diagnostics.append(.error(
                YAMLDiagnostics.tooManyAliases,
                "more than \(limits.maxAliases) aliases in one document",
                at: range(start, end)))
            throw Stop()
        }
        guard let target = anchors[anchor] else {
            let why = openAnchors.contains(anchor)
                ? "alias `*\(anchor)` refers to the anchor it is inside (recursive)"
                : "alias `*\(anchor)` names no anchor defined before it"
            diagnostics.append(.error(YAMLDiagnostics.undefinedAlias, why, at: range(start, end)))
            throw Stop()
        }
        aliasNodes += target.size
        try countNodes(target.size, at: start)
        var node = target.node
        node.range = range(start, end)
        return (node, target.size)
    }

    private mutating func countNodes(_ count: Int, at mark: Mark) throws {
        expandedNodes += count
        guard expandedNodes > limits.maxExpandedNodes else { return }
        // Mostly expanded aliases: an alias bomb (TY006); mostly nodes as written: a
        // document that is simply too big (TY014), which deserves its own message.
        let bomb = aliasNodes * 2 >= expandedNodes
        diagnostics.append(.error(
            bomb ? YAMLDiagnostics.expansionTooLarge : YAMLDiagnostics.documentTooLarge,
            bomb ? "expanding aliases would create more than \(limits.maxExpandedNodes) nodes"
                : "the document has more than \(limits.maxExpandedNodes) nodes",
            at: range(mark, mark),
            notes: [DiagnosticNote(bomb ? "this looks like an alias bomb (\"billion laughs\"); the file was not expanded"
                : "split it into several files; the largest real use case (a ward of 12,000 sensors) has about 400,000")]))
        throw Stop()
    }

    private mutating func checkDepth(_ depth: Int, at mark: Mark) throws {
        guard depth > limits.maxDepth else { return }
        diagnostics.append(.error(
            YAMLDiagnostics.tooDeep, "nesting deeper than \(limits.maxDepth) levels",
            at: range(mark, mark)))
        throw Stop()
    }

    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    private mutating func remember(_ anchor: String?, node: Node, size: Int) {
        guard let anchor else { return }
        openAnchors.remove(anchor)
        anchors[anchor] = (node, size)
    }
}
