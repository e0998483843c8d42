import Testing
import TwinJSON
@testable import TwinReport

@Test func pageIsHTML() {
    #expect(HTMLReport.render(results: .object([])).hasPrefix("<!doctype html>"))
}
