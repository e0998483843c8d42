import Testing
@testable import TwinRuntime
import TwinEngine

/// A single-server FIFO queue with Poisson arrivals, built on the engine, to validate
/// it against queueing theory (the "a queue whose closed form is known").
struct SingleServerQueue: SimulationModel {
    enum Event { case arrival, departure }
    enum Service { case deterministic(SimTime), exponential(mean: SimTime) }

    let meanInterarrival: SimTime
    let service: Service
    let customers: Int
    var arrivalStream: Xoshiro256
    var serviceStream: Xoshiro256

    /// Arrival times of customers waiting (not in service); `head` is the next to serve.
    var waiting: [SimTime] = []
    var head = 0
    var busy = false
    var arrived = 0
    var served = 0
    var waits = RunningStatistics()
    var inSystem = TimeWeightedAverage()

    init(meanInterarrival: SimTime, service: Service, customers: Int, streams: RandomStreams) {
        self.meanInterarrival = meanInterarrival
        self.service = service
        self.customers = customers
        arrivalStream = streams.generator("queue", "arrivals")
        serviceStream = streams.generator("queue", "service")
    }

    mutating func serviceTime() -> SimTime {
        switch service {
        case .deterministic(let d): d
        case .exponential(let mean): serviceStream.exponential(mean: mean)
        }
    }

    mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        switch event {
        case .arrival:
            arrived += 1
            inSystem.add(1, at: now)
            if arrived < customers {
                scheduler.schedule(.arrival, after: arrivalStream.exponential(mean: meanInterarrival))
            }
            if busy {
                waiting.append(now)
            } else {
                busy = true
                waits.add(0)
                scheduler.schedule(.departure, after: serviceTime())
            }
        case .departure:
            served += 1
            inSystem.add(-1, at: now)
            if head < waiting.count {
                waits.add((now - waiting[head]).seconds)
                head += 1
                if head > 4096 && head * 2 > waiting.count {
                    waiting.removeFirst(head)
                    head = 0
                }
                scheduler.schedule(.departure, after: serviceTime())
            } else {
                busy = false
            }
        }
    }
}

@Suite struct QueueValidationTests {
    func simulate(_ model: inout SingleServerQueue) -> SimTime {
        var scheduler = Scheduler<SingleServerQueue.Event>()
        scheduler.schedule(.arrival, at: .zero)
        let outcome = scheduler.run(&model, until: .max)
        #expect(outcome == .exhausted)
        #expect(model.served == model.customers)
        return model.inSystem.lastChange
    }

    /// M/D/1 at ρ = 0.5: mean wait in queue W = ρ / (2μ(1 − ρ)) (Pollaczek–Khinchine
    /// with zero service variance; Kleinrock, *Queueing Systems* vol. 1, eq. 5.87).
    /// D = 10 ms, λ = 50/s → W = 5 ms. With 400 000 customers the run-to-run standard
    /// deviation of the estimate is 0.56 % (measured over seeds 1–30, release build), so
    /// the 1 % bound is ~1.8 standard errors: it would catch a biased engine (wrong order,
    /// lost or duplicated events, drifting clock), and seed 1 lands at −0.36 %. Waits in
    /// a queue are strongly autocorrelated at ρ = 0.5, so a tighter bound would need
    /// millions of customers, too slow for a debug-build test.
    @Test func mD1MeanWaitMatchesClosedForm() {
        let service = SimTime.milliseconds(10)
        let rho = 0.5
        let mu = 1 / service.seconds
        var model = SingleServerQueue(meanInterarrival: .milliseconds(20), service: .deterministic(service),
                                      customers: 400_000, streams: RandomStreams(seed: 1))
        let end = simulate(&model)
        let expected = rho / (2 * mu * (1 - rho))
        #expect(abs(model.waits.mean - expected) / expected < 0.01, "W = \(model.waits.mean), expected \(expected)")
        // Little's law cross-check of the time-weighted average: L = λ(W + D).
        let lambda = Double(model.customers) / end.seconds
        let littleL = lambda * (model.waits.mean + service.seconds)
        let measuredL = model.inSystem.average(until: end) ?? 0
        #expect(abs(measuredL - littleL) / littleL < 0.005)
    }

    /// M/M/1 at ρ = 0.5: W = ρ / (μ − λ) = 10 ms for mean service 10 ms (Kleinrock,
    /// eq. 3.26). Waits vary more than in M/D/1: with 200 000 customers the estimate's
    /// standard deviation is 1.2 % (seeds 1–30), so the tolerance is 5 %; seed 1 lands
    /// at −2.9 %.
    @Test func mM1MeanWaitMatchesClosedForm() {
        var model = SingleServerQueue(meanInterarrival: .milliseconds(20),
                                      service: .exponential(mean: .milliseconds(10)),
                                      customers: 200_000, streams: RandomStreams(seed: 1))
        _ = simulate(&model)
        let expected = 0.5 / (100.0 - 50.0)
        #expect(abs(model.waits.mean - expected) / expected < 0.05, "W = \(model.waits.mean), expected \(expected)")
    }

    @Test func queueRunIsDeterministicForASeed() {
        func meanWait(seed: UInt64) -> Double {
            var model = SingleServerQueue(meanInterarrival: .milliseconds(20), service: .deterministic(.milliseconds(10)),
                                          customers: 2_000, streams: RandomStreams(seed: seed))
            _ = simulate(&model)
            return model.waits.mean
        }
        #expect(meanWait(seed: 4) == meanWait(seed: 4))
        #expect(meanWait(seed: 4) != meanWait(seed: 5))
    }
}
