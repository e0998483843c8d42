import TwinEngine

/// Whether a device runs, why it stopped, and the generation of its MAC timers.
///
/// A device stops when its battery is empty (for good) or when a scenario breaks it
/// (until the event ends, if it has a duration). Timers already scheduled for a stopped
/// device are not cancelled: they carry the `accessEpoch` they were armed in and are
/// ignored when it no longer matches, which costs one comparison instead of a search of
/// the event queue.
///
/// The battery is checked before every activity of the device and at every monitor
/// tick; `lastCheck` and `lastConsumed` remember the previous check, so that when the
/// charge drawn passes the capacity the death time can be interpolated between the two
/// checks (`deathTime`).
struct DeviceLife: Sendable, Equatable {
    /// Battery empty: stopped for good.
    var dead = false
    /// Failed by a scenario event (maybe temporarily).
    var failed = false
    /// Will not run again (battery, or a failure without an end).
    var stoppedForGood = false
    /// The battery holds nothing (reported as 0 remaining whatever the account says).
    var empty = false
    /// Bumped when the device stops or restarts, so stale MAC events are ignored.
    var accessEpoch: Int32 = 0
    /// The previous battery check: when, and the effective charge drawn by then (C).
    var lastCheck: SimTime = .zero
    var lastConsumed = 0.0

    /// Running: neither dead nor failed.
    var isRunning: Bool { !dead && !failed }

    /// Remembers a battery check at `time` that found `consumed` coulombs drawn.
    mutating func checked(at time: SimTime, consumed: Double) {
        lastCheck = time
        lastConsumed = consumed
    }

    /// When the battery ran out, given that `consumed` coulombs were drawn by `time`,
    /// at least `capacity`: linear interpolation between the previous check and `time`
    /// (the drain in between is near-constant: sleep, baseline and at most one activity),
    /// so the death time does not depend on how often the device happens to be active.
    /// Never before the previous check.
    func deathTime(consumed: Double, capacity: Double, at time: SimTime) -> SimTime {
        let before = lastConsumed, since = lastCheck
        var death = time
        if consumed > before, time > since, before < capacity {
            let fraction = (capacity - before) / (consumed - before)
            death = since + SimTime(nanoseconds: Int64((Double((time - since).nanoseconds) * fraction).rounded()))
        }
        return Swift.max(death, since)
    }
}
