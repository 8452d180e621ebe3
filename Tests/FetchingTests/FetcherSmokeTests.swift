import Foundation
import Testing
@testable import Fetching

@Suite struct FetcherSmokeTests {
    @Test func userAgentNamesProjectVersionAndContact() {
        #expect(Fetcher.userAgent(contact: "ops@example.org") == "nianbao/0.1.0 (+ops@example.org)")
        #expect(Fetcher.userAgent(contact: nil) == "nianbao/0.1.0")
    }
}
