/// What the engine runs: a value that owns the simulated world's state and reacts to
/// its own events.
///
/// A model declares its `Event` type — keep it a small value (an enum whose cases
/// carry a few integers such as a device index, not strings or arrays) so the heap
/// moves little memory. The engine calls `handle` once per event, in (time, sequence)
/// order, with the scheduler through which the model schedules and cancels follow-up
/// events. The call is statically dispatched (the run loop is generic over the model),
/// so a `switch` over the event enum is the whole dispatch cost.
///
/// ```swift
/// struct Blinker: SimulationModel {
///     enum Event { case toggle(led: Int) }
///     var toggles = 0
///     mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
///         switch event {
///         case .toggle(let led):
///             toggles += 1
///             scheduler.schedule(.toggle(led: led), after: .milliseconds(500))
///         }
///     }
/// }
/// var model = Blinker()
/// var scheduler = Scheduler<Blinker.Event>()
/// scheduler.schedule(.toggle(led: 0), at: .zero)
/// scheduler.run(&model, until: .seconds(10))
/// ```
///
/// Randomness is not the engine's business: a model holds the generators it needs,
/// taken from `RandomStreams` when it is built.
public protocol SimulationModel {
    associatedtype Event

    /// Reacts to `event`, due now (`scheduler.now`).
    mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>)
}

/// Why `run` returned.
public enum RunOutcome: Equatable, Sendable {
    /// Every event due at or before the horizon was handled; the clock is at the horizon.
    case reachedHorizon
    /// No events were left before the horizon; the clock is at the horizon.
    case exhausted
    /// The model called `stop()` or the stop condition held; the clock is at the time
    /// of the last event handled and the remaining events stay pending.
    case stopped
}

extension Scheduler {
    /// Handles events in order until the next one is after `horizon` (events exactly at
    /// the horizon are handled), none are left, or the model calls `stop()`.
    @inlinable
    @discardableResult
    public mutating func run<Model: SimulationModel>(
        _ model: inout Model, until horizon: SimTime
    ) -> RunOutcome where Model.Event == Event {
        run(&model, until: horizon, stopWhen: { _ in false })
    }

    /// As `run(_:until:)`, and also stops after any event after which `shouldStop`
    /// holds (e.g. "the first device's battery is empty").
    @inlinable
    @discardableResult
    public mutating func run<Model: SimulationModel>(
        _ model: inout Model, until horizon: SimTime, stopWhen shouldStop: (Model) -> Bool
    ) -> RunOutcome where Model.Event == Event {
        precondition(horizon >= now, "horizon \(horizon) is before now \(now)")
        stopRequested = false
        while let event = popNext(notAfter: horizon) {
            model.handle(event, scheduler: &self)
            dispatched &+= 1
            #if TWIN_ENGINE_CHECKS
            checkInvariants()
            #endif
            if stopRequested || shouldStop(model) {
                stopRequested = false
                settleRoot()
                return .stopped
            }
        }
        settleRoot()
        let outcome: RunOutcome = pending.count == 0 ? .exhausted : .reachedHorizon
        clock = horizon.nanoseconds
        return outcome
    }
}
