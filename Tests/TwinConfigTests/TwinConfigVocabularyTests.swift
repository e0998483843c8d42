import Foundation
import Testing
import TwinConfig
import TwinDiagnostics
import TwinVocabulary

/// Every closed set of twin.json is read once, at its member: a name twinc does not know
/// is one TK005 naming the member's JSON path, listing the known names, and pointing at
/// the member's line, and the config is refused (the CLI exits 65 on it,
/// `HostileTwinTests.unknownVocabularyNamesAreRefused`).
@Suite struct TwinConfigVocabularyTests {
    /// One member of the sample twin with an unknown name: the text to replace, its
    /// replacement, the JSON path the error names, and one name the list must offer.
    struct Case: CustomStringConvertible {
        var original: String
        var replacement: String
        var path: String
        var known: String
        var description: String { path }
    }

    static let cases: [Case] = [
        Case(original: "\"kpi\": \"latency\"", replacement: "\"kpi\": \"happiness\"", path: "goals[0].kpi",
             known: "`delivery-ratio`"),
        Case(original: "\"priority\": \"critical\"", replacement: "\"priority\": \"urgent\"", path: "goals[0].priority",
             known: "`medium`"),
        Case(original: "\"parameter\": \"tx-power\"", replacement: "\"parameter\": \"antenna-gain\"",
             path: "knobs[0].parameter", known: "`mac-mode`"),
        Case(original: "\"family\": \"channel\"", replacement: "\"family\": \"weather\"", path: "models[0].family",
             known: "`reliability`"),
        Case(original: "\"id\": \"network-view\"", replacement: "\"id\": \"dashboard\"", path: "applications[0].id",
             known: "`resilience`"),
        Case(original: "\"latency\"\n", replacement: "\"happiness\"\n", path: "applications[0].kpis[0]",
             known: "`throughput`"),
        Case(original: "\"safety\",", replacement: "\"glamour\",", path: "objectives[0]", known: "`privacy`"),
        Case(original: "\"placement\": \"chest\"", replacement: "\"placement\": \"elbow\"",
             path: "network.devices[0].placement", known: "`wrist-left`"),
        Case(original: "\"placement\": \"hip-right\"", replacement: "\"placement\": \"desk\"",
             path: "network.gateways[0].placement", known: "`off-body`"),
        Case(original: "\"kind\": \"phone\"", replacement: "\"kind\": \"toaster\"", path: "network.gateways[0].kind",
             known: "`bedside-hub`"),
        Case(original: "\"tier\": \"extreme-mec\"", replacement: "\"tier\": \"fog\"", path: "network.edges[0].tier",
             known: "`far-edge`"),
        Case(original: "\"class\": \"F1\"", replacement: "\"class\": \"G7\"", path: "network.devices[0].traffic.class",
             known: "`A1`"),
        Case(original: "\"model\": \"linear\"", replacement: "\"model\": \"shepherd\"",
             path: "network.devices[0].battery.model", known: "`peukert`"),
        Case(original: "\"model\": \"linear\"", replacement: "\"chemistry\": \"unobtainium\", \"model\": \"linear\"",
             path: "network.devices[0].battery.chemistry", known: "`li-mno2`"),
    ]

    @Test(arguments: cases)
    func anUnknownNameIsRefusedAtItsMember(_ entry: Case) throws {
        let text = sampleConfig().canonicalJSON()
        #expect(text.components(separatedBy: entry.original).count == 2, "`\(entry.original)` is not unique")
        let edited = text.replacingOccurrences(of: entry.original, with: entry.replacement)
        let result = TwinConfig.read(text: edited, file: "twin.json")
        #expect(result.config == nil)
        let error = try #require(result.diagnostics.first)
        #expect(result.diagnostics.map(\.code) == [ConfigDiagnostics.outOfRange])
        #expect(error.code.id == "TK005" && error.severity == .error)
        #expect(error.message.hasPrefix("`\(entry.path)` is `"), "\(error.message)")
        #expect(error.message.contains(", not one of ") && error.message.contains(entry.known), "\(error.message)")
        let line = text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains(entry.original.trimmingCharacters(in: .newlines)) }.map { $0 + 1 }
        #expect(error.range?.start.line == line)
    }

    @Test func olderPlacementSpellingsAndAnEmptyClassRead() throws {
        let text = sampleConfig().canonicalJSON()
            .replacingOccurrences(of: "\"placement\": \"hip-right\"", with: "\"placement\": \"pocket\"")
            .replacingOccurrences(of: "\"class\": \"F1\"", with: "\"class\": \"\"")
        let result = TwinConfig.read(text: text, file: "twin.json")
        #expect(result.diagnostics.isEmpty)
        let config = try #require(result.config)
        #expect(config.network.gateways[0].placement == .hipRight)
        #expect(config.network.devices[0].traffic.trafficClass == nil)
        // Written back canonically: the placement under its name, no class as "".
        #expect(config.canonicalJSON().contains("\"placement\": \"hip-right\""))
        #expect(config.canonicalJSON().contains("\"class\": \"\""))
    }

    @Test func aChemistryReadsAndRoundTrips() throws {
        var config = sampleConfig()
        config.network.devices[0].battery.chemistry = .liPolymer
        let read = try #require(TwinConfig.read(text: config.canonicalJSON(), file: "twin.json").config)
        #expect(read.network.devices[0].battery.chemistry == .liPolymer)
        #expect(read == config)
    }

    @Test func everyPlacementAliasNamesAPlacement() {
        for alias in ["hip", "pocket", "belt", "wrist", "implant", "left-wrist", "right-ankle", "glasses"] {
            #expect(Placement(twinJSON: alias) != nil, "\(alias)")
        }
        #expect(Placement(twinJSON: "elbow") == nil)
        #expect(Placement.allCases.allSatisfy { Placement(twinJSON: $0.rawValue) == $0 })
    }
}
