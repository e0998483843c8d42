import Foundation
import Testing
@testable import TwinUnits

@Suite struct FixedPointTests {
    /// `fixedPoint` (C's `snprintf` through `CFixedPoint`) replaced Foundation's
    /// `String(format: "%.Nf")` for speed; the text must be the same, rounding halves and
    /// huge magnitudes (longer than its first buffer) included.
    @Test func fixedPointWritesWhatFormatWrote() {
        let values: [Double] = [0, -0.0, 0.125, 0.375, 2.5, -2.5, 1.0 / 3, 21.3425, 99.95, 1e-7, 123456.789,
                                1e22, -1.7976931348623157e308, 5e-324, 0.1 + 0.2]
        for value in values {
            for decimals in [0, 1, 2, 3, 6, 12] {
                #expect(String(decoding: fixedPoint(value, decimals: decimals), as: UTF8.self)
                        == String(format: "%.\(decimals)f", value),
                        "\(value) with \(decimals) decimals")
            }
        }
    }
}
