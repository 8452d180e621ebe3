import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lossy decoding of legacy charsets through glibc iconv: an invalid or truncated sequence
/// becomes U+FFFD and decoding goes on one code unit later (one byte; two in UTF-16, so that an
/// unpaired surrogate does not shift the rest of the text by a byte) (Foundation's GB18030 decoder
/// returns nil for the whole page on one bad byte, and libxml2 silently truncates there).
public enum IconvDecoder {
    public struct Decoded: Sendable {
        public var text: String
        /// Number of byte positions that could not be decoded (each became U+FFFD).
        public var invalidSequences: Int
    }

    /// Decode `bytes` from `charset` (an iconv name such as "GB18030", "BIG5") to a String.
    /// Returns nil when iconv does not know the charset.
    public static func decode(_ bytes: UnsafeRawBufferPointer, charset: String) -> Decoded? {
        let cd = iconv_open("UTF-8", charset)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        guard let base = bytes.baseAddress, bytes.count > 0 else { return Decoded(text: "", invalidSequences: 0) }

        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 3 / 2 + 16)
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        var invalid = 0
        var inPtr = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: CChar.self))
        var inLeft = bytes.count
        let unit = charset.uppercased().hasPrefix("UTF-16") ? 2 : 1
        let chunk = 64 * 1024
        var buffer = [CChar](repeating: 0, count: chunk)
        while inLeft > 0 {
            let produced: Int
            let rc: Int
            let err: Int32
            (rc, produced, err) = buffer.withUnsafeMutableBufferPointer { buf -> (Int, Int, Int32) in
                var outPtr: UnsafeMutablePointer<CChar>? = buf.baseAddress
                var outLeft = chunk
                var inP: UnsafeMutablePointer<CChar>? = inPtr
                let r = iconv(cd, &inP, &inLeft, &outPtr, &outLeft)
                let e = errno
                inPtr = inP!
                return (r, chunk - outLeft, e)
            }
            buffer.withUnsafeBufferPointer { buf in
                buf.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: produced) {
                    out.append(contentsOf: UnsafeBufferPointer(start: $0, count: produced))
                }
            }
            if rc == -1 {
                if err == E2BIG { continue }
                // EILSEQ (invalid) or EINVAL (truncated at the end): replace one code unit and go on.
                let skip = min(unit, inLeft)
                invalid += 1
                out.append(contentsOf: replacement)
                inPtr += skip
                inLeft -= skip
                _ = iconv(cd, nil, nil, nil, nil)   // reset shift state
            }
        }
        return Decoded(text: String(decoding: out, as: UTF8.self), invalidSequences: invalid)
    }

    public static func decode(_ data: Data, charset: String) -> Decoded? {
        data.withUnsafeBytes { decode($0, charset: charset) }
    }
}
