import Testing
import TwinVocabulary

@Test func applicationIDsMatchTheCatalogue() {
    #expect(ApplicationKind.networkView.rawValue == "network-view")
}
