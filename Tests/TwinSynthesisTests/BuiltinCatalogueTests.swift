import Testing
import TwinDiagnostics
import TwinModels
import TwinSpec
import TwinSynthesis
import TwinTestSupport
import TwinVocabulary
import TwinYAML

@Suite("Built-in catalogue")
struct BuiltinCatalogueTests {
    @Test("every built-in document parses and reads with zero diagnostics")
    func documentsReadCleanly() {
        for document in BuiltinCatalogue.documents {
            let parsed = parseYAML(text: document.text, file: document.path)
            #expect(parsed.diagnostics.isEmpty, "\(document.path): \(parsed.diagnostics.map(\.message))")
            guard let yaml = parsed.document else {
                Issue.record("\(document.path) did not parse")
                continue
            }
            let (typed, diagnostics) = readDocument(yaml)
            #expect(diagnostics.isEmpty, "\(document.path): \(diagnostics.map { "\($0.range?.description ?? "") \($0.message)" })")
            #expect(typed?.kind == .catalogue)
        }
    }

    /// The catalogue cites the same CVSS vector and score the runtime's residual scores
    /// use (spoofing once said I:H/A:H = 8.1 while the runtime scored I:H = 6.5).
    @Test("each threat model cites the runtime's CVSS vector and score")
    func threatModelsCiteTheRuntimeVector() throws {
        let catalogues = BuiltinCatalogue.load().catalogues
        for threat in Threat.allCases {
            let entry = try #require(catalogues.flatMap(\.entries).first { $0.id.value == "threat-\(threat.rawValue)" },
                                     "no catalogue entry for \(threat)")
            let source = entry.source?.value ?? ""
            let vector = threat.unmitigatedVector
            #expect(source.contains("\(vector) = \(vector.baseScore)"), "\(threat): \(source)")
        }
        #expect(Threat.spoofing.unmitigatedVector.baseScore == 6.5)
    }

    @Test("paths are unique and under builtin/")
    func paths() {
        let paths = BuiltinCatalogue.documents.map(\.path)
        #expect(Set(paths).count == paths.count)
        #expect(paths.allSatisfy { $0.hasPrefix("builtin/") && $0.hasSuffix(".yaml") })
    }

    @Test("ids are unique across all built-in documents")
    func uniqueIDs() {
        let (catalogues, diagnostics) = BuiltinCatalogue.load()
        #expect(diagnostics.isEmpty)
        #expect(catalogues.count == BuiltinCatalogue.documents.count)
        let ids = catalogues.flatMap(\.entries).map(\.id.value)
        #expect(Set(ids).count == ids.count, "duplicate ids: \(ids.filter { id in ids.filter { $0 == id }.count > 1 })")
    }

    @Test("models, radios and batteries cite a source")
    func sources() {
        let entries = BuiltinCatalogue.load().catalogues.flatMap(\.entries)
        for entry in entries where [.model, .radio, .battery].contains(entry.kind) {
            #expect((entry.source?.value.count ?? 0) > 20, "\(entry.id.value) has no citation")
        }
    }

    @Test("the ids the bundled templates use exist")
    func templateIDsExist() throws {
        let index = BuiltinCatalogue.index()
        for radio in ["ieee802156-nb-2400", "nrf52840-ble", "wlan-ax-wearable", "mmwave-60-headset"] {
            #expect(index.ids[.radio]?.contains(radio) == true, "radio \(radio)")
        }
        for battery in ["coin-560", "cr2032", "alkaline-aa"] {
            #expect(index.ids[.battery]?.contains(battery) == true, "battery \(battery)")
        }
        for model in ["ieee802156-cm3-channel", "ieee802156-mac", "gateway-failover", "posture-fading",
                      "tachtatzis-lifetime", "linear-battery", "cvss-exposure", "jamming-detector"] {
            #expect(index.ids[.model]?.contains(model) == true, "model \(model)")
        }
        for method in ["discrete-event", "markov", "analytic", "graph", "time-series", "attack-tree", "lookup-table"] {
            #expect(index.ids[.method]?.contains(method) == true, "method \(method)")
        }
        for deviceClass in builtInDeviceClasses {
            #expect(index.ids[.deviceClass]?.contains(deviceClass) == true, "class \(deviceClass)")
        }
        // And the templates themselves check clean against the built-in index.
        let documents = try BundledDocuments.all()
        let problems = checkWorkspace(documents, builtIn: index).filter { $0.severity == .error }
        #expect(problems.isEmpty, "\(problems.map { "\($0.range?.description ?? "") \($0.message)" })")
    }
}
