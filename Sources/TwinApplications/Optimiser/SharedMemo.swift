import Foundation

/// Values the analytic search has already worked out, shared by its workers (the
/// evaluator is a value copied to each; this reference is shared by the copies).
///
/// Only for pure functions of the key: a remembered value is the value, so the search's
/// output does not depend on which worker computed it first. Two workers that miss the
/// same key at once both compute it and store the same value.
final class SharedMemo<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]

    /// The value for `key`, computed by `work` the first time.
    func value(for key: Key, _ work: () -> Value) -> Value {
        if let known = lock.withLock({ values[key] }) { return known }
        let value = work()
        lock.withLock { values[key] = value }
        return value
    }
}
