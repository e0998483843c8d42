import TwinDiagnostics
import TwinJSON
import TwinUnits
import TwinVocabulary

/// twin.json's `activity` member (written by the compiler, read by the runtime and the
/// live twin). Keys end in their unit like every twin.json number.
extension ActivityConfig {
    /// Posture names twin.json may use.
    static let postureNames = Posture.allCases.map(\.rawValue)

    func jsonValue() -> JSONValue {
        .object([
            "profile": .string(profile),
            "source": .string(source),
            "postures": .array(postures.map { entry in
                .object([
                    "posture": .string(entry.posture.rawValue),
                    "share": .number(entry.share),
                    "transitionsPerDay": .object(entry.transitionsPerDay.sorted { $0.key.rawValue < $1.key.rawValue }
                        .map { ($0.key.rawValue, .number($0.value)) }),
                    "shadowMean_dB": .number(entry.shadowMean.dB),
                    "shadowSigma_dB": .number(entry.shadowSigma.dB),
                    "fade": .string(entry.fade.rawValue),
                    "fadeSigma_dB": .number(entry.fadeSigma.dB),
                    "coherenceTime_s": .number(entry.coherenceTime.si),
                    "bodyCorrelation": .number(entry.bodyCorrelation),
                ])
            }),
        ])
    }

    /// Reads `activity`: unknown postures, ranges, shares that do not sum to 1 and
    /// postures entered more or less often than they are left are TK005 at the member.
    static func decode(_ reader: JSONObjectReader, context: ConfigReadContext) -> ActivityConfig {
        var a = reader
        defer { a.finish() }
        let profile = a.string("profile"), source = a.string("source")
        var postures: [PostureActivityConfig] = []
        var seen: Set<Posture> = []
        for (item, path) in a.array("postures") {
            guard var p = JSONObjectReader(item, path: path, at: item.position, context: context) else { continue }
            defer { p.finish() }
            let name = p.vocabulary("posture", known: postureNames, fallback: .standing, Posture.init(rawValue:))
            if !seen.insert(name).inserted {
                context.error(ConfigDiagnostics.duplicateID, "`\(path).posture` `\(name.rawValue)` appears twice",
                              at: item.position)
            }
            var transitions: [Posture: Double] = [:]
            for (targetName, count) in p.numberMap("transitionsPerDay") {
                guard let target = Posture(rawValue: targetName), target != name else {
                    context.error(ConfigDiagnostics.outOfRange,
                                  "`\(path).transitionsPerDay.\(targetName)` must name another posture (one of \(postureNames.joined(separator: ", ")))",
                                  at: item.position)
                    continue
                }
                if !DeclaredRanges.transitionsPerDay.contains(count) {
                    context.outOfRange("\(path).transitionsPerDay.\(targetName)", count, DeclaredRanges.transitionsPerDay,
                                       at: item.position)
                } else {
                    transitions[target] = count
                }
            }
            postures.append(PostureActivityConfig(
                posture: name, share: p.number("share", in: DeclaredRanges.fraction), transitionsPerDay: transitions,
                shadowMean: Decibels(dB: p.number("shadowMean_dB", in: DeclaredRanges.shadowMean)),
                shadowSigma: Decibels(dB: p.number("shadowSigma_dB", in: DeclaredRanges.fadeSigma)),
                fade: p.vocabulary("fade", known: FadeDistributionKind.allCases.map(\.rawValue), fallback: .lognormal,
                                   FadeDistributionKind.init(rawValue:)),
                fadeSigma: Decibels(dB: p.number("fadeSigma_dB", in: DeclaredRanges.fadeSigma)),
                coherenceTime: p.time("coherenceTime_s", in: DeclaredRanges.coherenceTime),
                bodyCorrelation: p.number("bodyCorrelation", in: DeclaredRanges.fraction)))
        }
        let config = ActivityConfig(profile: profile, source: source, postures: postures)
        config.checkBalance(path: a.sub("postures"), at: a.position, context: context)
        return config
    }

    /// The chain is fixed by shares and flows only when the shares sum to 1, every
    /// posture with a share is left, and each is entered as often as it is left
    /// (`ActivityProfile.chain()` refuses the rest).
    private func checkBalance(path: String, at position: JSONPosition, context: ConfigReadContext) {
        let total = postures.reduce(0) { $0 + $1.share }
        if abs(total - 1) > 1e-6 {
            context.error(ConfigDiagnostics.outOfRange, "the shares of `\(path)` sum to \(total); they must sum to 1",
                          at: position)
        }
        for entry in postures {
            let entries = postures.reduce(0) { $0 + ($1.transitionsPerDay[entry.posture] ?? 0) }
            if entry.share > 0, entry.exitsPerDay <= 0 {
                context.error(ConfigDiagnostics.outOfRange,
                              "`\(path)` posture `\(entry.posture.rawValue)` has a share but no transitions out of it",
                              at: position)
            } else if abs(entries - entry.exitsPerDay) > 1e-9 * Swift.max(entry.exitsPerDay, 1) {
                context.error(ConfigDiagnostics.outOfRange,
                              "`\(path)` posture `\(entry.posture.rawValue)` is entered \(entries) times a day but left \(entry.exitsPerDay) times; they must be equal",
                              at: position)
            }
        }
        for entry in postures {
            for target in entry.transitionsPerDay.keys where posture(target) == nil {
                context.error(ConfigDiagnostics.outOfRange,
                              "`\(path)` posture `\(entry.posture.rawValue)` moves to `\(target.rawValue)`, which has no entry",
                              at: position)
            }
        }
    }
}

extension ActivityConfig {
    static func schema() -> JSONValue {
        typealias S = TwinSchemaBuilder
        return S.object("Who wears the network: the activity profile's posture chain and on-body fading, as the runtime uses them (issue 11 §3).", [
            ("profile", S.string("Activity profile name (ward-patient, ambulatory, exercising, first-responder).")),
            ("source", S.string("Citation of the time budget and bout counts.")),
            ("postures", S.array("One entry per posture the wearer takes.", S.object("A posture.", [
                ("posture", S.string("standing, sitting, walking, running or lying.", enumeration: postureNames)),
                ("share", S.number("Share of the day in the posture (the shares sum to 1).", minimum: 0)),
                ("transitionsPerDay", S.numberMap("Transitions per day to each other posture; each posture is entered as often as it is left.")),
                ("shadowMean_dB", S.number("Mean of the shadow drawn per posture bout (extra loss), dB.")),
                ("shadowSigma_dB", S.number("Its standard deviation, dB.", minimum: 0)),
                ("fade", S.string("Fast-fade distribution.", enumeration: FadeDistributionKind.allCases.map(\.rawValue))),
                ("fadeSigma_dB", S.number("σ of a lognormal fade, dB (0 for castalia-everyday).", minimum: 0)),
                ("coherenceTime_s", S.number("Time constant of the fast fade, seconds.", minimum: 0)),
                ("bodyCorrelation", S.number("Share of shadow and fade variance common to all of the wearer's links.", minimum: 0)),
            ]))),
        ])
    }
}
