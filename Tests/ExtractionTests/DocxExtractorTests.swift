import Foundation
import Testing
import NianbaoCore
import TestSupport
import ZIPFoundation
@testable import Extraction

/// The Word tables of the seed .docx fixtures, with the spans the official format has.
@Suite struct DocxExtractorTests {
    func doc(_ name: String) throws -> Document {
        try DocxExtractor().extract(file: Fixtures.fixture("docx/\(name)"), sourceName: name)
    }

    @Test func spansOfTableThree() throws {
        let d = try doc("seed-002.docx")
        #expect(d.metadata.mediaType == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        #expect(d.metadata.title == "金水区司法局 2023 年政府信息公开工作年度报告")   // as the seed writes it
        let grid = try #require(GridProbe.table(d, containing: "本年新收"))
        #expect(grid.columnCount == 10 && grid.rowCount == 28)
        let corner = grid.rows[2][2]   // covered by the corner cell
        #expect(corner.originRow == 0 && corner.originColumn == 0 && corner.rowSpan == 3 && corner.colSpan == 3)
        #expect(corner.text.hasPrefix("（本列数据的勾稽关系为"))
        #expect(grid.rows[0][9].text == "申请人情况" && grid.rows[0][9].originColumn == 3 && grid.rows[0][9].colSpan == 7)
        #expect(grid.rows[2][3].text == "自然人" && grid.rows[2][3].originRow == 1 && grid.rows[2][3].rowSpan == 2)
        // 三、本年度办理结果: rows (一) … (七), i.e. grid rows 5…26.
        #expect(grid.rows[5][0].text == "三、本年度办理结果" && grid.rows[5][0].isOrigin(row: 5, column: 0))
        #expect(grid.rows[26][0].originRow == 5 && grid.rows[5][0].rowSpan == 22)
        #expect(grid.rows[27][0].text == "四、结转下年度继续办理" && grid.rows[27][0].colSpan == 3)
        // （三）不予公开 spans its eight rows.
        #expect(grid.rows[7][1].text == "（三）不予公开" && grid.rows[7][1].rowSpan == 8 && grid.rows[14][1].originRow == 7)
        #expect(grid.rows[3].suffix(7).map(\.text) == ["1", "0", "0", "0", "0", "0", "1"])
        // Span copies are blank in the tab-separated rendering.
        #expect(grid.tabSeparated.split(separator: "\n")[3] == "一、本年新收政府信息公开申请数量\t\t\t1\t0\t0\t0\t0\t0\t1")
    }

    @Test func tableTwoSingleValueCellsSpanColumns() throws {
        let grid = try #require(GridProbe.table(try doc("seed-001.docx"), containing: "行政许可"))
        let row = try #require(grid.rows.first { $0[0].text == "行政许可" })
        #expect(row[1].text == "0" && row[1].colSpan == 3 && row[3].originColumn == 1)
        let caption = try #require(grid.rows.first { $0[0].text == "第二十条第（五）项" })
        #expect(caption[0].colSpan == 4)
        #expect(grid.rows.first { $0[0].text == "行政规范性文件" }.map { $0.map(\.text) } == ["行政规范性文件", "1", "0", "14"])
    }

    @Test func headingsAndParagraphs() throws {
        let d = try doc("seed-000.docx")
        #expect(d.blocks.first?.kind == .heading && d.blocks.first?.level == 1)
        let headings = d.blocks.filter { $0.kind == .heading }.map(\.text)
        #expect(headings.contains("二、主动公开政府信息情况") && headings.contains("六、其他需要报告的事项"))
        #expect(d.blocks.contains { $0.kind == .paragraph && $0.text.hasPrefix("2023 年，区信访局坚持以习近平") })
    }

    /// Runs split inside a word ("（", "四", "）", "无法提供") come back as one text; tabs and breaks kept.
    @Test func runsJoinedInOrder() throws {
        let xml = """
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
        <w:p><w:r><w:t>（</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>四</w:t></w:r><w:r><w:t>）</w:t></w:r>\
        <w:ins><w:r><w:t>无法提供</w:t></w:r></w:ins><w:del><w:r><w:delText>删除</w:delText></w:r></w:del>\
        <w:r><w:tab/><w:t xml:space="preserve">1 </w:t><w:br/><w:t>2</w:t></w:r></w:p>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>
        </w:body></w:document>
        """
        let url = try Self.makeDocx(documentXML: Data(xml.utf8))
        defer { try? FileManager.default.removeItem(at: url) }
        let d = try DocxExtractor().extract(file: url, sourceName: "runs.docx")
        #expect(d.blocks.first?.text == "（四）无法提供\t1 \n2")
        let grid = try #require(d.blocks.last?.table)
        #expect(grid.rows[1][1].text == "b" && grid.rows[1][1].originRow == 0 && grid.rows[0][1].rowSpan == 2)
        #expect(grid.rows[1][0].text == "")
    }

    /// Chinese Word files name their heading styles by number ("1" → "heading 1" in styles.xml);
    /// w:outlineLvl also marks a heading; docProps/core.xml gives the title when no heading does.
    @Test func headingStylesByNameAndOutlineLevel() throws {
        let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        let doc = """
        <w:document \(w)><w:body>
        <w:p><w:pPr><w:pStyle w:val="2"/></w:pPr><w:r><w:t>一、总体情况</w:t></w:r></w:p>
        <w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>（一）主动公开</w:t></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="a3"/></w:pPr><w:r><w:t>正文</w:t></w:r></w:p>
        </w:body></w:document>
        """
        let styles = """
        <w:styles \(w)><w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 1"/></w:style>\
        <w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Body Text"/></w:style></w:styles>
        """
        let core = """
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>某某局2024年政府信息公开工作年度报告</dc:title></cp:coreProperties>
        """
        let url = try Self.makeDocx(documentXML: Data(doc.utf8), extra: [("word/styles.xml", Data(styles.utf8)),
                                                                         ("docProps/core.xml", Data(core.utf8))])
        defer { try? FileManager.default.removeItem(at: url) }
        let d = try DocxExtractor().extract(file: url, sourceName: "styles.docx")
        #expect(d.blocks.map(\.kind) == [.heading, .heading, .paragraph])
        #expect(d.blocks[0].level == 2 && d.blocks[1].level == 3)
        // A section heading is not a title: the core title is used.
        #expect(d.metadata.title == "某某局2024年政府信息公开工作年度报告")
        let bare = try Self.makeDocx(documentXML: Data("<w:document \(w)><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>".utf8),
                                     extra: [("docProps/core.xml", Data(core.utf8))])
        defer { try? FileManager.default.removeItem(at: bare) }
        #expect(try DocxExtractor().extract(file: bare, sourceName: "b.docx").metadata.title == "某某局2024年政府信息公开工作年度报告")
    }

    /// A package with only [Content_Types].xml and word/document.xml (built with ZIPFoundation).
    static func makeDocx(documentXML: Data, extra: [(String, Data)] = []) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-test-\(UUID().uuidString).docx")
        let archive = try Archive(url: url, accessMode: .create)
        for (path, data) in [("[Content_Types].xml", Data("<Types/>".utf8)), ("word/document.xml", documentXML)] + extra {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { pos, size in
                data.subdata(in: Int(pos)..<(Int(pos) + size))
            }
        }
        return url
    }
}
