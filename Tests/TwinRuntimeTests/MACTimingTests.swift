import Testing
import TwinEngine
import TwinModels
@testable import TwinRuntime

/// `MACTiming` holds its constants as literals so the hot loop reads them without a
/// lazy-global check; each must equal the cited model's value it stands for.
@Suite struct MACTimingTests {
    @Test("pSIFS, pMIFS and BLE T_IFS equal the cited models' values as simulation ticks")
    func interFrameSpacesMatchTheModels() {
        #expect(MACTiming.sifs == SimTime(NarrowbandTiming.sifs))
        #expect(MACTiming.mifs == SimTime(NarrowbandTiming.mifs))
        #expect(MACTiming.bleInterFrameSpace == SimTime(BLE1MPHY.interFrameSpace))
    }

    @Test("beacon + B-Ack reception and wake-ups per allocation equal Tachtatzis 2012's")
    func allocationCostsMatchTachtatzis() {
        let model = ScheduledAccessLifetimeModel.tachtatzis2012
        #expect(MACTiming.beaconAndBlockAck == SimTime(model.receiveTimePerInterval))
        #expect(MACTiming.wakeUpsPerAllocation == Int64(model.wakeUpsPerInterval))
    }
}
