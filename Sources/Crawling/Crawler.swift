import Foundation
import NianbaoCore

/// Visits configured sites, discovers report links and hands captures on.
public final class Crawler: @unchecked Sendable {
    public init() {}
}
