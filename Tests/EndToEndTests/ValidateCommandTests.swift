import Foundation
import Testing
import TwinJSON

@Suite struct ValidateCommandTests {
    @Test func bundledTemplatesAndIntentsAreClean() throws {
        let result = try Twinc.run(["validate", "Templates", "Intents"])
        #expect(result.status == 0)
        #expect(result.stdout == "twinc: checked 6 files (3 usecases, 3 intents): ok\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func anIntentAloneFindsItsUseCase() throws {
        let result = try Twinc.run(["validate", "Intents/icu-monitoring.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func unreadableInputExits66() throws {
        let result = try Twinc.run(["validate", "no/such/file.yaml"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("error[TC001]: no such file or folder: no/such/file.yaml"))
    }

    @Test func badFlagsExit64() throws {
        let result = try Twinc.run(["validate", "--format", "xml", "Templates"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("xml"))
    }

    @Test func githubAnnotationsAreOneLineEach() throws {
        let result = try Twinc.run(["validate", "--format", "github", "Tests/Corpus/bad-yaml/duplicate-key.yaml"])
        #expect(result.status == 65)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("::error file=Tests/Corpus/bad-yaml/duplicate-key.yaml,line=5,col=1,") == true)
        #expect(lines.first?.contains("%0Anote: first defined here (Tests/Corpus/bad-yaml/duplicate-key.yaml:3:1)") == true)
    }

    @Test func jsonOutputParsesAndCounts() throws {
        let result = try Twinc.run(["validate", "--format", "json", "Tests/Corpus/bad-yaml/duplicate-key.yaml"])
        #expect(result.status == 65)
        let value = try JSONParser.parse(result.stdout).get().value
        #expect(value["summary"]?["errors"] == 1)
        #expect(value["diagnostics"]?.arrayValue?.first?["code"] == "TY003")
    }

    @Test func explainPrintsTheLongHelp() throws {
        let known = try Twinc.run(["explain", "ty003"])
        #expect(known.status == 0)
        #expect(known.stdout.hasPrefix("TY003: duplicate mapping key\n"))
        let unknown = try Twinc.run(["explain", "XX999"])
        #expect(unknown.status == 64)
        let list = try Twinc.run(["explain", "--list"])
        #expect(list.stdout.split(separator: "\n").count >= 40)
    }

    @Test func schemaIsDraft07JSON() throws {
        let result = try Twinc.run(["schema", "intent"])
        #expect(result.status == 0)
        let value = try JSONParser.parse(result.stdout).get().value
        #expect(value["$schema"] == "http://json-schema.org/draft-07/schema#")
    }

    @Test func generatedFolderIsUpToDate() throws {
        let result = try Twinc.run(["regenerate", "--check"])
        #expect(result.status == 0, "Generated/ is stale:\n\(result.stdout)")
    }
}
