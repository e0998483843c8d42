import Foundation
import TwinDiagnostics

/// A user file read into memory, with the path diagnostics will show.
public struct SourceFile: Sendable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// What loading the command line's paths produced.
public struct LoadedSources: Sendable {
    public var files: [SourceFile]
    public var diagnostics: [Diagnostic]
}

/// Expands FILE|DIR arguments into the YAML files they name (folders recursively,
/// `.yaml`/`.yml` only, sorted by path so output order never depends on the file
/// system), and reads them as strict UTF-8.
public struct SourceLoader: Sendable {
    public init() {}

    public func load(_ paths: [String]) -> LoadedSources {
        var files: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(.error(DriverDiagnostics.unreadableInput,
                                          "no such file or folder: \(path)", at: nil))
                continue
            }
            if isDirectory.boolValue {
                let found = yamlFiles(under: path)
                if found.isEmpty {
                    diagnostics.append(.error(DriverDiagnostics.noInputs,
                                              "no .yaml or .yml files under \(path)", at: nil))
                }
                for file in found { read(file, into: &files, diagnostics: &diagnostics) }
            } else {
                read(path, into: &files, diagnostics: &diagnostics)
            }
        }
        return LoadedSources(files: files, diagnostics: diagnostics)
    }

    func yamlFiles(under folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let lowered = relative.lowercased()
            guard lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") else { continue }
            let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
            found.append(base + "/" + relative)
        }
        return found.sorted()
    }

    /// The largest file twinc reads: twice the largest real use case (a ward of 12,000
    /// sensors, 5 MB). A 51 MB use case took seconds and a gigabyte before the node cap
    /// refused it as if it were an alias bomb.
    public static let maximumFileBytes = 10_000_000

    private func read(_ path: String, into files: inout [SourceFile], diagnostics: inout [Diagnostic]) {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= Self.maximumFileBytes else {
            diagnostics.append(.error(
                DriverDiagnostics.inputTooLarge,
                "\(path) is \(size / 1_000_000) MB; twinc reads files of at most \(Self.maximumFileBytes / 1_000_000) MB",
                at: .file(path),
                notes: [DiagnosticNote("split the document; the largest real use case (12,000 sensors) is 5 MB")]))
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(.error(DriverDiagnostics.unreadableInput, "cannot read \(path)", at: nil))
            return
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(bytes)
            let (line, column) = lineAndColumn(of: offset, in: bytes)
            diagnostics.append(.error(DriverDiagnostics.invalidUTF8,
                                      "invalid UTF-8 at byte \(offset)",
                                      at: SourceRange(file: path, line: line, column: column)))
            return
        }
        files.append(SourceFile(path: path, text: text))
    }

    /// The byte offset of the first ill-formed UTF-8 sequence, found with the standard
    /// library's decoder so it agrees with `String(validating:)`.
    private func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: return offset
            }
        }
    }

    private func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let prefix = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self)
        return (line, prefix.unicodeScalars.count + 1)
    }
}
