import NianbaoCore

/// Stage 3: Document in, Document with canonical text out.
public struct Normalizer: Sendable {
    public init() {}

    public func normalize(_ document: Document) -> Document {
        var d = document
        d.isNormalized = true
        return d
    }
}
