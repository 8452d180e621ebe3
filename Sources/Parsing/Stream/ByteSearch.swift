extension StringProtocol {
    /// Substring search on UTF-8 bytes (Foundation's `contains`/`range(of:)` are far slower on Linux).
    func has(_ needle: String) -> Bool { byteRange(of: needle) != nil }

    /// The range of the first occurrence of `needle`, by UTF-8 bytes.
    func byteRange(of needle: String) -> Range<String.Index>? {
        let n = Array(needle.utf8)
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
