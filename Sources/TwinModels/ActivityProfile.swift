import Foundation
import TwinUnits
import TwinVocabulary

/// Who wears the body network, as a posture/activity Markov chain built from what
/// accelerometer studies report: the share of the day in each posture (the time budget)
/// and how many times a day the wearer moves from one posture to another (bouts).
///
/// Why a time budget plus transition counts: they are the two numbers every activity
/// monitor study publishes (activPAL/ActiGraph "hours lying, sitting, upright" and
/// "upright bouts per day"), and together they fix a continuous-time chain exactly:
/// exits per day from state i are `Σ_j F_ij`, its mean sojourn is `share_i · 24 h / exits_i`
/// and its jump probabilities are `F_ij / exits_i`. When the flows balance (as many
/// entries as exits per state) the chain's stationary distribution *is* the published
/// time budget (πᵢ·q_ij = F_ij / 24 h satisfies global balance), so a test can pin it.
///
/// Sources per profile are in `ActivityProfile.all` and docs/sources-radio.md §1; a
/// ✔ number was read in the source, ◐ is twinc's assumption where no study was read.
public struct ActivityProfile: Sendable, Hashable {
    /// Stable name used in catalogues and twin.json (`ward-patient`, …).
    public var name: String
    /// Share of the day in each posture (sums to 1).
    public var timeShare: [Posture: Double]
    /// Transitions per day from one posture to another (`flows[from][to]`).
    public var transitionsPerDay: [Posture: [Posture: Double]]
    /// Citation, with ✔/◐ marks per number.
    public var source: String

    public init(name: String, timeShare: [Posture: Double], transitionsPerDay: [Posture: [Posture: Double]],
                source: String) {
        self.name = name
        self.timeShare = timeShare
        self.transitionsPerDay = transitionsPerDay
        self.source = source
    }

    static let day = 86_400.0

    /// Exits per day from `state`.
    public func exitsPerDay(from state: Posture) -> Double {
        (transitionsPerDay[state] ?? [:]).values.reduce(0, +)
    }

    /// Entries per day into `state`.
    public func entriesPerDay(into state: Posture) -> Double {
        Posture.allCases.reduce(0) { $0 + (transitionsPerDay[$1]?[state] ?? 0) }
    }

    /// The continuous-time chain with the published time budget and bout counts. A state
    /// with a share but no exits (absorbing) or flows that do not balance is refused.
    public func chain() throws(ModelDomainError) -> PostureChain {
        var dwell: [Posture: Time] = [:]
        var jump: [Posture: [Posture: Double]] = [:]
        let total = timeShare.values.reduce(0, +)
        try ModelMath.require(total, in: 0.999_999...1.000_001, "activity time shares (sum)")
        for state in Posture.allCases {
            let share = timeShare[state] ?? 0
            let exits = exitsPerDay(from: state)
            let entries = entriesPerDay(into: state)
            guard share > 0 else { continue }
            try ModelMath.requirePositive(exits, "transitions per day out of \(state.rawValue)")
            guard abs(exits - entries) <= 1e-9 * Swift.max(exits, 1) else {
                throw .outOfRange(parameter: "transitions into \(state.rawValue) (must equal those out)",
                                  value: entries, allowed: exits...exits)
            }
            dwell[state] = .seconds(share * Self.day / exits)
            var row: [Posture: Double] = [:]
            for (target, count) in transitionsPerDay[state] ?? [:] where count > 0 { row[target] = count / exits }
            jump[state] = row
        }
        return PostureChain(meanDwell: dwell, jump: jump)
    }

    /// Mean time in `state` per visit (nil when the profile never enters it).
    public func meanSojourn(in state: Posture) -> Time? {
        let exits = exitsPerDay(from: state)
        guard let share = timeShare[state], share > 0, exits > 0 else { return nil }
        return .seconds(share * Self.day / exits)
    }
}

extension ActivityProfile {
    /// Acutely admitted older medical patients able to walk (a ward / step-down patient).
    ///
    /// - Time budget ✔: Pedersen et al., "Twenty-four-hour mobility during acute
    ///   hospitalization in older medical patients", J Gerontol A 68(3):331–337, 2013:
    ///   medians lying 17 h, sitting 5.1 h, standing/walking 1.1 h per day (normalised to
    ///   their 23.2 h sum). Consistent with Brown et al., JAGS 57:1660–1665, 2009 (83 %
    ///   lying, median 3 % = 43 min standing or walking) ✔.
    /// - Standing vs walking ✔: 2.1 % standing still vs 1.1 % standing and moving in
    ///   hospitalised older adults (PMC6211152, 2018), so upright time splits 2.1 : 1.1.
    /// - Upright bouts ✔: 15.9 per day (median), Theou et al., Exp Gerontol 126:110681, 2019.
    /// - ◐ one walk per upright bout; 8 lying bouts a day (night plus rests) — no study read.
    public static let wardPatient: ActivityProfile = {
        let upright = 1.1 / 23.2
        return ActivityProfile(
            name: "ward-patient",
            timeShare: [.lying: 17 / 23.2, .sitting: 5.1 / 23.2, .standing: upright * 2.1 / 3.2,
                        .walking: upright * 1.1 / 3.2],
            transitionsPerDay: [
                .lying: [.sitting: 8],
                .sitting: [.lying: 8, .standing: 15.9],
                .standing: [.sitting: 15.9, .walking: 15.9],
                .walking: [.standing: 15.9],
            ],
            source: "Pedersen et al. J Gerontol A 68(3) 2013 ✔; Brown et al. JAGS 57 2009 ✔; PMC6211152 ✔; "
                + "Theou et al. Exp Gerontol 126 2019 ✔ (15.9 upright bouts/day); lying bouts and walks per bout ◐")
    }()

    /// An ambulatory outpatient at home: 8 h in bed, the waking day mostly sedentary.
    ///
    /// - ✔ adults spend 46–73 % of waking hours sedentary (activPAL/ActiGraph review,
    ///   Edwardson et al., J Sport Health Sci 2017, PMC6188993); twinc takes the midpoint
    ///   59.5 % of 16 waking hours.
    /// - ◐ 8 h lying (sleep); upright time split 70 % standing, 30 % walking; 2 bed bouts,
    ///   50 sit-to-stand and 60 walking bouts a day — typical activPAL magnitudes, not read.
    public static let ambulatory: ActivityProfile = {
        let waking = 16.0 / 24, sedentary = 0.595 * waking, upright = waking - sedentary
        return ActivityProfile(
            name: "ambulatory",
            timeShare: [.lying: 8.0 / 24, .sitting: sedentary, .standing: 0.7 * upright, .walking: 0.3 * upright],
            transitionsPerDay: [
                .lying: [.sitting: 2],
                .sitting: [.lying: 2, .standing: 50],
                .standing: [.sitting: 50, .walking: 60],
                .walking: [.standing: 60],
            ],
            source: "waking sedentary 46–73 % (PMC6188993 ✔, midpoint taken); sleep, upright split and bout counts ◐")
    }()

    /// An exercise session (rehabilitation or fitness class) as a steady state.
    ///
    /// ◐ The session structure of ACSM's Guidelines for Exercise Testing and Prescription
    /// (warm-up and cool-down 5–10 min of walking around 20–60 min of conditioning) read
    /// as interval training: 50 % running, 40 % walking, 10 % standing, with 3-min running
    /// intervals. Not re-read; replace with a measured session when one is cited.
    public static let exercising = ActivityProfile(
        name: "exercising",
        timeShare: [.standing: 0.10, .walking: 0.40, .running: 0.50],
        transitionsPerDay: [
            .standing: [.walking: 144],
            .walking: [.standing: 144, .running: 240],
            .running: [.walking: 240],
        ],
        source: "ACSM session structure (warm-up, conditioning, cool-down) ◐; interval lengths ◐")

    /// A first responder on shift (wildland firefighter on a planned burn).
    ///
    /// - ✔ light-intensity activity 69 % of a 10.4 h planned-burn shift: Chappel, Aisbett,
    ///   Vincent & Ridgers, IJERPH 13(10):973, 2016 (Actical accelerometers, 34 firefighters);
    ///   twinc reads light activity as standing and walking (35 % + 34 %).
    /// - ◐ the remaining 31 %: 22 % sedentary (sitting), 4 % moderate walking, 5 %
    ///   vigorous (running); bout counts ◐.
    public static let firstResponder = ActivityProfile(
        name: "first-responder",
        timeShare: [.sitting: 0.22, .standing: 0.35, .walking: 0.38, .running: 0.05],
        transitionsPerDay: [
            .sitting: [.standing: 30],
            .standing: [.sitting: 30, .walking: 120],
            .walking: [.standing: 120, .running: 24],
            .running: [.walking: 24],
        ],
        source: "Chappel et al. IJERPH 13(10):973 2016 ✔ (LPA 69 % of shift); sedentary/MVPA split and bouts ◐")

    /// Every built-in profile, in catalogue order.
    public static let all: [ActivityProfile] = [wardPatient, ambulatory, exercising, firstResponder]

    /// The profile called `name`, if built in.
    public static func named(_ name: String) -> ActivityProfile? { all.first { $0.name == name } }
}
