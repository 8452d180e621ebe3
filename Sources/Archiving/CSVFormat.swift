import Foundation

/// CSV text rules (RFC 4180) and number formatting shared by the exports.
public enum CSVFormat {
    /// A field, quoted when it holds a comma, quote, CR or LF (quotes doubled).
    public static func field(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    public static func row(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\r\n" }

    /// 12 → "12", 0.5 → "0.5", nil → "".
    public static func number(_ v: Double?) -> String {
        guard let v else { return "" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }
}
