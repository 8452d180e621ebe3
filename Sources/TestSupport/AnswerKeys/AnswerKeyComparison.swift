import NianbaoCore

/// How a record differs from a hand-written key, as lines of text (empty when they agree), for
/// every test that checks a record against a key: Parsing, Extraction, CLI.
extension AnswerKey {
    /// Cells of the key the record misses or holds with another value, and cells the record holds
    /// that the key does not (e.g. both （六）其他处理 shapes filled).
    public func cellMismatches(in record: ReportRecord) -> [String] {
        var out: [String] = []
        for (path, expected) in cells.sorted(by: { $0.key < $1.key }) {
            guard let got = record.cell(path) else { out.append("\(path): missing (expected \(Self.show(expected)))"); continue }
            if got != expected { out.append("\(path): got \(Self.show(got)), expected \(Self.show(expected))") }
        }
        for p in Set(record.allCells.map(\.path)).subtracting(cells.keys).sorted() {
            out.append("\(p): in the record but not in the key")
        }
        return out
    }

    /// Template, agency, year, publication date and (when the key has one) title that differ.
    public func metadataMismatches(in record: ReportRecord) -> [String] {
        var out: [String] = []
        if record.template != template { out.append("template: got \(record.template), expected \(template)") }
        if record.agency != agency { out.append("agency: got \(record.agency ?? "nil"), expected \(agency ?? "nil")") }
        if record.year != year { out.append("year: got \(record.year.map(String.init) ?? "nil"), expected \(year.map(String.init) ?? "nil")") }
        if record.published != published { out.append("published: got \(record.published ?? "nil"), expected \(published ?? "nil")") }
        if let title, record.title != title { out.append("title: got \(record.title ?? "nil"), expected \(title)") }
        return out
    }

    static func show(_ v: Double?) -> String { v.map { "\($0)" } ?? "blank" }
}
