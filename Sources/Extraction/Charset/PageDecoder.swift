import Foundation

/// Bytes of a web page or text file → UTF-8 String, with the charset decision recorded.
public enum PageDecoder {
    public struct Decoded: Sendable {
        public var text: String
        public var decision: CharsetDecision
        /// Byte positions that could not be decoded (each is U+FFFD in `text`).
        public var invalidSequences: Int
    }

    public static func decode(_ data: Data, contentType: String?) -> Decoded {
        var decision = CharsetDetector.decide(data, contentType: contentType)
        switch decision.charset {
        case "UTF-8":
            var bytes = data
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            let text = String(decoding: bytes, as: UTF8.self)
            let invalid = text.unicodeScalars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? 1 : 0) }
            return Decoded(text: text, decision: decision, invalidSequences: invalid)
        default:
            if let d = IconvDecoder.decode(data, charset: decision.charset) {
                var text = d.text
                if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
                return Decoded(text: text, decision: decision, invalidSequences: d.invalidSequences)
            }
            // Unknown to iconv: fall back on the bytes.
            let utf8 = String(validating: data, as: UTF8.self)
            decision.charset = utf8 != nil ? "UTF-8" : "GB18030"
            decision.decidedBy = "bytes"
            if let utf8 { return Decoded(text: utf8, decision: decision, invalidSequences: 0) }
            let d = IconvDecoder.decode(data, charset: "GB18030")!
            return Decoded(text: d.text, decision: decision, invalidSequences: d.invalidSequences)
        }
    }
}
