import Crypto
import Foundation

/// Bearer tokens per twin with scopes, stored hashed: the file holds one line per token,
/// `TWIN SCOPES SHA256-HEX ID CREATED`, never the token itself. A token is 32 random
/// bytes (the system generator) as `twt_` + base64url, shown once when created.
/// SHA-256 (swift-crypto) suffices as the hash: tokens are random, not passwords, so
/// there is nothing to brute-force that a slow hash would protect.
public struct TokenFile: Sendable {
    public enum Scope: String, Sendable, Hashable, CaseIterable {
        case ingest, read, control
    }

    public struct Entry: Sendable, Hashable {
        public var twin: String
        public var scopes: Set<Scope>
        public var hash: String
        public var id: String
        public var created: String
    }

    public private(set) var entries: [Entry]

    public init(entries: [Entry] = []) { self.entries = entries }

    /// Reads a token file; a missing file is an empty one.
    public static func load(path: String) throws -> TokenFile {
        guard FileManager.default.fileExists(atPath: path) else { return TokenFile() }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var entries: [Entry] = []
        for (number, line) in text.split(separator: "\n").enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: " ").map(String.init)
            guard fields.count >= 4 else { throw TokenFileError.malformed(path: path, line: number + 1) }
            var scopes: Set<Scope> = []
            for name in fields[1].split(separator: ",") {
                guard let scope = Scope(rawValue: String(name)) else { throw TokenFileError.malformed(path: path, line: number + 1) }
                scopes.insert(scope)
            }
            entries.append(Entry(twin: fields[0], scopes: scopes, hash: fields[2], id: fields[3],
                                 created: fields.count > 4 ? fields[4] : ""))
        }
        return TokenFile(entries: entries)
    }

    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Scopes `token` grants on `twin` (empty: none).
    public func scopes(token: String, twin: String) -> Set<Scope> {
        let digest = Self.hash(token)
        var granted: Set<Scope> = []
        for entry in entries where entry.twin == twin && constantTimeEqual(entry.hash, digest) {
            granted.formUnion(entry.scopes)
        }
        return granted
    }

    /// The id of the entry `token` matches, for rate limits and the audit log.
    public func id(of token: String) -> String? {
        let digest = Self.hash(token)
        return entries.first { constantTimeEqual($0.hash, digest) }?.id
    }

    private func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }

    /// Creates a token for `twin` with `scopes`, appends its hash to the file at `path`
    /// (written whole to a temporary file and renamed) and returns the token.
    public static func create(twin: String, scopes: Set<Scope>, path: String, now: Date = Date()) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let token = "twt_" + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        let id = "tok_" + hash(token).prefix(12)
        let created = ISO8601DateFormatter().string(from: now)
        let scopeText = Scope.allCases.filter { scopes.contains($0) }.map(\.rawValue).joined(separator: ",")
        var text = FileManager.default.fileExists(atPath: path) ? try String(contentsOfFile: path, encoding: .utf8) : ""
        if text.isEmpty { text = "# twinc tokens: TWIN SCOPES SHA256(token) ID CREATED (tokens themselves are never stored)\n" }
        if !text.hasSuffix("\n") { text += "\n" }
        text += "\(twin) \(scopeText) \(hash(token)) \(id) \(created)\n"
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        try text.write(toFile: temporary, atomically: false, encoding: .utf8)
        chmod(temporary, 0o600)
        guard rename(temporary, path) == 0 else { throw TokenFileError.unwritable(path: path, errno: errno) }
        return token
    }
}

public enum TokenFileError: Error, CustomStringConvertible {
    case malformed(path: String, line: Int)
    case unwritable(path: String, errno: Int32)

    public var description: String {
        switch self {
        case let .malformed(path, line): "\(path):\(line): not `TWIN SCOPES HASH ID [CREATED]` with scopes from ingest, read, control"
        case let .unwritable(path, code): "cannot write \(path) (errno \(code))"
        }
    }
}
