import TwinEngine
import TwinModels

/// An IEEE 802.15.6 scheduled allocation as the simulation runs it, and its timing as
/// pure functions: when the next allocation starts, which queued frames fit in it, when
/// each frame and the B-Ack go, and the device's energy per allocation.
///
/// Source: Tachtatzis et al. 2012 (ADHOCNETS 2011, LNICST 89) and 2010 (GLOBECOM WS),
/// ban-numbers.md §8★A, through `ScheduledAccessLifetimeModel.tachtatzis2012`. The
/// hub's superframe of `slots` slots of `slotLength` starts with the beacon; the
/// device's allocation is its own slot after the beacon slot, every `period`
/// superframes (interval P = m·TSF), and runs to the end of the superframe. Per
/// allocation with data the device wakes up twice (beacon, slot), receives the beacon
/// and the B-Ack (2.3163 ms fitted), listens for the guard time
/// `GT = 61.6 µs + 2·max(P, 8·TSF)·20 ppm`, pMIFS between frames and pSIFS before the
/// B-Ack, and sends its frames back to back.
///
/// Why pure: `ScheduledAccess` and its tests, and the allocator of issue 11 (one slot
/// length per hub, retransmission allocations in the same superframe,
/// `TwinModels.ScheduledAllocator`), change *where* allocations are; only these
/// functions know it.
struct ScheduleParameters: Sendable {
    let slotLength: SimTime
    let superframe: SimTime
    /// Allocation interval P = m · TSF.
    let interval: SimTime
    let guardTime: SimTime
    /// Start of the device's allocation within its superframe, per gateway slot
    /// (aligned with `DeviceParameters.gateways`).
    let offsets: [SimTime]

    /// The start of the first allocation at the gateway in `slot` at or after `target`;
    /// nil when it would lie beyond `SimTime.max`.
    func nextAllocation(atOrAfter target: SimTime, slot: Int) -> SimTime? {
        guard target < .max - interval else { return nil }
        let offset = offsets[slot]
        let elapsed = target - offset
        var index = elapsed.nanoseconds <= 0 ? 0 : elapsed / interval
        if offset + interval * index < target { index += 1 }
        return offset + interval * index
    }

    /// How long the allocation at the gateway in `slot` may last: to the end of its
    /// superframe.
    func capacity(slot: Int) -> SimTime { superframe - offsets[slot] }

    /// How many of `count` queued frames (the `payload(i)` octets of the i-th, in queue
    /// order) fit in one allocation at `slot`, after the guard time and before pSIFS and
    /// the B-Ack; the first always goes, even if it overruns.
    func framesFitting(count: Int, payload: (Int) -> Int, frame: FrameFormat, slot: Int) -> Int {
        let capacity = capacity(slot: slot)
        var used = guardTime + MACTiming.sifs + frame.acknowledgementAirtime
        var fitting = 0
        while fitting < count {
            let need = frame.airtime(payload: payload(fitting)) + (fitting == 0 ? .zero : MACTiming.mifs)
            if fitting > 0 && used + need > capacity { break }
            fitting += 1
            used += need
        }
        return fitting
    }

    /// The same for frames of `payloads` octets.
    func framesFitting(_ payloads: [Int], frame: FrameFormat, slot: Int) -> Int {
        framesFitting(count: payloads.count, payload: { payloads[$0] }, frame: frame, slot: slot)
    }

    /// When the first frame of an allocation starting at `start` goes on the air.
    func firstFrame(allocationAt start: SimTime) -> SimTime { start + guardTime }

    /// When the next frame goes after one that started at `start` and lasted `airtime`.
    static func nextFrame(after start: SimTime, airtime: SimTime) -> SimTime { start + airtime + MACTiming.mifs }

    /// The end of the B-Ack after a burst whose next frame would have started at
    /// `nextStart` (one pMIFS after the last frame ended).
    static func blockAckEnd(nextStart: SimTime, frame: FrameFormat) -> SimTime {
        nextStart - MACTiming.mifs + MACTiming.sifs + frame.acknowledgementAirtime
    }

    /// The Tachtatzis per-interval energy budget of an allocation carrying `frames`
    /// frames (their transmissions are accounted as they go).
    func chargeAllocation(frames: Int, wakeUp: SimTime, energy: inout EnergyAccount) {
        energy.wakeUp(wakeUp * MACTiming.wakeUpsPerAllocation)
        energy.receive(MACTiming.beaconAndBlockAck)
        energy.listen(guardTime + MACTiming.mifs * Int64(frames - 1) + MACTiming.sifs)
    }
}
