import Foundation
import TwinDiagnostics

/// A set of generated files by relative path: what `twinc regenerate` writes into
/// `Generated/` and what `--check` compares against it. Kept as a value so the driver
/// can build it in memory, test it, and only then touch the disk.
public struct GeneratedTree: Sendable, Equatable {
    public var files: [String: String]

    public init(files: [String: String] = [:]) { self.files = files }

    public mutating func add(_ path: String, _ contents: String) { files[path] = contents }

    /// Paths that differ between this tree and the folder: missing, changed, or present
    /// in the folder's managed subfolders but no longer generated.
    public func differences(from folder: String) -> [String] {
        var changed: [String] = []
        for path in files.keys.sorted() {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(path)
            let current = try? String(contentsOf: url, encoding: .utf8)
            if current != files[path] { changed.append(path) }
        }
        for path in existingFiles(under: folder) where files[path] == nil { changed.append(path) }
        return changed.sorted()
    }

    /// Writes every file through a temporary sibling and a rename, so an interrupted
    /// run never leaves a half-written file; files no longer generated are removed.
    public func write(to folder: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let manager = FileManager.default
        for path in files.keys.sorted() {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(path)
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(files[path]!.utf8).write(to: url, options: .atomic)
            } catch {
                diagnostics.append(.error(DriverDiagnostics.cannotWrite, "cannot write \(url.path): \(error.localizedDescription)", at: nil))
            }
        }
        for path in existingFiles(under: folder) where files[path] == nil {
            try? manager.removeItem(at: URL(fileURLWithPath: folder).appendingPathComponent(path))
        }
        return diagnostics
    }

    /// Files already in the folder's subfolders that this tree manages (the top-level
    /// folder names of its paths), relative to `folder`.
    private func existingFiles(under folder: String) -> [String] {
        let roots = Set(files.keys.compactMap { $0.split(separator: "/").first.map(String.init) })
        var found: [String] = []
        for root in roots.sorted() {
            let base = URL(fileURLWithPath: folder).appendingPathComponent(root).path
            guard let enumerator = FileManager.default.enumerator(atPath: base) else { continue }
            while let relative = enumerator.nextObject() as? String {
                var isDirectory: ObjCBool = false
                let full = base + "/" + relative
                if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                    found.append(root + "/" + relative)
                }
            }
        }
        return found
    }
}

extension GeneratedTree {
    /// Replaces `folder` by exactly these files, all or nothing: the files are written
    /// into a temporary sibling folder, which then takes the old folder's place. A
    /// failure leaves the previous output untouched.
    public func replaceAtomically(_ folder: String) -> [Diagnostic] {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).twinc-\(ProcessInfo.processInfo.processIdentifier)")
        let retired = parent.appendingPathComponent(staging.lastPathComponent + "-old")
        do {
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            for path in files.keys.sorted() {
                let url = staging.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(files[path, default: ""].utf8).write(to: url)
            }
            if manager.fileExists(atPath: target.path) {
                try manager.moveItem(at: target, to: retired)
            }
            try manager.moveItem(at: staging, to: target)
            try? manager.removeItem(at: retired)
            return []
        } catch {
            try? manager.removeItem(at: staging)
            if !manager.fileExists(atPath: target.path), manager.fileExists(atPath: retired.path) {
                try? manager.moveItem(at: retired, to: target)
            }
            return [.error(DriverDiagnostics.cannotWrite, "cannot write \(target.path): \(error.localizedDescription)", at: nil)]
        }
    }
}
