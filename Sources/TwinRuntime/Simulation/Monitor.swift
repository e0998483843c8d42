import TwinEngine
import TwinUnits

/// When the monitor ticks and which ticks close a network-view sample.
///
/// The monitor (battery checks, the Peukert weight, bulk accounting of empty BLE
/// events, the attack detector) ticks every second, or at the sample interval if that
/// is shorter, but at most `maximumTicks` times a run (a year at 1 s would be 31 M
/// ticks). Time-series samples are every `sampleStride` ticks: the sample interval,
/// stretched so a series stays within `SimulationOptions.maximumSamples`.
struct MonitorClock: Sendable, Equatable {
    static let maximumTicks = 100_000

    let tick: SimTime
    let sampleStride: Int
    /// Ticks so far.
    private(set) var ticks = 0

    /// The clock for a run of `horizon` with twin.json's `sampleInterval` (≤ 0 or not
    /// representable: 1 s) and at most `maximumSamples` samples per series.
    init(sampleInterval: Time, horizon: SimTime, maximumSamples: Int) {
        let configured = SimTime.exactly(sampleInterval).flatMap { $0 > .zero ? $0 : nil } ?? .seconds(1)
        tick = Swift.max(Swift.min(configured, .seconds(1)), horizon / Int64(Self.maximumTicks), .nanoseconds(1))
        let perSample = Swift.max(1, Int((Double(configured.nanoseconds) / Double(tick.nanoseconds)).rounded()))
        let ticks = Double(horizon.nanoseconds) / Double(tick.nanoseconds)
        let samples = ticks / Double(perSample)
        let stretch = Swift.max(1, Int((samples / Double(Swift.max(1, maximumSamples))).rounded(.up)))
        sampleStride = perSample * stretch
    }

    /// Counts one tick; true when it closes a time-series sample.
    mutating func advance() -> Bool {
        ticks += 1
        return ticks % sampleStride == 0
    }

    /// The interval between two time-series samples.
    var sampleInterval: SimTime { tick * Int64(sampleStride) }
}

/// The monitor tick: per running device the empty BLE events, the Peukert weight and
/// the battery; per gateway the noise measured over the window that just ended and the
/// attack detector; and, every `sampleStride` ticks, the network-view samples.
extension BANSimulation {
    mutating func monitorTick(scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        let closesSample = monitor.advance()
        for device in devices.indices where devices[device].isRunning {
            ble.accountIdleEvents(device, until: now, node: &devices[device])
            devices[device].energy.refreshDrain(at: now)
            _ = checkBattery(device, at: now)
        }
        // The noise measurement is the window that just ended (since the previous tick):
        // a jammer starting at this instant has not been measured yet.
        // Gateway by gateway, without arrays: this runs every simulated second.
        var signal: AttackDetection.Signal?
        for gateway in gateways.indices {
            let floor = gateways[gateway].noiseFloor
            let measured = channel.closeNoiseWindow(at: gateway, time: now)
            let raised = detector.evaluate(gateway: gateway, noise: measured.map { decibelMilliwatts(milliwatts(floor) + $0) },
                                           floor: floor)
            if signal == nil { signal = raised }
        }
        detector.conclude(signal, at: now)
        if options.recordTimeSeries {
            if closesSample { recordSamples(at: now) }
        } else {
            for device in devices.indices { devices[device].window.reset() }
        }
        scheduler.schedule(.monitor, after: monitor.tick)
    }

    /// Closes the windows at the finer instants around scenario events that lie before
    /// `time` (`EventSampleClock`): no event since the last one changed a window.
    mutating func closeEventSamples(before time: SimTime) {
        while let instant = eventSamples.pop(before: time) { recordSamples(at: instant) }
    }

    /// Closes every device's window into a `DeviceSample` at `time`.
    private mutating func recordSamples(at time: SimTime) {
        for device in devices.indices {
            if devices[device].isRunning { catchUpTraffic(device, until: time) }
            // Fields read in place: a copy of the whole DeviceState per sample was a
            // memmove and a retain per reference it holds (perf: 1.8 % of a 24 h run).
            let links = parameters[device].gateways, slot = devices[device].serving
            let serving = slot >= 0 && slot < links.count ? links[slot] : nil
            let queued = devices[device].queue.count + (csma.packetInService(device) == nil ? 0 : 1)
            let battery = devices[device].life.empty ? 0
                : devices[device].energy.remaining(at: time) / devices[device].energy.capacity
            let sample = devices[device].window.sample(at: time, queueLength: queued, batteryLeft: battery,
                                                       servingGateway: serving,
                                                       primaryGatewayUp: gateways[parameters[device].primaryGateway].up)
            devices[device].samples.append(sample)
            devices[device].window.reset()
        }
    }
}
