import Foundation
import Testing

/// Parent of the crawl suites that run real crawls (loopback servers, child processes, 60 MB
/// transfers). `.serialized` applies to every nested suite, so only one of them loads the two
/// cores at a time.
@Suite(.serialized) enum CrawlNetworkTests {
}
