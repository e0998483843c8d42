import Dispatch
import Foundation

/// `transform` applied to every element of `items`, on as many threads as the machine
/// has cores (the caller's among them), results in the order of `items`.
///
/// Why one helper: the compiler and the optimiser fan out independent pieces of work
/// (built-in catalogue documents, forced re-solves, shares of candidates) and join them
/// in a fixed order, so the output is the same bytes on one core or many. Each of them
/// used to carry its own locked array of result slots.
public func concurrentMap<Element: Sendable, Result: Sendable>(
    _ items: [Element], _ transform: @Sendable (Element) -> Result
) -> [Result] {
    guard items.count > 1 else { return items.map(transform) }
    let slots = ResultSlots<Result>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        slots.store(index, transform(items[index]))
    }
    return slots.filled()
}

/// `first` and `second` run at the same time when a second core is free (the calling
/// thread takes one of them, or both when no worker is), both answers returned. For
/// two independent stretches of a stage, e.g. rendering the design documents while
/// twin.json is read back for admission.
public func concurrently<First: Sendable, Second: Sendable>(
    _ first: @Sendable () -> First, _ second: @Sendable () -> Second
) -> (First, Second) {
    let firstSlot = ResultSlots<First>(count: 1)
    let secondSlot = ResultSlots<Second>(count: 1)
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 { firstSlot.store(0, first()) } else { secondSlot.store(0, second()) }
    }
    return (firstSlot.filled()[0], secondSlot.filled()[0])
}

/// One slot per piece of work, each written once by the thread that did it.
private final class ResultSlots<Result: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ index: Int, _ result: Result) { lock.withLock { slots[index] = result } }

    /// Every slot's result; `concurrentPerform` returns only after every iteration ran,
    /// so a missing one is a bug in this file, not a case to handle.
    func filled() -> [Result] { lock.withLock { slots.map { $0! } } }
}
