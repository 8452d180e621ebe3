/// The comparable form of a label: its enumerator ("一、", "(三)", "1.") and its core — only the
/// Chinese characters, with whitespace, punctuation, quotes and any trailing parenthetical removed.
/// "(二) 部分公开(区分处理的,…)" → enumerator 2, core "部分公开";
/// "3.危及\"三安全一稳定\"" → 3, "危及三安全一稳定"; "规章(设区的市…)" → core "规章".
struct LabelKey: Hashable, Sendable {
    enum Enumerator: Hashable, Sendable { case none, chinese(Int), parenthesized(Int), arabic(Int) }

    var enumerator: Enumerator
    var core: String

    var number: Int? {
        switch enumerator {
        case .none: return nil
        case .chinese(let n), .parenthesized(let n), .arabic(let n): return n
        }
    }

    init(_ text: String) {
        let scalars: [Unicode.Scalar] = text.unicodeScalars.filter { $0 != " " && $0 != "\t" && $0 != "\n" }
        var i = 0
        var en: Enumerator = .none
        let n = scalars.count
        // (一) / (1)
        if n > 2, scalars[0] == "(" {
            var j = 1
            var value = 0
            if let (v, len) = Self.chineseNumber(scalars, from: 1) { value = v; j = 1 + len }
            else {
                while j < n, let d = Self.digit(scalars[j]) { value = value * 10 + d; j += 1 }
            }
            if j > 1, j < n, scalars[j] == ")" { en = .parenthesized(value); i = j + 1 }
        } else if let (v, len) = Self.chineseNumber(scalars, from: 0), len < n,
                  scalars[len] == "、" || scalars[len] == "." || scalars[len] == "," || scalars[len] == "，" {
            en = .chinese(v); i = len + 1
        } else if n > 1, let d0 = Self.digit(scalars[0]) {
            var j = 1
            var value = d0
            while j < n, let d = Self.digit(scalars[j]) { value = value * 10 + d; j += 1 }
            if j < n, scalars[j] == "." || scalars[j] == "、" || scalars[j] == ")" || scalars[j] == "," || scalars[j] == "，" {
                en = .arabic(value); i = j + 1
            }
        }
        var core: [UInt8] = []
        core.reserveCapacity((n - i) * 3)
        var k = i
        while k < n {
            let s = scalars[k]
            if s == "(" && !core.isEmpty { break }
            if Self.isIdeograph(s) {   // ideographs are 3 UTF-8 bytes
                let v = s.value
                core.append(UInt8(0xE0 | (v >> 12))); core.append(UInt8(0x80 | ((v >> 6) & 0x3F))); core.append(UInt8(0x80 | (v & 0x3F)))
            }
            k += 1
        }
        enumerator = en
        self.core = String(decoding: core, as: UTF8.self)
    }

    static func isIdeograph(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value)
    }

    static func digit(_ s: Unicode.Scalar) -> Int? {
        s.value >= 48 && s.value <= 57 ? Int(s.value - 48) : nil
    }

    static let chineseDigits: [Unicode.Scalar: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]

    /// 一 … 十九 at `from`: value and length.
    static func chineseNumber(_ a: [Unicode.Scalar], from: Int) -> (Int, Int)? {
        guard from < a.count, let first = chineseDigits[a[from]] else { return nil }
        if first == 10 {
            if from + 1 < a.count, let u = chineseDigits[a[from + 1]], u < 10 { return (10 + u, 2) }
            return (10, 1)
        }
        if from + 1 < a.count, a[from + 1] == "十" {
            if from + 2 < a.count, let u = chineseDigits[a[from + 2]], u < 10 { return (first * 10 + u, 3) }
            return (first * 10, 2)
        }
        return (first, 1)
    }
}

/// Similarity of two label cores for typo-tolerant matching: 2·LCS / (|a| + |b|).
enum Fuzzy {
    static func dice(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var prev = [Int](repeating: 0, count: b.count + 1)
        var cur = prev
        for i in 1...a.count {
            for j in 1...b.count {
                cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : max(prev[j], cur[j - 1])
            }
            swap(&prev, &cur)
        }
        return 2 * Double(prev[b.count]) / Double(a.count + b.count)
    }
}
