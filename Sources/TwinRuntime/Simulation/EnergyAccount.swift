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
/// simulate however long they are. The platform (MCU, sensor front end, actuator,
/// display: twin.json's `platform`) draws its average power whenever the device runs.
///
/// Currents per state come from twin.json's radio (the catalogue's datasheet values,
/// e.g. Tachtatzis 2010 Table III: TX 11.3 mA at 0 dBm, RX 13.1, RxListen 13.8, sleep
/// 0.9 µA, wake-up 8.9 mA for 3.13 ms; ban-numbers.md §4) at the radio's voltage; with
/// the platform they make the rail energy. The battery gives the regulator's current at
/// the cell's voltage for that rail energy (`DeviceSupply`, `DeviceLifetimeModel
/// .drawCoefficients`: `I = a(V)·P_rail + b(V)`), with `a` and `b` re-read from the
/// discharge curve at every monitor tick (at most 1 s apart), so the cell's sag, a
/// boost converter's rising input current and self-discharge are in the account; a
/// regulator's drop-out ends the usable charge. Peukert's law, when twin.json asks for
/// it, weights the charge by the run-average battery current (`BatteryDrainModel`).
///
/// A WLAN station whose frames come closer together than its power-save inactivity
/// timeout (`WLANRadioProfile.dozeAfter`, 100 ms) cannot doze between them: it listens
/// at its listen current for the time it is not on the air (`WLANActivity.shares`;
/// issue 11 §1: a video stream's frames 1.4 ms apart keep the radio awake).
struct EnergyAccount: Sendable {
    let transmitCurrent: Double
    let receiveCurrent: Double
    let listenCurrent: Double
    let sleepCurrent: Double
    let wakeUpCurrent: Double
    /// Volts the radio's currents are given at, and the platform's rail power (W).
    let voltage: Double
    let platformPower: Double
    /// True when the radio listens rather than sleeps between its activities (a WLAN
    /// stream with frames closer than the power-save timeout).
    let idleListens: Bool
    /// Usable charge: to the cutoff, or to the regulator's drop-out.
    let capacity: Double
    let supply: DeviceSupply

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
    /// Battery charge, rail energy and running time at the last refresh, and the
    /// battery current per rail watt and fixed (quiescent, self-discharge) from then on.
    private var chargeAtRefresh: Double = 0
    private var railEnergyAtRefresh: Double = 0
    private var runTimeAtRefresh: Int64 = 0
    private var perWatt: Double
    private var fixedCurrent: Double

    init(device: DeviceConfig, transmitCurrent: Double) {
        let radio = device.radio
        self.transmitCurrent = transmitCurrent
        receiveCurrent = radio.rxCurrent.si
        listenCurrent = radio.listenCurrent.si
        sleepCurrent = radio.sleepCurrent.si
        wakeUpCurrent = radio.wakeupCurrent.si
        supply = DeviceSupply(device: device)
        voltage = supply.radioVoltage.si
        platformPower = supply.platformPower.si
        capacity = supply.model.usableCharge.si
        idleListens = DeviceSupply.listensWhenIdle(device)
        let start = supply.model.drawCoefficients(delivered: .zero)
        perWatt = start?.perWatt ?? 0
        fixedCurrent = start?.fixed.si ?? 0
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

    @inline(__always)
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

    @inline(__always)
    func sleepTime(at time: SimTime) -> Int64 { Swift.max(0, runTime(at: time) - activeTime) }

    /// Charge the radio drew at its own voltage up to `time` (coulombs).
    @inline(__always)
    func radioCharge(at time: SimTime) -> Double {
        transmitCharge
            + receiveCurrent * Double(receiveTime) * 1e-9
            + listenCurrent * Double(listenTime) * 1e-9
            + wakeUpCurrent * Double(wakeUpTime) * 1e-9
            + (idleListens ? listenCurrent : sleepCurrent) * Double(sleepTime(at: time)) * 1e-9
    }

    /// Energy delivered on the rail (radio and platform) up to `time` (joules).
    @inline(__always)
    func railEnergy(at time: SimTime) -> Double {
        radioCharge(at: time) * voltage + platformPower * Double(runTime(at: time)) * 1e-9
    }

    /// Charge drawn from the battery up to `time` (coulombs), without the Peukert weight.
    @inline(__always)
    func rawCharge(at time: SimTime) -> Double {
        chargeAtRefresh + perWatt * (railEnergy(at: time) - railEnergyAtRefresh)
            + fixedCurrent * Double(runTime(at: time) - runTimeAtRefresh) * 1e-9
    }

    /// Effective charge taken from the battery (Peukert-weighted, plus depletion events).
    @inline(__always)
    func consumed(at time: SimTime) -> Double { rawCharge(at: time) * drainFactor + depleted }

    func remaining(at time: SimTime) -> Double { Swift.max(0, capacity - consumed(at: time)) }

    /// Folds the charge drawn so far into the account, re-reads the regulator's draw at
    /// the cell's voltage now, and re-evaluates the Peukert weight from the run-average
    /// battery current so far.
    mutating func refreshDrain(at time: SimTime) {
        let charge = rawCharge(at: time)
        chargeAtRefresh = charge
        railEnergyAtRefresh = railEnergy(at: time)
        runTimeAtRefresh = runTime(at: time)
        if let draw = supply.model.drawCoefficients(delivered: .coulombs(charge * drainFactor + depleted)) {
            perWatt = draw.perWatt
            fixedCurrent = draw.fixed.si
        }
        let seconds = Double(runTimeAtRefresh) * 1e-9
        guard seconds > 0, charge > 0 else { return }
        drainFactor = supply.peukertWeight(averageCurrent: Current(si: charge / seconds))
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
        let idle = Double(sleepTime(at: time)) * 1e-9
        energy.listen = .joules(listenCurrent * (Double(listenTime) * 1e-9 + (idleListens ? idle : 0)) * voltage)
        energy.wakeUp = .joules(wakeUpCurrent * Double(wakeUpTime) * 1e-9 * voltage)
        energy.sleep = .joules(idleListens ? 0 : sleepCurrent * idle * voltage)
        energy.baseline = .joules(platformPower * Double(runTime(at: time)) * 1e-9)
        return energy
    }

    func stateTimes(at time: SimTime) -> RadioStateTimes {
        var times = RadioStateTimes()
        times.transmit = SimTime(nanoseconds: transmitTime)
        times.receive = SimTime(nanoseconds: receiveTime)
        let idle = sleepTime(at: time)
        times.listen = SimTime(nanoseconds: listenTime + (idleListens ? idle : 0))
        times.wakeUp = SimTime(nanoseconds: wakeUpTime)
        times.sleep = SimTime(nanoseconds: idleListens ? 0 : idle)
        return times
    }

    /// Average battery current over the running time.
    func averageCurrent(at time: SimTime) -> Double {
        let seconds = Double(runTime(at: time)) * 1e-9
        return seconds > 0 ? rawCharge(at: time) / seconds : 0
    }

    /// Average rail power (radio and platform) over the running time, watts.
    func averageRailPower(at time: SimTime) -> Double {
        let seconds = Double(runTime(at: time)) * 1e-9
        return seconds > 0 ? railEnergy(at: time) / seconds : 0
    }
}
