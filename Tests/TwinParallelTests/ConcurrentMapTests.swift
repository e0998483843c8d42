import Testing
import TwinParallel

/// The compiler's and the optimiser's output is the same on one core or many only if
/// `concurrentMap` joins in input order whatever order the work finished in.
@Suite struct ConcurrentMapTests {
    @Test func keepsTheInputOrderWhateverFinishesFirst() {
        let items = Array(0..<1_000)
        // Early items loop longest, so they tend to finish last.
        let results = concurrentMap(items) { item in
            (0..<((1_000 - item) * 20)).reduce(item * 2) { total, _ in total }
        }
        #expect(results == items.map { $0 * 2 })
    }

    @Test func emptyAndSingleInputs() {
        #expect(concurrentMap([Int]()) { $0 + 1 }.isEmpty)
        #expect(concurrentMap([41]) { $0 + 1 } == [42])
    }

    /// `ModelSearch` maps to optional answers: a `nil` answer must come back as `nil`,
    /// not be mistaken for a slot that was never filled.
    @Test func optionalResultsStayOptional() {
        let results: [Int?] = concurrentMap(Array(0..<9)) { $0.isMultiple(of: 3) ? nil : $0 }
        #expect(results == [nil, 1, 2, nil, 4, 5, nil, 7, 8])
    }

    @Test func concurrentlyReturnsBothAnswers() {
        let (text, number) = concurrently({ String(repeating: "a", count: 3) }, { (1...10).reduce(0, +) })
        #expect(text == "aaa")
        #expect(number == 55)
    }
}
