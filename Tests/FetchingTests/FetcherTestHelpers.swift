import Foundation
import Logging
@testable import Fetching
import TestSupport

/// A fresh body directory and fetcher per test, with politeness tuned down for speed.
struct FetcherHarness {
    let bodyDirectory: URL
    let fetcher: Fetcher

    init(logger given: Logger? = nil) {
        bodyDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("nianbao-fetch-tests-\(UUID().uuidString)")
        var quiet = Logger(label: "nianbao.fetch.tests")
        quiet.logLevel = .critical
        let logger = given ?? quiet
        fetcher = Fetcher(userAgent: Fetcher.userAgent(contact: "tests@example.org"), bodyDirectory: bodyDirectory,
                          logger: logger)
    }

    /// Small delays and backoff so each test takes well under a second or two.
    static var fastPolicy: FetchPolicy {
        var p = FetchPolicy()
        p.minDelay = .zero
        p.retryBaseDelay = .milliseconds(50)
        p.connectTimeout = .seconds(2)
        p.totalTimeout = .seconds(5)
        return p
    }

    func fetch(_ url: String, policy: FetchPolicy = FetcherHarness.fastPolicy,
               ifNoneMatch: String? = nil, ifModifiedSince: String? = nil) async -> FetchResult {
        await fetcher.fetch(FetchRequest(url: url, policy: policy, ifNoneMatch: ifNoneMatch, ifModifiedSince: ifModifiedSince))
    }

    /// Names of the files left in the body directory.
    var leftoverFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: bodyDirectory.path)) ?? []).sorted()
    }

    func body(_ result: FetchResult) -> String? {
        guard let file = result.bodyFile, let data = FileManager.default.contents(atPath: file.path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    func cleanUp() {
        fetcher.shutdown()
        try? FileManager.default.removeItem(at: bodyDirectory)
    }
}

extension Duration {
    var inSeconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }
}
