extension StringProtocol {
    /// Substring search on UTF-8 bytes (Foundation's `contains`/`range(of:)` are far slower on Linux).
    func has(_ needle: String) -> Bool { byteRange(of: needle) != nil }

    /// The range of the first occurrence of `needle`, by UTF-8 bytes.
    func byteRange(of needle: String) -> Range<String.Index>? {
        let n = Array(needle.utf8)
        if let found = utf8.withContiguousStorageIfAvailable({ buf -> Int? in
            guard let first = n.first, buf.count >= n.count else { return -1 }
            var i = 0
            let last = buf.count - n.count
            while i <= last {
                if buf[i] == first {
                    var k = 1
                    while k < n.count && buf[i + k] == n[k] { k += 1 }
                    if k == n.count { return i }
                }
                i += 1
            }
            return -1
        }) {
            guard let offset = found, offset >= 0 else { return nil }
            let a = utf8.index(utf8.startIndex, offsetBy: offset)
            return a..<utf8.index(a, offsetBy: n.count)
        }
        guard let first = n.first else { return nil }
        let u = self.utf8
        var i = u.startIndex
        while i < u.endIndex {
            if u[i] == first {
                var j = i
                var k = 0
                while k < n.count, j < u.endIndex, u[j] == n[k] { j = u.index(after: j); k += 1 }
                if k == n.count { return i..<j }
            }
            i = u.index(after: i)
        }
        return nil
    }
}

extension Substring {
    /// Whether the UTF-8 bytes contain `byte` (contiguous fast path; the generic `contains` is slow).
    @inline(__always)
    func hasByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
    }
}

extension String {
    @inline(__always)
    func hasByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
    }
}
