import Foundation
import Testing
import TwinJSON

/// Loss attribution through the built binary: per device the causes in the JSON add up
/// to generated − delivered on time, and a goal names its limiting hop and cause.
@Suite struct LossAttributionCommandTests {
    @Test func causesAddUpAndGoalsNameTheirLimitingHop() throws {
        let twin = try RunCommandTests.demoTwin()
        let result = try Twinc.run(["run", twin.path, "--format", "json", "--replications", "2"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try #require(try? JSONParser.parse(result.stdout).get().value)
        let hops = Set(["device→gateway", "gateway→edge", "end-to-end"])
        var lossy = 0
        for scenario in json["scenarios"]?.arrayValue ?? [] {
            for device in scenario["devices"]?.arrayValue ?? [] {
                let generated = try #require(device["generated"]?.numberValue)
                let onTime = try #require(device["onTime"]?.numberValue)
                let losses = try #require(device["losses"]?.arrayValue)
                let sum = losses.compactMap { $0["packets"]?.numberValue }.reduce(0, +)
                #expect(abs(sum - (generated - onTime)) < 1e-6,
                        "\(scenario["id"]?.stringValue ?? "") \(device["id"]?.stringValue ?? ""): \(sum) vs \(generated - onTime)")
                #expect(losses.allSatisfy { hops.contains($0["hop"]?.stringValue ?? "") })
                if !losses.isEmpty { lossy += 1 }
            }
            for goal in scenario["goals"]?.arrayValue ?? [] where goal["limitingLoss"] != nil {
                let loss = try #require(goal["limitingLoss"])
                #expect(hops.contains(loss["hop"]?.stringValue ?? ""))
                #expect(loss["device"] == goal["limitingDevice"])
            }
        }
        #expect(lossy > 0, "the demo twin loses some packets")
        let goals = json["scenarios"]?.arrayValue?.first?["goals"]?.arrayValue ?? []
        #expect(goals.contains { $0["limitingLoss"]?["cause"]?.stringValue != nil })
        let text = try Twinc.run(["run", twin.path, "--replications", "2"])
        #expect(text.stdout.contains("lost or late per replication, by hop and cause:"))
        #expect(text.stdout.contains("limiting hop "), "\(text.stdout.prefix(2000))")
    }
}
