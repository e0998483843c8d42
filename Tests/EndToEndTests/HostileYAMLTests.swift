import Foundation
import Testing

/// Issue 8, "What was seen", the YAML half: every value that `validate` used to accept
/// and `compile` or `run` then trapped on, ran away with, or refused in a file the user
/// never wrote. Each now gets a coded diagnostic at the place the user wrote it, exit
/// 65, from `validate` already (or from `compile` where only the whole design shows it).
@Suite struct HostileYAMLTests {
    /// `line:column` of the first occurrence of `needle` in `text` (1-based, scalars).
    static func location(of needle: String, in text: String) -> String {
        let lines = text.components(separatedBy: "\n")
        for (index, line) in lines.enumerated() {
            if let range = line.range(of: needle) {
                return "\(index + 1):\(line.unicodeScalars[..<range.lowerBound.samePosition(in: line.unicodeScalars)!].count + 1)"
            }
        }
        return "not found"
    }

    /// One value of the demo use case or intent changed; `validate` and `compile` both
    /// report `code` at the changed value.
    func expectRefused(_ name: String, code: String, file: String, old: String, new: String,
                       at needle: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let inTemplate = file == HostileCase.template
        let edit = { (text: String) in HostileCase.replacing(old, with: new, in: text) }
        let hostile = try HostileCase(name, template: inTemplate ? edit : { $0 }, intent: inTemplate ? { $0 } : edit)
        defer { hostile.remove() }
        let text = try String(contentsOf: hostile.path(file), encoding: .utf8)
        let expected = "\(hostile.file(file)):\(Self.location(of: needle ?? new, in: text)): error[\(code)]"
        try hostile.expectRefused(saying: expected, sourceLocation: sourceLocation)
    }

    @Test func delaysThatOverflowSimulatedTimeAreRefusedWhereWritten() throws {
        try expectRefused("edge-delay", code: "TS009", file: HostileCase.template,
                          old: "processing-delay: 2 ms", new: "processing-delay: 1e10 s", at: "1e10 s")
        try expectRefused("link-latency", code: "TS009", file: HostileCase.template,
                          old: "latency: 5 ms", new: "latency: 1e10 s", at: "1e10 s")
    }

    @Test func valuesRunUsedToRefuseInTwinJSONAreRefusedInTheYAML() throws {
        try expectRefused("horizon-long", code: "TS009", file: HostileCase.intent,
                          old: "horizon: 24 h", new: "horizon: 1e12 s", at: "1e12 s")
        try expectRefused("horizon-short", code: "TS009", file: HostileCase.intent,
                          old: "horizon: 24 h", new: "horizon: 1e-9 s", at: "1e-9 s")
        try expectRefused("voltage", code: "TS009", file: HostileCase.template,
                          old: "voltage: 3.8 V", new: "voltage: 1e-9 V", at: "1e-9 V")
        try expectRefused("packet-size", code: "TS009", file: HostileCase.template,
                          old: "packet-size: 20 B", new: "packet-size: 0.001 B", at: "0.001 B")
        try expectRefused("deadline", code: "TS009", file: HostileCase.template,
                          old: "latency: 100 ms", new: "latency: 1e-12 s", at: "1e-12 s")
    }

    @Test func notFiniteNumbersSaySo() throws {
        for (name, value, why) in [("inf", ".inf", "is infinite"), ("nan", ".nan", "is not a number"),
                                   ("huge", "1e400", "is beyond the range of a double")] {
            let catalogue = "twin: 1\nkind: catalogue\nname: extra\nmodels:\n  - id: my-model\n    description: x\n"
                + "    family: channel\n    source: me\n    cost: \(value)\n"
            let hostile = try HostileCase("cost-\(name)", files: ["extra.yaml": catalogue])
            defer { hostile.remove() }
            let result = try Twinc.run(["validate", hostile.file("extra.yaml")])
            #expect(result.status == 65)
            #expect(result.stderr.contains("extra.yaml:9:11: error[TU006]: `cost` must be a finite number: `\(value)` \(why)"),
                    "\(result.stderr)")
            #expect(!result.stderr.contains("expects a number, found a number"))
        }
    }

    @Test func aCostThatOverflowsTheSearchIsRefusedByValidate() throws {
        let catalogue = "twin: 1\nkind: catalogue\nname: extra\nmodels:\n  - id: my-model\n    description: x\n"
            + "    family: channel\n    source: me\n    cost: 1e13\n"
        let hostile = try HostileCase("cost-1e13", files: ["extra.yaml": catalogue])
        defer { hostile.remove() }
        for command in [["validate", hostile.file("extra.yaml")],
                        ["compile", hostile.file(HostileCase.intent), "--catalog", hostile.file("extra.yaml"),
                         "--out", hostile.file("out")],
                        ["explain", "--plan", hostile.file(HostileCase.intent), "--catalog", hostile.file("extra.yaml")]] {
            let result = try Twinc.run(command)
            #expect(result.status == 65, "\(command[0]): \(result.stderr)")
            #expect(result.stderr.contains("extra.yaml:9:11: error[TS009]: `cost` must be between 0 and 1000000"),
                    "\(command[0]): \(result.stderr)")
        }
    }

    /// 70 BLE wristbands on the phone: the hub rule counts every device, at compile time
    /// as at run time, so compile refuses at the gateway instead of writing a twin run
    /// refuses.
    @Test func aGatewayWithTooManyDevicesOfAnyRadioIsRefusedByCompile() throws {
        let bands = (0..<70).map { k in
            "    - id: band-\(k)\n      class: smartwatch\n      placement: wrist-left\n"
                + "      radio: {profile: nrf52840-ble, technology: ble, band: ism-2400, tx-power: 0 dBm}\n"
                + "      battery: {capacity: 300 mAh, voltage: 3.8 V}\n      traffic: {rate: 1 kbps, packet-size: 20 B}\n"
                + "      priority: 3\n      gateway: {primary: phone}\n"
        }.joined()
        let hostile = try HostileCase("ble70", template: {
            HostileCase.replacing("\n  gateways:\n", with: "\n" + bands + "\n  gateways:\n", in: $0)
        })
        defer { hostile.remove() }
        let text = try String(contentsOf: hostile.path(HostileCase.template), encoding: .utf8)
        let result = try Twinc.run(["compile", hostile.file(HostileCase.intent), "--out", hostile.file("out")])
        #expect(result.status == 65)
        let gateway = Self.location(of: "- id: phone", in: text).split(separator: ":").map { Int($0)! }
        #expect(result.stderr.contains("proactive-qa.yaml:\(gateway[0]):\(gateway[1] + 6): error[TP008]: 76 devices use gateway `phone`"),
                "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: hostile.file("out")))
    }

    /// A device whose traffic resolves to more packets a simulated second than the
    /// simulator takes from one source: TP012 at its `rate`, not a run that never ends.
    @Test func aTooFastSourceIsNamedAtCompileTime() throws {
        try expectRefusedAtCompile("fast-source", code: "TP012", old: "traffic: {rate: 8 Mbps, packet-size: 1400 B, latency: 100 ms}",
                                   new: "traffic: {rate: 8 Mbps, packet-size: 64 B, latency: 100 ms}", at: "rate: 8 Mbps")
    }

    func expectRefusedAtCompile(_ name: String, code: String, old: String, new: String, at needle: String) throws {
        let hostile = try HostileCase(name, template: { HostileCase.replacing(old, with: new, in: $0) })
        defer { hostile.remove() }
        let text = try String(contentsOf: hostile.path(HostileCase.template), encoding: .utf8)
        let position = Self.location(of: needle, in: text).split(separator: ":").map { Int($0)! }
        // validate makes every check compile makes: the same refusal, at the same place.
        let validate = try Twinc.run(["validate", hostile.file(HostileCase.intent)])
        #expect(validate.status == 65, "\(validate.stderr)")
        #expect(validate.stderr.contains("proactive-qa.yaml:\(position[0]):\(position[1] + 6): error[\(code)]"),
                "\(validate.stderr)")
        let result = try Twinc.run(["compile", hostile.file(HostileCase.intent), "--out", hostile.file("out")])
        #expect(result.status == 65)
        #expect(result.stderr.contains("proactive-qa.yaml:\(position[0]):\(position[1] + 6): error[\(code)]"), "\(result.stderr)")
        #expect(result.stderr.contains("15625 periodic packets per simulated second"), "\(result.stderr)")
    }
}
