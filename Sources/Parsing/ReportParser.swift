import NianbaoCore

/// Why a document did not yield a report.
public struct ParseError: Error, CustomStringConvertible, Sendable {
    public enum Kind: String, Sendable { case notAReport = "not_a_report", tablesNotFound = "tables_not_found" }
    public var kind: Kind
    public var source: String
    public var reason: String
    public init(kind: Kind, source: String, reason: String) {
        self.kind = kind
        self.source = source
        self.reason = reason
    }
    public var description: String { "\(source): \(reason)" }
}

/// Stage 4: canonical Document in, ReportRecord out.
///
/// Works on every input shape the Extractor produces: table grids (HTML, .docx, PDF), and text runs
/// holding tab-separated rows, one cell per line, pipe rows or `pdftotext -layout` columns. The
/// template (2019/2021) is detected from the labels; values are numbers or null with the raw text
/// kept in `cells_raw`; the schema's arithmetic rules are evaluated into `findings`.
/// Throws `ParseError` when the document is not a report (.notAReport) or when table 三 cannot be
/// found (.tablesNotFound); the reason says what is missing.
public struct ReportParser: Sendable {
    public init() {}

    public func parse(_ document: Document) throws -> ReportRecord {
        let doc = document
        let source = doc.metadata.sourceName ?? "document"
        // Every report's table 三 says 政府信息公开申请: without it there is nothing to parse (cheap check
        // before building the cell stream of a large non-report).
        let mentions = doc.blocks.contains { b in
            b.text.has("政府信息公开") || (b.table?.rows.contains { $0.contains { $0.text.has("政府信息公开") } } ?? false)
        } || (doc.metadata.title?.has("政府信息公开") ?? false)
        if !mentions {
            let notes = doc.notes.isEmpty ? "" : " (\(doc.notes.joined(separator: "; ")))"
            throw ParseError(kind: .notAReport, source: source, reason: (doc.hasNoText ? "not an annual report: the document has no text"
                : "not an annual report: no 政府信息公开年度报告 title, section headings or statistical tables found") + notes)
        }
        let catalogs = Catalogs.shared
        let stream = CellStream(document: doc)
        var memo: [String: String?] = [:]
        let regions = TableRegions(stream: stream, catalogs: catalogs, memo: &memo)
        let meta = MetadataReader(lines: (Array(stream.lines.prefix(60)) + Array(stream.lines.suffix(8))).map { String(LineSplitter.trim($0)) },
                                  metadataTitle: doc.metadata.title, metadataPublished: doc.metadata.published)

        guard let t3Range = regions.t3 else {
            throw missingTables(source: source, regions: regions, meta: meta, stream: stream)
        }
        let template = TemplateDetector.detect(stream, t2: regions.t2, t3: regions.t3, catalogs: catalogs)
        let t3 = Table3Reader.read(stream, range: t3Range, template: template, catalogs: catalogs, memo: &memo)
        guard t3.rows.values.contains(where: { $0.contains { $0?.kind == .value } }) else {
            throw ParseError(kind: .tablesNotFound, source: source,
                             reason: "table 三 (收到和处理政府信息公开申请情况) has no readable rows" + missingList(regions, t3Found: false))
        }
        let t2 = regions.t2.map { Table2Reader.read(stream, range: $0, template: template, catalogs: catalogs, memo: &memo) }
        let t4 = regions.t4.flatMap { Table4Reader.read(stream, range: $0) }

        var builder = RecordBuilder(template: template, schema: catalogs.schema)
        builder.fillT2(t2?.rows ?? [:])
        builder.fillT3(t3.rows, order: t3.order)
        builder.fillT4(t4?.cells)
        for note in (t2?.notes ?? []) + t3.notes + (t4?.notes ?? []) {
            builder.findings.append(Finding(rule: "table_layout", severity: .warning, cells: [], message: note))
        }

        var record = ReportRecord(agency: meta.agency, year: meta.year, template: template, title: meta.title,
                                  published: meta.published, tables: builder.tables, cellsRaw: builder.cellsRaw)
        record.source.mediaType = doc.metadata.mediaType
        record.source.charset = doc.metadata.charset
        record.findings = builder.findings + RuleEngine(template: template).evaluate(record)

        var tableLines: [ClosedRange<Int>] = []
        func lines(_ a: Int, _ b: Int) { if a <= b, b < stream.cells.count { tableLines.append(stream.cells[a].line...stream.cells[b].line) } }
        if let r = regions.t2, let t2 { lines(r.lowerBound, max(r.lowerBound, t2.end)) }
        lines(t3Range.lowerBound, max(t3Range.lowerBound, t3.end))
        if let r = regions.t4, let t4 { lines(r.lowerBound, max(r.lowerBound, t4.end)) }
        record.sections = SectionReader.read(stream, regions: regions, tableLines: tableLines)
        return record
    }

    private func missingTables(source: String, regions: TableRegions, meta: MetadataReader, stream: CellStream) -> ParseError {
        if !stream.cells.contains(where: { $0.kind != .blank }) {
            return ParseError(kind: .notAReport, source: source, reason: "not an annual report: the document has no text")
        }
        let looksLikeReport = meta.title.map(MetadataReader.looksLikeTitle) == true || regions.headings.count >= 2 || regions.t2 != nil
        if !looksLikeReport {
            return ParseError(kind: .notAReport, source: source,
                              reason: "not an annual report: no 政府信息公开年度报告 title, section headings or statistical tables found")
        }
        return ParseError(kind: .tablesNotFound, source: source,
                          reason: "table 三 (收到和处理政府信息公开申请情况) not found" + missingList(regions, t3Found: false))
    }

    private func missingList(_ regions: TableRegions, t3Found: Bool) -> String {
        var missing: [String] = []
        if regions.t2 == nil { missing.append("table 二 (主动公开政府信息情况)") }
        if regions.t4 == nil { missing.append("table 四 (行政复议、行政诉讼)") }
        return missing.isEmpty ? "" : "; also missing: " + missing.joined(separator: ", ")
    }
}
