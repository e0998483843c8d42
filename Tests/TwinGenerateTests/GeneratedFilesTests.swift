import Testing
import TwinConfig
@testable import TwinGenerate
import TwinSpec
import TwinSynthesis
import TwinTestSupport

/// The generate stage on the bundled intents: twin.json is exactly the configuration it
/// was built from (the runtime needs nothing else), the files are the same bytes every
/// time, and design.md and the graph name every device, goal and chosen model.
@Suite struct GeneratedFilesTests {
    static func generated(_ pair: (String, String)) throws -> (GenerationInput, GeneratedTwin) {
        let (intent, useCase) = try BundledDocuments.documents(pair)
        let plan = try #require(synthesise(intent: intent, useCase: useCase, catalogue: .builtIn()).plan)
        let config = buildTwinConfig(plan: plan, intent: intent, useCase: useCase, catalogue: .builtIn(),
                                     defaults: RunDefaults(generator: "tests"))
        let input = GenerationInput(useCase: useCase, intent: intent, plan: plan, config: config)
        return (input, generateTwin(input))
    }

    @Test(arguments: BundledDocuments.pairs)
    func twinJSONReadsBackAsTheConfigItWasWrittenFrom(_ pair: (String, String)) throws {
        let (input, twin) = try Self.generated(pair)
        let text = try #require(twin.files["twin.json"])
        let read = TwinConfig.read(text: text, file: "twin.json")
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics.map(\.message))")
        #expect(read.config == input.config)
    }

    @Test(arguments: BundledDocuments.pairs)
    func filesAreTheSameBytesEveryTime(_ pair: (String, String)) throws {
        let (_, first) = try Self.generated(pair)
        let (_, second) = try Self.generated(pair)
        #expect(first == second)
        #expect(Set(first.files.keys) == ["twin.json", "design.md", "twin.dot"])
    }

    @Test(arguments: BundledDocuments.pairs)
    func designAndGraphNameEveryDeviceGoalAndModel(_ pair: (String, String)) throws {
        let (input, twin) = try Self.generated(pair)
        let design = try #require(twin.files["design.md"])
        let graph = try #require(twin.files["twin.dot"])
        for device in input.config.network.devices {
            #expect(design.contains(device.id), "design.md lacks device \(device.id)")
            #expect(graph.contains("\"\(device.id)\""), "twin.dot lacks device \(device.id)")
        }
        for goal in input.config.goals { #expect(design.contains(goal.id), "design.md lacks goal \(goal.id)") }
        for model in input.plan.models { #expect(design.contains(model.id), "design.md lacks model \(model.id)") }
        #expect(graph.hasPrefix("digraph"))
    }
}
