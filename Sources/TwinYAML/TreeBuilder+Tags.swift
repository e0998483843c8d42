import TwinDiagnostics

extension TreeBuilder {
    /// The short form of a core tag, or nil for the non-specific `!`.
    func coreTag(_ tag: String) -> String? {
        tag == "!" ? nil : tag
    }

    /// Resolves a scalar event to a core-schema value, honouring explicit core tags and
    /// reporting unknown tags, tag/value mismatches and YAML 1.1 ambiguities.
    mutating func resolve(_ event: ScalarEvent) -> Scalar {
        var at: SourceRange {
            SourceRange(
                file: fileName,
                start: SourcePosition(line: event.start.line, column: event.start.column, offset: event.start.offset),
                end: SourcePosition(line: event.end.line, column: event.end.column, offset: event.end.offset))
        }
        let text = event.value
        guard let tag = event.tag, tag != "!" else {
            if event.style == .plain {
                // Once an error is found no document is returned and no value is read:
                // only what is still reported (the YAML 1.1 warning) is worked out.
                guard !diagnostics.hasErrors || CoreSchema.yaml11Reading(of: text) != nil else {
                    return Scalar(text: text, style: event.style, value: .string(text))
                }
                let value = CoreSchema.resolvePlain(text)
                if let reading = CoreSchema.yaml11Reading(of: text) {
                    guard !diagnostics.isFull else {
                        diagnostics.countDropped(.warning)
                        return Scalar(text: text, style: event.style, value: value)
                    }
                    report(.warning(
                        YAMLDiagnostics.yaml11Ambiguity,
                        "`\(text)` means \(describe(value)) in YAML 1.2 but YAML 1.1 tools read it as \(reading)",
                        at: at,
                        notes: [DiagnosticNote("quote it to mean the same everywhere")],
                        fix: FixIt("quote the value", range: at, replacement: "\"\(text)\"")))
                }
                return Scalar(text: text, style: event.style, value: value)
            }
            return Scalar(text: text, style: event.style, value: .string(text))
        }
        let value: CoreValue?
        switch tag {
        case CoreSchema.strTag: value = .string(text)
        case CoreSchema.intTag: value = CoreSchema.int(text).map(CoreValue.int)
        case CoreSchema.floatTag:
            value = CoreSchema.float(text).map(CoreValue.float) ?? CoreSchema.int(text).map { .float(Double($0)) }
        case CoreSchema.boolTag: value = CoreSchema.bool(text).map(CoreValue.bool)
        case CoreSchema.nullTag: value = CoreSchema.null(text)
        default:
            report(.error(YAMLDiagnostics.unknownTag, "unsupported tag `\(shortTag(tag))`", at: at,
                          notes: [DiagnosticNote("only the YAML 1.2 core tags are accepted: !!str, !!int, !!float, !!bool, !!null, !!map, !!seq")]))
            return Scalar(text: text, style: event.style, value: .string(text))
        }
        guard let value else {
            report(.error(YAMLDiagnostics.tagMismatch, "`\(text)` is not a valid `\(shortTag(tag))` value", at: at))
            return Scalar(text: text, style: event.style, value: .string(text))
        }
        return Scalar(text: text, style: event.style, value: value)
    }

    /// Reports a tag on a sequence or mapping that is neither absent, `!`, nor the
    /// matching core collection tag.
    mutating func checkCollectionTag(_ tag: String?, expected: String, kind: String, at mark: Mark) {
        guard let tag, tag != "!", tag != expected else { return }
        let at = SourceRange(file: fileName, line: mark.line, column: mark.column)
        if tag == CoreSchema.mapTag || tag == CoreSchema.seqTag {
            report(.error(YAMLDiagnostics.tagMismatch, "`\(shortTag(tag))` cannot tag \(kind)", at: at))
        } else {
            report(.error(YAMLDiagnostics.unknownTag, "unsupported tag `\(shortTag(tag))`", at: at,
                          notes: [DiagnosticNote("only the YAML 1.2 core tags are accepted: !!str, !!int, !!float, !!bool, !!null, !!map, !!seq")]))
        }
    }

    private func describe(_ value: CoreValue) -> String {
        switch value {
        case .int(let i): "the number \(i)"
        case .float(let f): "the number \(f)"
        case .string: "a string"
        case .bool(let b): "the boolean \(b)"
        case .null: "null"
        }
    }

    func shortTag(_ tag: String) -> String {
        let prefix = "tag:yaml.org,2002:"
        return tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }
}
