import Testing
@testable import Fetching

@Suite struct FetcherSmokeTests {
    @Test func constructs() {
        _ = Fetcher()
    }
}
