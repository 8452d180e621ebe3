import NianbaoCore
import Foundation
/// Agency, year, title and published date, from the title line, the body ("现公布通化市信访局2024年度…"),
/// the "发布日期" line, or the signature block at the end.
struct MetadataReader {
    var title: String?
    var agency: String?
    var year: Int?
    var published: String?

    init(lines: [String], metadataTitle: String?, metadataPublished: String?) {
        let nonEmpty = lines.map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        let head = Array(nonEmpty.prefix(15))
        // Title: the metadata title, or the first line naming an annual report.
        var candidates: [String] = []
        if let t = metadataTitle?.trimmingSpaces, !t.isEmpty { candidates.append(t) }
        for (i, raw) in head.enumerated() {
            let l = Self.stripMarkup(raw)
            guard Self.looksLikeTitle(l) else { continue }
            if Self.yearPrefix(l)?.before.isEmpty == true, i > 0 {
                let prev = Self.stripMarkup(head[i - 1])
                if prev.count <= 30, !prev.has("|"), !Self.looksLikeTitle(prev), Self.yearPrefix(prev) == nil {
                    candidates.append(prev + l)
                    continue
                }
            }
            candidates.append(l)
        }
        for c in candidates where Self.looksLikeTitle(c) {
            title = c
            if let y = Self.yearPrefix(c) {
                year = y.year
                var a = y.before.trimmingSpaces
                if a.hasPrefix("关于") { a = String(a.dropFirst(2)) }   // "关于X局2023年…报告"
                if !a.isEmpty { agency = a }
            }
            break
        }
        if title == nil { title = candidates.first }
        // Body: 现公布X2024年度…
        if agency == nil || year == nil {
            for l in nonEmpty.prefix(40) {
                guard let r = l.byteRange(of: "公布") else { continue }
                let rest = String(l[r.upperBound...]).trimmingSpaces
                if let y = Self.yearPrefix(rest), !y.before.isEmpty, y.before.count <= 30 {
                    if agency == nil { agency = y.before.trimmingSpaces }
                    if year == nil { year = y.year }
                    break
                }
            }
        }
        // Published: metadata, 发布日期, or the signature date.
        published = metadataPublished.flatMap(Self.date(in:))
        if published == nil {
            for l in nonEmpty.prefix(20) where l.has("发布日期") || l.has("发布时间") {
                if let d = Self.date(in: l) { published = d; break }
            }
        }
        let tail = Array(nonEmpty.suffix(6))
        if let idx = tail.lastIndex(where: { $0.count <= 16 && Self.date(in: $0) != nil }) {
            if published == nil { published = Self.date(in: tail[idx]) }
            if agency == nil, idx > 0 {
                let a = tail[idx - 1]
                if a.count <= 30, !a.has("。"), !a.has(",") { agency = a }
            }
        }
    }

    static func stripMarkup(_ s: String) -> String {
        var t = Substring(s)
        while let f = t.first, f == "#" || f == " " || f == "*" { t = t.dropFirst() }
        while let l = t.last, l == "*" || l == " " { t = t.dropLast() }
        return String(t)
    }

    static func looksLikeTitle(_ s: String) -> Bool {
        s.unicodeScalars.count <= 80 && (s.has("年度报告") || s.has("年报") || (s.has("政府信息公开") && s.has("报告")))
            && !s.has("。")
    }

    /// The first 4-digit year (2000–2099) followed by 年: the year and the text before it.
    static func yearPrefix(_ s: String) -> (year: Int, before: String)? {
        let a = Array(s.unicodeScalars)
        var i = 0
        while i + 4 <= a.count {
            if (i == 0 || !isDigit(a[i - 1])), a[i] == "2", a[i + 1] == "0", isDigit(a[i + 2]), isDigit(a[i + 3]),
               i + 4 == a.count || !isDigit(a[i + 4]) {
                var j = i + 4
                while j < a.count, a[j] == " " { j += 1 }
                if j < a.count, a[j] == "年" {
                    let y = Int(String(String.UnicodeScalarView(a[i..<(i + 4)])))!
                    return (y, String(String.UnicodeScalarView(a[0..<i])).trimmingSpaces)
                }
            }
            i += 1
        }
        return nil
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

    /// YYYY-MM-DD from a printed date (see PrintedDate).
    static func date(in s: String) -> String? { PrintedDate.normalize(s) }
}

extension String {
    var trimmingSpaces: String {
        let t = LineSplitter.trim(Substring(self))
        return t.utf8.count == utf8.count ? self : String(t)
    }
}
