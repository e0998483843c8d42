import Foundation
import TwinConfig
import TwinEngine
import TwinModels
import TwinUnits

/// One device's radio state machine and battery, accounted analytically.
///
/// The radio is asleep unless an activity says otherwise: the MAC adds the time it
/// spends transmitting (at the current of its TX level), receiving a frame, listening
/// (CCA and backoff, guard times, waiting for an ACK or beacon) and waking up; sleep is
/// the rest of the time the device is running. So idle periods cost nothing to
/// simulate however long they are. The MCU and sensor draw `baselineCurrent` whenever
/// the device runs (Castalia's `baselineNodePower`).
///
/// Currents per state come from twin.json's radio (the catalogue's datasheet values,
/// e.g. Tachtatzis 2010 Table III: TX 11.3 mA at 0 dBm, RX 13.1, RxListen 13.8, sleep
/// 0.9 µA, wake-up 8.9 mA for 3.13 ms; ban-numbers.md §4). The battery drains linearly
/// (ns-3 `BasicEnergySource`) or by Peukert's law `t = H·(C/(I·H))^k`
/// (`BatteryDrainModel`, ban-numbers.md §4), applied to the run-average current and
/// refreshed at every monitor tick.
struct EnergyAccount: Sendable {
    let transmitCurrent: Double
    let receiveCurrent: Double
    let listenCurrent: Double
    let sleepCurrent: Double
    let wakeUpCurrent: Double
    let baselineCurrent: Double
    let voltage: Double
    let capacity: Double
    let drain: BatteryDrainModel
    let battery: BatteryProfile

    private(set) var transmitTime: Int64 = 0
    private(set) var receiveTime: Int64 = 0
    private(set) var listenTime: Int64 = 0
    private(set) var wakeUpTime: Int64 = 0
    private(set) var transmitCharge: Double = 0
    /// Running time before the current run stretch, and when it started (nil: stopped).
    private var runTimeBefore: Int64 = 0
    private var runningSince: SimTime? = .zero
    /// Effective charge removed by a battery-depletion event.
    private var depleted: Double = 0
    /// Peukert weight of the raw charge (1 for linear drain).
    private var drainFactor: Double = 1

    init(device: DeviceConfig, transmitCurrent: Double) {
        let radio = device.radio
        self.transmitCurrent = transmitCurrent
        receiveCurrent = radio.rxCurrent.si
        listenCurrent = radio.listenCurrent.si
        sleepCurrent = radio.sleepCurrent.si
        wakeUpCurrent = radio.wakeupCurrent.si
        baselineCurrent = device.baselineCurrent.si
        voltage = radio.voltage.si > 0 ? radio.voltage.si : device.battery.voltage.si
        capacity = device.battery.capacity.si
        drain = device.battery.model == "peukert" ? .peukert : .linear
        let rated = device.battery.ratedCurrent.si > 0 ? device.battery.capacity.si / device.battery.ratedCurrent.si
            : Time.hours(20).si
        battery = BatteryProfile(name: device.battery.profile, source: "twin.json", nominalVoltage: device.battery.voltage,
                                 capacity: device.battery.capacity, peukertExponent: device.battery.peukertExponent,
                                 ratedDischargeTime: .seconds(rated))
    }

    // MARK: Activities

    mutating func transmit(_ duration: SimTime) {
        transmitTime += duration.nanoseconds
        transmitCharge += transmitCurrent * duration.seconds
    }
    mutating func receive(_ duration: SimTime) { receiveTime += duration.nanoseconds }
    mutating func listen(_ duration: SimTime) { listenTime += Swift.max(0, duration.nanoseconds) }
    mutating func wakeUp(_ duration: SimTime) { wakeUpTime += duration.nanoseconds }

    // MARK: Running time

    var isRunning: Bool { runningSince != nil }

    func runTime(at time: SimTime) -> Int64 {
        runTimeBefore + (runningSince.map { Swift.max(0, (time - $0).nanoseconds) } ?? 0)
    }

    /// The device stops drawing current (battery empty, failure).
    mutating func stop(at time: SimTime) {
        guard let since = runningSince else { return }
        runTimeBefore += Swift.max(0, (time - since).nanoseconds)
        runningSince = nil
    }

    mutating func resume(at time: SimTime) {
        guard runningSince == nil else { return }
        runningSince = time
    }

    var activeTime: Int64 { transmitTime + receiveTime + listenTime + wakeUpTime }

    func sleepTime(at time: SimTime) -> Int64 { Swift.max(0, runTime(at: time) - activeTime) }

    /// Charge drawn from the supply up to `time` (coulombs), without the Peukert weight.
    func rawCharge(at time: SimTime) -> Double {
        transmitCharge
            + receiveCurrent * Double(receiveTime) * 1e-9
            + listenCurrent * Double(listenTime) * 1e-9
            + wakeUpCurrent * Double(wakeUpTime) * 1e-9
            + sleepCurrent * Double(sleepTime(at: time)) * 1e-9
            + baselineCurrent * Double(runTime(at: time)) * 1e-9
    }

    /// Effective charge taken from the battery (Peukert-weighted, plus depletion events).
    func consumed(at time: SimTime) -> Double { rawCharge(at: time) * drainFactor + depleted }

    func remaining(at time: SimTime) -> Double { Swift.max(0, capacity - consumed(at: time)) }

    /// Re-evaluates the Peukert weight from the run-average current so far.
    mutating func refreshDrain(at time: SimTime) {
        guard drain == .peukert else { return }
        let seconds = Double(runTime(at: time)) * 1e-9
        let raw = rawCharge(at: time)
        guard seconds > 0, raw > 0 else { return }
        let average = Current(si: raw / seconds)
        if let effective = try? drain.consumedCharge(of: battery, averageCurrent: average, over: .seconds(seconds)) {
            drainFactor = effective.si / raw
        }
    }

    /// Leaves `fraction` of the capacity in the battery (battery-depletion scenario).
    mutating func deplete(toFraction fraction: Double, at time: SimTime) {
        let target = capacity * Swift.min(Swift.max(fraction, 0), 1)
        let left = capacity - consumed(at: time)
        if left > target { depleted += left - target }
    }

    // MARK: Outcome

    func breakdown(at time: SimTime) -> EnergyBreakdown {
        var energy = EnergyBreakdown()
        energy.transmit = .joules(transmitCharge * voltage)
        energy.receive = .joules(receiveCurrent * Double(receiveTime) * 1e-9 * voltage)
        energy.listen = .joules(listenCurrent * Double(listenTime) * 1e-9 * voltage)
        energy.wakeUp = .joules(wakeUpCurrent * Double(wakeUpTime) * 1e-9 * voltage)
        energy.sleep = .joules(sleepCurrent * Double(sleepTime(at: time)) * 1e-9 * voltage)
        energy.baseline = .joules(baselineCurrent * Double(runTime(at: time)) * 1e-9 * voltage)
        return energy
    }

    func stateTimes(at time: SimTime) -> RadioStateTimes {
        var times = RadioStateTimes()
        times.transmit = SimTime(nanoseconds: transmitTime)
        times.receive = SimTime(nanoseconds: receiveTime)
        times.listen = SimTime(nanoseconds: listenTime)
        times.wakeUp = SimTime(nanoseconds: wakeUpTime)
        times.sleep = SimTime(nanoseconds: sleepTime(at: time))
        return times
    }

    /// Average supply current over the running time.
    func averageCurrent(at time: SimTime) -> Double {
        let seconds = Double(runTime(at: time)) * 1e-9
        return seconds > 0 ? rawCharge(at: time) / seconds : 0
    }
}
