import Testing
import TwinOutput

@Suite struct TextTableTests {
    @Test func textTablesAreAligned() {
        var table = TextTable([("goal", .left), ("value", .right)])
        table.add(["ecg-latency", "12 ms"])
        table.add(["pdr", "99.95 %"])
        #expect(table.render() == """
              goal           value
              ecg-latency    12 ms
              pdr          99.95 %

            """)
    }

    @Test func missingCellsArePaddedAndTrailingSpacesTrimmed() {
        var table = TextTable([("device", .left), ("queue", .right), ("note", .left)])
        table.add(["ecg", "3"])
        table.add(["pump", "12", "dead"])
        #expect(table.render(indent: "") == """
            device  queue  note
            ecg         3
            pump       12  dead

            """)
    }
}
