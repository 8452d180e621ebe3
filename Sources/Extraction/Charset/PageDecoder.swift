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
            let skip = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            return data.withUnsafeBytes { raw in
                let bytes = UnsafeRawBufferPointer(rebasing: raw[skip...]).bindMemory(to: UInt8.self)
                if let valid = String(validating: bytes, as: UTF8.self) {
                    return Decoded(text: valid, decision: decision, invalidSequences: 0)
                }
                var invalid = 0
                var decoder = UTF8()
                var it = bytes.makeIterator()
                loop: while true {
                    switch decoder.decode(&it) {
                    case .scalarValue: continue
                    case .emptyInput: break loop
                    case .error: invalid += 1
                    }
                }
                return Decoded(text: String(decoding: bytes, as: UTF8.self), decision: decision, invalidSequences: invalid)
            }
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
