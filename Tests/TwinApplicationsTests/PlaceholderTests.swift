import Testing
@testable import TwinApplications

@Test func applicationIDsMatchTheCatalogue() {
    #expect(ApplicationID.networkView == "network-view")
}
