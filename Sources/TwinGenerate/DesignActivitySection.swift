import TwinConfig
import TwinModels
import TwinUnits

/// design.md's wearer section: which activity profile the twin simulates, who chose
/// it, its time budget and bouts, and the on-body fading per posture (twin.json's
/// `activity`, the values the runtime uses; sources in the profile's and
/// `ActivityFading`'s doc comments and docs/sources-radio.md §1–2).
extension DesignDocument {
    func activitySection(_ out: inout Markdown) {
        guard let activity = input.config.activity else { return }
        let chosen = ActivityConfigBuilder.profileName(intent: input.intent, useCase: input.useCase)
        out.heading(2, "Wearer activity")
        out.paragraph("Activity profile `\(activity.profile)` (chosen by \(chosen.chosenBy); set `activity:` in the use "
            + "case or intent to change it). The posture chain's stationary distribution is the time budget; each posture "
            + "bout draws a shadow for the whole bout and a fast fade with the given coherence time, correlated across the "
            + "wearer's links. Sources: \(activity.source).")
        out.table(["posture", "share of day", "mean bout", "moves to (per day)", "shadow (dB)", "fast fade", "coherence"],
                  activity.postures.map { p in
            let bout = p.exitsPerDay > 0 ? Time.seconds(p.share * 86_400 / p.exitsPerDay).quantity.formatted : "—"
            let moves = p.transitionsPerDay.sorted { $0.key.rawValue < $1.key.rawValue }
                .map { "\($0.key.rawValue) \(significant($0.value))" }.joined(separator: ", ")
            let fade = p.fade == .castaliaEveryday ? "Castalia/NICTA table" : "lognormal σ \(significant(p.fadeSigma.dB)) dB"
            return [p.posture.rawValue, significant(p.share * 100, digits: 3) + " %", bout, moves,
                    "\(significant(p.shadowMean.dB)) ± \(significant(p.shadowSigma.dB))", fade,
                    p.coherenceTime.quantity.formatted]
        })
    }
}
