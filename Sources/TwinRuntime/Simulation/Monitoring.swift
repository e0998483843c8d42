import Foundation
import TwinEngine

/// The monitor tick (every `run.sampleInterval`): battery checks and the Peukert
/// weight, bulk accounting of empty BLE events, the attack detector, and the
/// network-view samples (every `sampleStride` ticks, so a series never exceeds
/// `SimulationOptions.maximumSamples`).
extension BANSimulation {
    mutating func monitor(scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        ticks += 1
        for device in devices.indices where devices[device].isRunning {
            accountIdleConnectionEvents(device, until: now)
            devices[device].energy.refreshDrain(at: now)
            _ = checkBatteryQuietly(device, at: now)
        }
        // The noise measurement is the window that just ended (since the previous tick):
        // a jammer starting at this instant has not been measured yet.
        var noise: [Double?] = []
        var floors: [Double] = []
        for gateway in gateways.indices {
            let floor = gateways[gateway].noiseFloor
            floors.append(floor)
            let measured = channel.closeNoiseWindow(at: gateway, time: now)
            noise.append(measured.map { decibelMilliwatts(milliwatts(floor) + $0) })
        }
        detector.evaluate(at: now, noise: noise, floor: floors)
        if options.recordTimeSeries {
            if ticks % sampleStride == 0 { recordSamples(at: now) }
        } else {
            for device in devices.indices { resetWindow(device) }
        }
        scheduler.schedule(.monitor, after: tick)
    }

    private mutating func recordSamples(at time: SimTime) {
        for device in devices.indices {
            if devices[device].isRunning { catchUpTraffic(device, until: time) }
            let state = devices[device]
            let links = parameters[device].gateways
            let serving = state.serving >= 0 && state.serving < links.count ? links[state.serving] : nil
            let sample = DeviceSample(
                time: time,
                deliveryRatio: state.windowSent > 0 ? Double(state.windowAcknowledged) / Double(state.windowSent) : nil,
                rssi: state.windowLevelCount > 0 ? state.windowLevelSum / Double(state.windowLevelCount) : nil,
                queueLength: state.queue.count + (state.current == nil ? 0 : 1),
                batteryLeft: state.empty ? 0 : state.energy.remaining(at: time) / state.energy.capacity,
                framesSent: state.windowSent, framesAcknowledged: state.windowAcknowledged,
                levelsMeasured: state.windowLevelCount, servingGateway: serving,
                primaryGatewayUp: gateways[parameters[device].primaryGateway].up,
                latencyMean: state.windowDelivered > 0
                    ? .seconds(state.windowLatencySum / Double(state.windowDelivered) / 1e9) : nil,
                packetsDelivered: state.windowDelivered)
            devices[device].samples.append(sample)
            resetWindow(device)
        }
    }

    private mutating func resetWindow(_ device: Int) {
        devices[device].windowSent = 0
        devices[device].windowAcknowledged = 0
        devices[device].windowLevelSum = 0
        devices[device].windowLevelCount = 0
        devices[device].windowDelivered = 0
        devices[device].windowLatencySum = 0
    }
}
