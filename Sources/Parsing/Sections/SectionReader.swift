/// The narrative text of the six sections: the lines between one heading and the next, without the
/// lines that belong to the three tables.
enum SectionReader {
    static func read(_ stream: CellStream, regions: TableRegions, tableLines: [ClosedRange<Int>]) -> [String: String] {
        var out: [String: String] = [:]
        let heads = regions.headings.sorted { $0.index < $1.index }
        for (n, h) in heads.enumerated() {
            let first = stream.cells[h.index].line + 1
            let last = n + 1 < heads.count ? stream.cells[heads[n + 1].index].line - 1 : stream.lines.count - 1
            guard first <= last else { out[h.key] = ""; continue }
            var parts: [String] = []
            for l in first...last where !tableLines.contains(where: { $0.contains(l) }) {
                let t = LineSplitter.trim(stream.lines[l])
                if !t.isEmpty, !t.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { parts.append(String(t)) }
            }
            out[h.key] = parts.joined(separator: "\n")
        }
        return out
    }
}
