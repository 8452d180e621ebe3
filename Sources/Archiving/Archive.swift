import Foundation
import NianbaoCore

/// Stage 5: owns the on-disk archive layout (raw/, captures/, reports/, index.sqlite, state/).
public final class Archive: @unchecked Sendable {
    public let root: URL

    public init(root: URL) throws {
        self.root = root
    }
}
