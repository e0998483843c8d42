import Testing
@testable import TwinEngine
import TwinUnits

@Suite struct SimTimeTests {
    @Test func wholeUnitConstructorsAreExact() {
        #expect(SimTime.microseconds(20).nanoseconds == 20_000)
        #expect(SimTime.milliseconds(250).nanoseconds == 250_000_000)
        #expect(SimTime.hours(24).nanoseconds == 86_400_000_000_000)
        #expect(SimTime.days(30) == SimTime.hours(720))
    }

    @Test func convertsFromTimeRoundingToNearestNanosecond() {
        #expect(SimTime(Time.milliseconds(2.5367)).nanoseconds == 2_536_700)
        #expect(SimTime(Time.seconds(0.1) + Time.seconds(0.2)) == SimTime.milliseconds(300))
        #expect(SimTime(Time.nanoseconds(0.4)).nanoseconds == 0)
        #expect(SimTime(Time.nanoseconds(0.6)).nanoseconds == 1)
        #expect(SimTime(Time.days(30)).time.days == 30)
    }

    @Test func refusesNonFiniteAndOutOfRangeValues() {
        #expect(SimTime.exactly(Time(si: .nan)) == nil)
        #expect(SimTime.exactly(Time(si: .infinity)) == nil)
        #expect(SimTime.exactly(Time.years(300)) == nil)
        #expect(SimTime.exactly(Time.years(200)) != nil)
        #expect(SimTime(Time(si: .infinity)) == .max)
        #expect(SimTime(Time(si: .nan)) == .zero)
    }

    @Test func arithmeticAndOrdering() {
        let superframe = SimTime.milliseconds(20)
        let t = SimTime.milliseconds(47)
        #expect(t / superframe == 2)
        #expect(t % superframe == .milliseconds(7))
        #expect(superframe * 3 == .milliseconds(60))
        #expect(t - superframe + superframe == t)
        #expect(SimTime.milliseconds(1) < .milliseconds(2))
        #expect(SimTime.seconds(1).scaled(by: 0.25) == .milliseconds(250))
        #expect(SimTime.zero.advanced(bySeconds: 1.5) == .milliseconds(1500))
    }

    @Test func formatsExactlyWithoutFloatingPoint() {
        #expect(SimTime.zero.description == "0 s")
        #expect(SimTime.milliseconds(1500).description == "1.5 s")
        #expect(SimTime.nanoseconds(1).description == "0.000000001 s")
        #expect(SimTime.milliseconds(-2250).description == "-2.25 s")
        #expect((SimTime.days(1) + .hours(2) + .minutes(3) + .seconds(4) + .milliseconds(5)).clockDescription
            == "1d 02:03:04.005")
        #expect(SimTime.milliseconds(61_500).clockDescription == "00:01:01.500")
    }
}
