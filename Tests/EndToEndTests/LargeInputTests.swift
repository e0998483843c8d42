import Foundation
import Testing
import TwinDriver

@Suite struct LargeInputTests {
    /// A 5 MB use case (1,000 devices and a long story) goes through the whole front end of the
    /// built binary and is clean. Speed is `twinc bench`'s business, not this test's.
    @Test func fiveMegabyteTemplateValidates() throws {
        let text = LargeTemplate.make(approximateBytes: 5_000_000)
        #expect(text.utf8.count >= 5_000_000)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("twinc-large-\(ProcessInfo.processInfo.processIdentifier).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try Twinc.run(["validate", url.path])
        #expect(result.status == 0, "\(result.stderr.prefix(2000))")
        #expect(result.stdout.hasSuffix("(1 usecase): ok\n"))
    }
}
