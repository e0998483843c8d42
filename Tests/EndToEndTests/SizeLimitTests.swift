import Foundation
import Testing
import TwinJSON

/// Issue 8, bounded work: a use case or intent larger than one twin simulates is refused
/// at the list the user wrote (TS009 at `devices`, `gateways`, `goals`), by `validate`
/// already, instead of compiling for tens of seconds and then being refused by TP013 at
/// the intent (1,100 devices) or eating 1.4 GB (21,800 devices); twin.json keeps the same
/// sizes (TK011); a crowded hub's air-time error names its largest users, not every one.
@Suite struct SizeLimitTests {
    static func watches(_ count: Int, rate: String = "1 kbps", gateway: (Int) -> String = { _ in "phone" }) -> String {
        (0..<count).map { k in
            "    - id: band-\(k)\n      class: smartwatch\n      placement: wrist-left\n"
                + "      radio: {profile: nrf52840-ble, technology: ble, band: ism-2400, tx-power: 0 dBm}\n"
                + "      battery: {capacity: 300 mAh, voltage: 3.8 V}\n      traffic: {rate: \(rate), packet-size: 20 B}\n"
                + "      priority: 3\n      gateway: {primary: \(gateway(k))}\n"
        }.joined()
    }

    /// The line of the bundled template's `key` (its first occurrence), where the hostile
    /// lists are inserted, so the expected location follows edits to the template.
    static func templateLine(_ key: String) throws -> Int {
        let lines = try HostileCase.read(HostileCase.template).components(separatedBy: "\n")
        return try #require(lines.firstIndex { $0 == key }) + 1
    }

    /// 1,100 wristbands spread over twenty hubs, written before the demo's own devices:
    /// one error at `devices`; the goals naming `ecg` (now the 1,103rd entry, not read)
    /// are not told it is unknown.
    @Test func aUseCaseWithMoreDevicesThanATwinSimulatesIsRefusedAtDevices() throws {
        let hubs = (0..<20).map { "    - {id: hub-\($0), kind: bedside-hub, placement: off-body, technologies: [ble]}\n" }
            .joined()
        let hostile = try HostileCase("devices-1100", template: {
            let devices = HostileCase.replacing("  devices:\n", with: "  devices:\n" + Self.watches(1_100) { "hub-\($0 % 20)" }, in: $0)
            return HostileCase.replacing("  gateways:\n", with: "  gateways:\n" + hubs, in: devices)
        })
        defer { hostile.remove() }
        try hostile.expectRefused(saying: "proactive-qa.yaml:\(try Self.templateLine("  devices:")):3: error[TS009]: `devices` has 1,107 entries; at most 1,024 are allowed",
                          absent: ["TS012", "TP013", "TP0"])
    }

    @Test func aUseCaseWithMoreGatewaysThanATwinSimulatesIsRefusedAtGateways() throws {
        let hubs = (0..<260).map { "    - {id: hub-\($0), kind: bedside-hub, placement: off-body, technologies: [ble]}\n" }
            .joined()
        let hostile = try HostileCase("gateways-260", template: {
            HostileCase.replacing("  gateways:\n", with: "  gateways:\n" + hubs, in: $0)
        })
        defer { hostile.remove() }
        try hostile.expectRefused(saying: "proactive-qa.yaml:\(try Self.templateLine("  gateways:")):3: error[TS009]: `gateways` has 262 entries; at most 256 are allowed",
                          absent: ["TS012", "TP0"])
    }

    /// 200 goals compiled in 0.2 s and then made a one-second run take over a minute
    /// (the optimiser judges every goal for every candidate).
    @Test func anIntentWithTooManyGoalsIsRefusedAtGoals() throws {
        let goals = (0..<60).map { "  - {id: latency-\($0), kpi: latency, target: p99 <= \(250 + $0) ms, scope: {devices: [ecg]}}\n" }
            .joined()
        let hostile = try HostileCase("goals-66", intent: { HostileCase.replacing("goals:\n", with: "goals:\n" + goals, in: $0) })
        defer { hostile.remove() }
        try hostile.expectRefused(saying: "icu-monitoring.yaml:13:1: error[TS009]: `goals` has 66 entries; at most 64 are allowed",
                          absent: ["TS012", "TP0"])
    }

    @Test func aTwinWithTooManyGoalsIsRefusedWhenRead() throws {
        let url = try HostileCase.twin("goals-70") { twin in
            let goal = twin.value(at: ["goals", 0])!
            for k in 0..<64 {
                var copy = goal
                copy.set(["id"], to: .string("copy-\(k)"))
                twin.append(["goals"], copy)
            }
        }
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try Twinc.run(["run", url.path, "--no-optimise", "--horizon", "1s", "--replications", "1"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("error[TK011]: the twin has 70 goals; the runtime simulates at most 64"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    /// Seventy busy wristbands on the phone: the air-time error names the eight largest
    /// users and sums the rest in one note, rather than a note a device.
    @Test func anOverloadedHubNamesItsLargestUsersOnly() throws {
        let hostile = try HostileCase("airtime-70", template: {
            HostileCase.replacing("  devices:\n", with: "  devices:\n" + Self.watches(70, rate: "32 kbps"), in: $0)
        })
        defer { hostile.remove() }
        let result = try Twinc.run(["compile", hostile.file(HostileCase.intent), "--out", hostile.file("out")])
        #expect(result.status == 65)
        let overload = try #require(result.stderr.components(separatedBy: "error[").first { $0.hasPrefix("TP007]") },
                                    "\(result.stderr.prefix(2_000))")
        let named = overload.components(separatedBy: "\n").filter { $0.hasPrefix("  note: `") }
        #expect(named.count == 8, "\(overload)")
        #expect(overload.contains("  note: and 63 more devices: "), "\(overload)")
    }
}
