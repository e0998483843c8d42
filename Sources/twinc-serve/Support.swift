import ArgumentParser
import Foundation
import TwinConfig
import TwinDiagnostics
import TwinUnits

/// Flag parsing and twin loading the subcommands share (no logic of the live loop).
enum ServeSupport {
    static func time(_ text: String, flag: String) throws -> Time {
        guard case .success(let quantity) = Quantity.parse(text), let time = Time(quantity), time.si > 0 else {
            throw ValidationError("\(flag) expects a positive time such as `2h` or `10 min`, got `\(text)`")
        }
        return time
    }

    static func address(_ text: String) throws -> (host: String, port: Int) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let port = Int(parts[1]), (0...65_535).contains(port) else {
            throw ValidationError("--listen expects HOST:PORT such as 127.0.0.1:8080, got `\(text)`")
        }
        return (String(parts[0]), port)
    }

    /// Twins at `path`: a twin.json, a folder holding one, or a folder of such folders (a ward).
    static func loadTwins(_ path: String) throws -> [TwinConfig] {
        var files: [String] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            FileHandle.standardError.write(Data("error: cannot open `\(path)`\n".utf8))
            throw ExitCode(66)
        }
        if !isDirectory.boolValue {
            files = [path]
        } else if FileManager.default.fileExists(atPath: path + "/twin.json") {
            files = [path + "/twin.json"]
        } else {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            files = entries.sorted().map { "\(path)/\($0)/twin.json" }.filter { FileManager.default.fileExists(atPath: $0) }
        }
        guard !files.isEmpty else {
            FileHandle.standardError.write(Data("error: no twin.json in `\(path)`\n".utf8))
            throw ExitCode(66)
        }
        return try files.map { file in
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                FileHandle.standardError.write(Data("error: cannot read `\(file)`\n".utf8))
                throw ExitCode(66)
            }
            let result = TwinConfig.read(text: text, file: file)
            guard let config = result.config, !result.diagnostics.hasErrors else {
                report(result.diagnostics)
                throw ExitCode(65)
            }
            return config
        }
    }

    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            let location = diagnostic.range.map { "\($0.description): " } ?? ""
            var text = "\(location)\(diagnostic.severity.rawValue)[\(diagnostic.code.id)]: \(diagnostic.message)\n"
            for note in diagnostic.notes { text += "  note: \(note.message)\n" }
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
