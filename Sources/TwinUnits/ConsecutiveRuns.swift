/// Consecutive equal elements as one element with its count.
///
/// Why: the reports list one row per attack, and a `security-detect` goal's scenario
/// repeats its attack many times per replication (`AttackOnsets`: 15 for the demo's
/// jammer). Fifteen identical rows in the text report and the HTML page buried the other
/// threats; both fold a run of equal rows into one marked "×15" (the JSON keeps every
/// attack). One implementation so both read the same. It lives with the text helpers of
/// this module because the text and HTML report modules share no other dependency that
/// fits.
extension Array where Element: Equatable {
    public func runsOfEqual() -> [(element: Element, count: Int)] {
        var runs: [(element: Element, count: Int)] = []
        for element in self {
            if let last = runs.last, last.element == element {
                runs[runs.count - 1].count += 1
            } else {
                runs.append((element, 1))
            }
        }
        return runs
    }
}
