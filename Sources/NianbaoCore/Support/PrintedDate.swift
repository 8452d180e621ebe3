import Foundation

/// Dates as agencies print them — "2025-01-20 10:30", "2025/1/20", "2025.01.20", "2025年1月20日",
/// "发布日期：2024年1月5日" — as YYYY-MM-DD. Used by the Extractor (发布日期 on a page) and the Parser
/// (发布日期 lines and signature dates in the text), so both read dates the same way.
public enum PrintedDate {
    /// The first date in `s` (years 1900–2099, month 1–12, day 1–31), or nil.
    public static func normalize(_ s: String) -> String? {
        let a = Array(s.unicodeScalars)
        var i = 0
        while i + 4 <= a.count {
            if (a[i] == "2" && a[i + 1] == "0") || (a[i] == "1" && a[i + 1] == "9"),
               isDigit(a[i + 2]), isDigit(a[i + 3]), i == 0 || !isDigit(a[i - 1]) {
                var j = i + 4
                func separator() -> Bool {
                    while j < a.count, a[j] == " " { j += 1 }
                    guard j < a.count, ["-", "/", ".", "年", "月"].contains(a[j]) else { return false }
                    j += 1
                    while j < a.count, a[j] == " " { j += 1 }
                    return true
                }
                func number() -> Int? {
                    var v = 0, n = 0
                    while j < a.count, isDigit(a[j]), n < 2 { v = v * 10 + Int(a[j].value - 48); j += 1; n += 1 }
                    return n > 0 ? v : nil
                }
                let y = a[i..<(i + 4)].reduce(0) { $0 * 10 + Int($1.value - 48) }
                if separator(), let m = number(), (1...12).contains(m), separator(), let d = number(), (1...31).contains(d) {
                    return String(format: "%04d-%02d-%02d", y, m, d)
                }
            }
            i += 1
        }
        return nil
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
}
