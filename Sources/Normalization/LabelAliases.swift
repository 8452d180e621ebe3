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

    /// Replacements by their first scalar, for a single pass over each line.
    let byHead: [Unicode.Scalar: [Int]]
    /// The distinct first scalars (a handful): a linear scan beats hashing every character.
    let heads: [UInt32]

    public init(replacements: [Replacement]) {
        self.replacements = replacements.filter { !$0.fromScalars.isEmpty }
        var heads: [Unicode.Scalar: [Int]] = [:]
        for (i, r) in self.replacements.enumerated() { heads[r.fromScalars[0], default: []].append(i) }
        byHead = heads
        self.heads = heads.keys.map(\.value).sorted()
    }

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

    /// Replaces every occurrence of each `from` with its `to` (the first listed wins at a position).
    func apply(_ input: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard !byHead.isEmpty else { return input }
        var out: [Unicode.Scalar]? = nil
        var i = 0
        let n = input.count
        while i < n {
            let v = input[i].value
            if v >= 0x5B, heads.contains(v), let candidates = byHead[input[i]] {
                var matched: Replacement? = nil
                for c in candidates {
                    let f = replacements[c].fromScalars
                    if i + f.count <= n, input[i..<(i + f.count)].elementsEqual(f) { matched = replacements[c]; break }
                }
                if let m = matched {
                    if out == nil { out = Array(input[0..<i]) }
                    out!.append(contentsOf: m.toScalars)
                    i += m.fromScalars.count
                    continue
                }
            }
            out?.append(input[i])
            i += 1
        }
        return out ?? input
    }
}
