import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// UTF-8 → GB18030 bytes with the C library's iconv, for building GBK fixture pages.
public enum GBK {
    public struct EncodeError: Error {}

    public static func encode(_ text: String) throws -> Data {
        let cd = iconv_open("GB18030", "UTF-8")
        guard cd != iconv_t(bitPattern: -1) else { throw EncodeError() }
        defer { iconv_close(cd) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 2 + 16)
        let written: Int = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                var outLeft = outBuf.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                return r == -1 ? -1 : outBuf.count - outLeft
            }
        }
        guard written >= 0 else { throw EncodeError() }
        return Data(output.prefix(written).map { UInt8(bitPattern: $0) })
    }
}
