import NianbaoCore

/// A precompiled set of labels (row labels of one table, or section headings): core → key, with
/// prefix matching for labels wrapped across lines and fuzzy matching for typos.
struct LabelCatalog: Sendable {
    struct Entry: Sendable {
        var key: String
        var core: [Unicode.Scalar]
        var number: Int?
    }

    private(set) var exact: [String: String] = [:]
    /// Enumerator-qualified cores ("(六)其他" vs "3.其他"): checked before the bare core.
    private(set) var qualified: [LabelKey: String] = [:]
    private(set) var entries: [Entry] = []
    /// Whether a label may match a longer known label it is the start of (wrapped table labels).
    var allowPrefix = true

    mutating func add(key: String, label: String) {
        let k = LabelKey(label)
        guard !k.core.isEmpty else { return }
        if exact[k.core] == nil { exact[k.core] = key }
        if k.enumerator != .none, qualified[k] == nil { qualified[k] = key }
        entries.append(Entry(key: key, core: Array(k.core.unicodeScalars), number: k.number))
    }

    /// The key for a label's exact core, or nil.
    func exactMatch(_ label: LabelKey) -> String? { exact[label.core] }

    /// The key for a label, or nil. `memo` caches slow-path results across one parse.
    func match(_ label: LabelKey, memo: inout [String: String?]) -> String? {
        if label.enumerator != .none, let k = qualified[label] { return k }
        if let k = exact[label.core] { return k }
        if label.core.count < 2 { return nil }
        let memoKey = "\(label.number ?? -1)|\(label.core)"
        if let m = memo[memoKey] { return m }
        let result = slowMatch(label)
        memo[memoKey] = .some(result)
        return result
    }

    private func slowMatch(_ label: LabelKey) -> String? {
        let c = Array(label.core.unicodeScalars)
        guard c.count <= 80 else { return nil }
        // A label wrapped across lines: the first line is a prefix of a known label.
        if allowPrefix && c.count >= 4 {
            let prefixed = entries.filter { $0.core.count > c.count && $0.core.starts(with: c) }
            if let one = pick(prefixed, number: label.number) { return one }
        }
        // Typos: best similarity, enumerator agreement counts.
        guard c.count >= 4 else { return nil }
        var best: (String, Double)? = nil
        for e in entries where e.core.count <= c.count * 2 + 2 && c.count <= e.core.count * 2 + 2 {
            var score = Fuzzy.dice(c, e.core)
            if let n = label.number, let m = e.number { score += (n == m) ? 0.05 : -0.1 }
            if score > (best?.1 ?? 0) { best = (e.key, score) }
        }
        if let b = best, b.1 >= 0.72 { return b.0 }
        return nil
    }

    private func pick(_ list: [Entry], number: Int?) -> String? {
        let keys = Set(list.map(\.key))
        if keys.count == 1 { return keys.first }
        guard let n = number else { return nil }
        let same = Set(list.filter { $0.number == n }.map(\.key))
        return same.count == 1 ? same.first : nil
    }
}
