import ArgumentParser
// For its link libraries alone: a release build on Linux carries the Swift runtime (Package.swift).
import TwinStaticRuntime

/// `twinc-serve`: the live twin's server and its companions, a product of its own so
/// the compiler (`twinc`) builds without the server stack. One file per subcommand; the
/// logic is in TwinLive (the loop) and TwinServe (HTTP, store, tokens).
@main
struct TwincServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "twinc-serve",
        abstract: "Serve compiled twins live: telemetry in, state synchronised, intents assured, actions out.",
        discussion: "Exit status: 0 success, 64 bad flags, 65 bad twin.json, truth or telemetry, 66 unreadable input, 69 server unreachable.",
        subcommands: [Serve.self, Emulate.self, Replay.self, Token.self, Load.self, Bench.self]
    )
}
