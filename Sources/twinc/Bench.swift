import ArgumentParser
import Foundation
import TwinDriver

/// `twinc bench`: speed figures that are tracked but never asserted in tests. Build
/// with `-c release` for meaningful numbers.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure front-end throughput (and, once available, engine and simulation speed).")

    @Option(help: "Size of the generated template for the front-end benchmark, in MB.")
    var megabytes: Double = 5

    func run() throws {
        let text = LargeTemplate.make(approximateBytes: Int(megabytes * 1_000_000))
        let result = benchmarkFrontEnd(text: text)
        print("front end, \(String(format: "%.1f", Double(result.bytes) / 1e6)) MB template (\(result.diagnostics) diagnostics):")
        print("  libyaml events only   \(String(format: "%8.1f", result.rawMBPerSecond)) MB/s  (\(String(format: "%.3f", result.rawEventSeconds)) s)")
        print("  parse to nodes        \(String(format: "%8.1f", Double(result.bytes) / 1e6 / result.parseSeconds)) MB/s  (\(String(format: "%.3f", result.parseSeconds)) s)")
        print("  parse + read + check  \(String(format: "%8.1f", result.validateMBPerSecond)) MB/s  (\(String(format: "%.3f", result.validateSeconds)) s, \(String(format: "%.1f", result.overhead))× the raw scan)")
    }
}
