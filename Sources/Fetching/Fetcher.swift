import Foundation
import NianbaoCore

/// Stage 1: URL + site policy in, Capture (body streamed to a file) out.
public final class Fetcher: @unchecked Sendable {
    public init() {}
}
