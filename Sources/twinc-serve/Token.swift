import ArgumentParser
import Foundation
import TwinServe

/// `twinc-serve token create --twin NAME --scopes ingest,read,control --file FILE`: adds a
/// token's hash to the token file and prints the token once, on the last line.
struct Token: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Manage bearer tokens.", subcommands: [Create.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a token; its hash goes into the file, the token is printed once.")

        @Option(help: "The twin the token is for.")
        var twin: String

        @Option(help: "Comma-separated scopes: ingest, read, control.")
        var scopes: String

        @Option(help: "The token file to extend (created if absent).")
        var file: String

        func run() throws {
            var set: Set<TokenFile.Scope> = []
            for name in scopes.split(separator: ",") {
                guard let scope = TokenFile.Scope(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("unknown scope `\(name)`: use ingest, read, control")
                }
                set.insert(scope)
            }
            guard !set.isEmpty else { throw ValidationError("--scopes needs at least one of ingest, read, control") }
            let token = try TokenFile.create(twin: twin, scopes: set, path: file)
            print("token for `\(twin)` (\(TokenFile.Scope.allCases.filter { set.contains($0) }.map(\.rawValue).joined(separator: ","))) added to \(file); it is shown once:")
            print(token)
        }
    }
}
