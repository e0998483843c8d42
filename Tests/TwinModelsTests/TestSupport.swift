import Foundation

/// |a − b| ≤ tolerance·|b|.
func isClose(_ a: Double, _ b: Double, relative tolerance: Double) -> Bool {
    abs(a - b) <= tolerance * abs(b)
}

/// |a − b| ≤ tolerance.
func isClose(_ a: Double, _ b: Double, absolute tolerance: Double) -> Bool {
    abs(a - b) <= tolerance
}

/// Rounds to one decimal, the precision of the 802.15.6 rate table.
func oneDecimal(_ x: Double) -> Double { (x * 10).rounded() / 10 }
