import Foundation
import NianbaoCore

/// The label typo replacements from the bundled `label-aliases.json` (data, not code).
public struct LabelAliases: Sendable {
    public struct Replacement: Sendable {
        public let from: String
        public let to: String
        let fromScalars: [Unicode.Scalar]
        let toScalars: [Unicode.Scalar]
        public init(from: String, to: String) {
            self.from = from
            self.to = to
            fromScalars = Array(from.unicodeScalars)
            toScalars = Array(to.unicodeScalars)
        }
    }

    public let replacements: [Replacement]

    public init(replacements: [Replacement]) { self.replacements = replacements.filter { !$0.fromScalars.isEmpty } }

    /// Loaded once from Resources/label-aliases.json; empty (with no replacements) if it is missing.
    public static let bundled: LabelAliases = {
        guard let url = FormatSchema.resourceURL("label-aliases", ext: "json"),
              let data = try? Data(contentsOf: url),
              let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = obj["replacements"] as? [[String: Any]] else {
            return LabelAliases(replacements: [])
        }
        return LabelAliases(replacements: list.compactMap { item in
            guard let f = item["from"] as? String, let t = item["to"] as? String else { return nil }
            return Replacement(from: f, to: t)
        })
    }()

    /// Replaces every occurrence of each `from` with its `to`, in list order.
    func apply(_ input: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var a = input
        for r in replacements {
            let f = r.fromScalars
            guard a.count >= f.count, let head = f.first, a.contains(head) else { continue }
            var out: [Unicode.Scalar] = []
            var i = 0
            var changed = false
            while i < a.count {
                if a[i] == head, i + f.count <= a.count, a[i..<(i + f.count)].elementsEqual(f) {
                    out.append(contentsOf: r.toScalars)
                    i += f.count
                    changed = true
                } else {
                    out.append(a[i])
                    i += 1
                }
            }
            if changed { a = out }
        }
        return a
    }
}
