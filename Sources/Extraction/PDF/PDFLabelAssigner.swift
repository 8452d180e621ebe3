/// Gives every row of numbers its label cells, working from the innermost label column outwards
/// (see PDFTableBuilder for the rules).
struct PDFLabelAssigner {
    var L: Int
    var V: Int
    var em: Double
    var dataRows: [PDFDataRow]
    var fragments: [PDFFragment]

    struct Block {
        var col: Int
        var y0: Double
        var y1: Double
        var pieces: [String]
        var text: String { TextJoin.joinWrapped(pieces) }
        var center: Double { (y0 + y1) / 2 }
    }

    func rows() -> [PDFGridRow] {
        var data = dataRows.sorted { $0.y0 < $1.y0 }
        var blocksByCol = (0..<L).map { blocks(col: $0, data: data) }
        // Leaf-column labels with no numbers beside them are rows of their own (blank cells, captions).
        let leaf = L - 1
        for b in blocksByCol[leaf] where covered(b, data).isEmpty {
            data.append(PDFDataRow(y0: b.y0, y1: b.y1, values: [String](repeating: "", count: V)))
        }
        data.sort { $0.y0 < $1.y0 }
        blocksByCol[leaf] = blocks(col: leaf, data: data)
        let n = data.count
        var own = [[Int: String]](repeating: [:], count: n)          // row → col → text
        var extent = data.map { ($0.y0, $0.y1) }
        var parent = [[Int: Int]](repeating: [:], count: n)          // row → col → span id
        var spans: [(text: String, col: Int)] = []
        var extraRows: [PDFGridRow] = []

        for b in blocksByCol[leaf] {
            let cov = covered(b, data)
            guard let r = cov.max(by: { overlap(b, data[$0]) < overlap(b, data[$1]) }) else { continue }
            own[r][leaf] = TextJoin.joinWrapped([own[r][leaf] ?? "", b.text])
            extent[r] = (min(extent[r].0, b.y0), max(extent[r].1, b.y1))
        }
        if L >= 2 {
            for k in stride(from: L - 2, through: 0, by: -1) {
                func hasDeeper(_ r: Int) -> Bool { own[r].keys.contains { $0 > k } || parent[r].keys.contains { $0 > k } }
                var parents: [Block] = []
                for b in blocksByCol[k] {
                    let cov = covered(b, data)
                    let above = data.lastIndex { $0.y1 <= b.center }, below = data.firstIndex { $0.y0 >= b.center }
                    let isParent = cov.count >= 2 || (cov.count == 1 && hasDeeper(cov[0]))
                        || (cov.isEmpty && above.map(hasDeeper) == true && below.map(hasDeeper) == true)
                    if isParent { parents.append(b); continue }
                    if let r = cov.first {
                        own[r][k] = TextJoin.joinWrapped([own[r][k] ?? "", b.text])
                        extent[r] = (min(extent[r].0, b.y0), max(extent[r].1, b.y1))
                    } else {
                        var cells = [PDFGridRow.Cell](repeating: .init(text: ""), count: L + V)
                        cells[k] = .init(text: b.text)
                        extraRows.append(PDFGridRow(y: b.y0, cells: cells))
                    }
                }
                // Rows that need a parent in column k: labelled further right, not at or left of k, and
                // not numbered like the parents themselves (一、… beside a vertical 三、… is its sibling).
                let parentClasses = Set(parents.map { PDFCellText.enumeratorClass($0.text) }).subtracting([0])
                let needs = (0..<n).map { r in
                    hasDeeper(r) && !own[r].keys.contains { $0 <= k }
                        && !parentClasses.contains(own[r].filter { $0.key > k }.min { $0.key < $1.key }.map { PDFCellText.enumeratorClass($0.value) } ?? 0)
                }
                var runs: [ClosedRange<Int>] = []
                var r = 0
                while r < n {
                    if needs[r] {
                        var e = r
                        while e + 1 < n, needs[e + 1] { e += 1 }
                        runs.append(r...e)
                        r = e + 1
                    } else { r += 1 }
                }
                let bounds = rowBounds(extent)
                for run in runs {
                    let inRun = parents.filter { $0.center >= bounds[run.lowerBound].0 - em && $0.center <= bounds[run.upperBound].1 + em }
                    guard !inRun.isEmpty else { continue }
                    // Numbered sub-rows restart at 1 under each parent ("1.属于国家秘密" … "1.本机关不掌握…").
                    let firsts = run.filter { r in
                        own[r].filter { $0.key > k }.min { $0.key < $1.key }.map { Self.isFirstItem($0.value) } ?? false
                    }
                    let split: [[Int]]
                    if firsts.count == inRun.count {
                        // Rows before the first group (（一）, （二） beside a vertical label) get no parent here.
                        split = firsts.enumerated().map { i, f in Array(f...(i + 1 < firsts.count ? firsts[i + 1] - 1 : run.upperBound)) }
                    } else {
                        split = distribute(inRun, run, bounds)
                    }
                    for (b, rows) in zip(inRun, split) {
                        spans.append((b.text, k))
                        for row in rows { parent[row][k] = spans.count - 1 }
                    }
                }
            }
        }
        // Assemble.
        var out: [PDFGridRow] = []
        for r in 0..<n {
            var cells = [PDFGridRow.Cell](repeating: .init(text: ""), count: L + V)
            for (k, id) in parent[r] { cells[k] = .init(text: spans[id].text, spanID: id) }
            let ownCols = own[r].keys.sorted()
            for (i, k) in ownCols.enumerated() {
                let end = i + 1 < ownCols.count ? ownCols[i + 1] - 1 : L - 1
                var stop = k
                while stop < end, parent[r][stop + 1] == nil { stop += 1 }
                for c in k...stop {
                    cells[c] = .init(text: own[r][k]!, colsBack: c - k, colSpan: stop - k + 1)
                }
            }
            for (i, v) in data[r].values.enumerated() { cells[L + i] = .init(text: v) }
            out.append(PDFGridRow(y: data[r].y0, cells: cells))
        }
        return out + extraRows
    }

    /// "1.…", "1、…", "1．…": the first numbered item under a heading.
    static func isFirstItem(_ text: String) -> Bool {
        let t = text.drop { $0.isWhitespace }
        guard t.first == "1", let sep = t.dropFirst().first else { return false }
        return sep == "." || sep == "、" || sep == "．" || sep == " "
    }

    // MARK: blocks and geometry

    func blocks(col: Int, data: [PDFDataRow]) -> [Block] {
        let frags = fragments.filter { $0.col == col }.sorted { $0.seg.y0 < $1.seg.y0 }
        var out: [Block] = []
        var dataLinesInBlock: Set<Int> = []
        for f in frags {
            let line = data.firstIndex { min($0.y1, f.seg.y1) - max($0.y0, f.seg.y0) > 0 }
            if var b = out.last, f.seg.y0 - b.y1 <= 1.3 * em, !PDFCellText.startsEnumerated(f.seg.text),
               !(col == L - 1 && line != nil && !dataLinesInBlock.isEmpty && !dataLinesInBlock.contains(line!)) {
                b.y1 = max(b.y1, f.seg.y1)
                b.pieces.append(f.seg.text)
                out[out.count - 1] = b
            } else {
                out.append(Block(col: col, y0: f.seg.y0, y1: f.seg.y1, pieces: [f.seg.text]))
                dataLinesInBlock = []
            }
            if let line { dataLinesInBlock.insert(line) }
        }
        return out
    }

    func overlap(_ b: Block, _ d: PDFDataRow) -> Double { min(b.y1, d.y1) - max(b.y0, d.y0) }

    /// Rows of numbers the block overlaps by more than a third of the row's height (boxes of
    /// neighbouring lines may touch).
    func covered(_ b: Block, _ data: [PDFDataRow]) -> [Int] {
        data.indices.filter { overlap(b, data[$0]) > 0.3 * max(data[$0].y1 - data[$0].y0, 1) }
    }

    /// Top and bottom of each row: halfway to its neighbours.
    func rowBounds(_ extent: [(Double, Double)]) -> [(Double, Double)] {
        extent.indices.map { i in
            let top = i == 0 ? extent[i].0 : (extent[i - 1].1 + extent[i].0) / 2
            let bottom = i == extent.count - 1 ? extent[i].1 : (extent[i].1 + extent[i + 1].0) / 2
            return (min(top, extent[i].0), max(bottom, extent[i].1))
        }
    }

    /// Splits a run of rows among its parent blocks. Top-aligned cells start at their first row;
    /// otherwise each block sits at the vertical centre of the rows it spans.
    func distribute(_ blocks: [Block], _ run: ClosedRange<Int>, _ bounds: [(Double, Double)]) -> [[Int]] {
        let topAligned = blocks.count > 1 && blocks.allSatisfy { b in
            run.contains { abs(bounds[$0].0 - b.y0) < 0.6 * em || (b.y0 >= bounds[$0].0 && b.y0 - bounds[$0].0 < 0.6 * em) }
        }
        var result: [[Int]] = []
        var s = run.lowerBound
        for (i, b) in blocks.enumerated() {
            let remaining = blocks.count - i - 1
            let maxE = run.upperBound - remaining
            if s > maxE { result.append([]); continue }
            if remaining == 0 { result.append(Array(s...run.upperBound)); break }
            var e = s
            if topAligned {
                let nextTop = blocks[i + 1].y0
                while e < maxE, bounds[e + 1].0 < nextTop - 0.3 * em { e += 1 }
            } else {
                let desired = 2 * b.center - bounds[s].0
                for cand in s...maxE where abs(bounds[cand].1 - desired) < abs(bounds[e].1 - desired) { e = cand }
            }
            result.append(Array(s...e))
            s = e + 1
        }
        return result
    }
}
