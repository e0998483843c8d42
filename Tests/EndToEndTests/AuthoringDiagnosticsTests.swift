import Foundation
import Testing

/// Issue 14, "Diagnostics": a user's file shows every error the stages can find in one
/// run, each misspelling gets one error with its fix, and values and units get "did you
/// mean" like keys do. Runs the built `twinc validate` on the demo with mistakes in it.
@Suite struct AuthoringDiagnosticsTests {
    /// Stderr of `twinc validate` on the demo intent with the template and intent edited.
    func validate(_ name: String, template: [(String, String)] = [], intent: [(String, String)] = [])
        throws -> (status: Int32, stderr: String) {
        let edit = { (changes: [(String, String)]) in
            { (text: String) in changes.reduce(text) { HostileCase.replacing($1.0, with: $1.1, in: $0) } }
        }
        let hostile = try HostileCase(name, template: edit(template), intent: edit(intent))
        defer { hostile.remove() }
        let result = try Twinc.run(["validate", hostile.file(HostileCase.intent)])
        return (result.status, result.stderr)
    }

    @Test func readingAndReferenceErrorsOfBothFilesComeInOnePass() throws {
        let result = try validate(
            "one-pass",
            template: [("placement: wrist-right", "placement: right-wrist"),
                       ("gateway: {primary: phone}\n    - id: ar", "gateway: {primary: phnoe}\n    - id: ar"),
                       ("class: smartwatch", "class: smartwach"), ("profile: nrf52840-ble", "profile: nrf52480-ble")],
            intent: [("target: p99 <= 250 ms\n    scope: {devices: [ecg]}", "target: p99 <= 250 ms\n    scope: {devices: [ecgg]}")])
        #expect(result.status == 65)
        // The reading error, the references inside the broken device's own entry (a
        // gateway, catalogue ids) and the intent's reference into the template: three
        // stages, one run.
        #expect(result.stderr.contains("unknown `placement` value `right-wrist`"))
        #expect(result.stderr.contains("did you mean `wrist-right`?"), "words in another order are one mistake")
        #expect(result.stderr.contains("unknown gateway `phnoe` for device `watch`"))
        // The broken device's catalogue ids are checked too: a misspelt placement says
        // nothing about its class or radio.
        #expect(result.stderr.contains("unknown device class `smartwach`"))
        #expect(result.stderr.contains("unknown radio profile `nrf52480-ble`"))
        #expect(result.stderr.contains("unknown device `ecgg` in use case `proactive-qa`"))
        // The device whose placement is wrong still counts as known: no cascade.
        #expect(!result.stderr.contains("unknown device `watch`"))
        #expect(result.stderr.contains("5 errors generated."), "\(result.stderr)")
    }

    @Test func aMisspeltRequiredKeyIsOneErrorWithItsFix() throws {
        let result = try validate("misspelt-required", template: [("placement: chest\n      tags: [vital", "placment: chest\n      tags: [vital")])
        #expect(result.stderr.contains("unknown key `placment` in device: the required key `placement` is misspelt"))
        #expect(result.stderr.contains("fix: rename the key: replace with `placement`"))
        #expect(!result.stderr.contains("missing required key `placement`"))
        #expect(result.stderr.contains("1 error generated."), "\(result.stderr)")
    }

    @Test func unitsInTheWrongDimensionOrSpellingGetTheUnitMeant() throws {
        let result = try validate(
            "units", template: [("rate: 1 kbps", "rate: 1 kbit/s"), ("latency: 5 ms", "latency: 5 m")],
            intent: [("target: p99 <= 250 ms", "target: p99 <= 250 m")])
        #expect(result.stderr.contains("unknown unit `kbit/s` in `rate`"))
        #expect(result.stderr.contains("fix: use a known unit: replace with `1 kbps`"))
        #expect(result.stderr.contains("did you mean `5 ms` or `5 min`? (`m` is a distance unit)"))
        #expect(result.stderr.contains("fix: use a time unit: replace with `p99 <= 250 ms`"))
        #expect(!result.stderr.contains("bits"), "a data rate never gets a size unit")
    }

    @Test func transposedLettersInAValueAreOneEdit() throws {
        let result = try validate("transposed", template: [("placement: chest\n      tags: [vital", "placement: chset\n      tags: [vital")])
        #expect(result.stderr.contains("did you mean `chest`?"), "\(result.stderr)")
    }

    @Test func anUnquotedComparisonSaysToQuoteIt() throws {
        let result = try validate("unquoted", intent: [("target: \">= 99.9 %\"", "target: >= 99.9 %")])
        #expect(result.status == 65)
        #expect(result.stderr.contains("error[TY001]: a value starting with `>` must be quoted"))
        #expect(result.stderr.contains("fix: quote the value: replace with `\">= 99.9 %\"`"))
        #expect(!result.stderr.contains("while scanning a block scalar"))
    }

    @Test func aWordForADevicePriorityExplainsTheTwoPriorities() throws {
        let result = try validate("priority", template: [("priority: 3\n      gateway: {primary: phone}\n    - id: ar",
                                                          "priority: high\n      gateway: {primary: phone}\n    - id: ar")])
        #expect(result.stderr.contains("IEEE 802.15.6 user priority, an integer from 0 (background) to 7 (emergency)"))
    }

    /// The other way round: a number for a goal's priority says what the words are, and
    /// does not suggest quoting it (`"6"` is no priority either).
    @Test func aNumberForAGoalPriorityExplainsTheTwoPriorities() throws {
        let result = try validate("goal-priority", intent: [("    scope: {classes: [insulin-pump]}\n    priority: high",
                                                             "    scope: {classes: [insulin-pump]}\n    priority: 6")])
        #expect(result.stderr.contains("`priority` expects one of `critical`, `high`, `medium`, `low`, found an integer"))
        #expect(result.stderr.contains("the integers 0–7 are a device's IEEE 802.15.6 user priority"))
        #expect(!result.stderr.contains("quote it"), "\(result.stderr)")
    }
}
