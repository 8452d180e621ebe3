import Foundation
import NianbaoCore
import Testing
@testable import Extraction

/// Extracts an HTML string (UTF-8) and returns its table grids.
func grids(_ html: String) throws -> [TableGrid] {
    try HTMLExtractor().extract(data: Data(html.utf8), sourceName: "inline.html").blocks.compactMap(\.table)
}

@Suite struct TableGridBuilderTests {
    @Test func wordSpansAndFontsAreConcatenatedWithoutSpaces() throws {
        let html = """
        <table><tr><td><p class=MsoNormal><span>（</span><span lang=EN-US>四</span><span>）</span><font face=宋体>无法
        提供</font></p></td><td><span lang=EN-US>1</span><span lang=EN-US>2</span><span
        lang=EN-US>3</span></td><td><p class=MsoNormal><span lang=EN-US>&nbsp;<o:p></o:p></span></p></td></tr></table>
        """
        let g = try #require(try grids(html).first)
        #expect(g.rows[0].map(\.text) == ["（四）无法提供", "123", ""])
    }

    @Test func brAndParagraphsInACellBecomeLineBreaks() throws {
        let g = try #require(try grids("<table><tr><td>本年新<br>制作数量</td><td><p>商业</p><p>企业</p></td><td>a  b</td></tr></table>").first)
        #expect(g.rows[0].map(\.text) == ["本年新\n制作数量", "商业\n企业", "a b"])
    }

    @Test func spansAreClampedAndGarbageCountsAsOne() throws {
        let html = """
        <table><tr><td rowspan="0">r0</td><td colspan="abc">g</td><td colspan="99999">wide</td></tr>
        <tr><td rowspan="-3">x</td><td rowspan="50">tall</td></tr></table>
        """
        let g = try #require(try grids(html).first)
        #expect(g.columnCount == 102)               // 1 + 1 + 100 (colspan clamped to 100)
        #expect(g.rowCount == 2)                    // rowspan 50 stops at the last row
        #expect(g.rows[0][0].rowSpan == 1 && g.rows[1][0].text == "x")
        #expect(g.rows[0][2].colSpan == 100 && g.rows[0][101].originColumn == 2)
        #expect(g.rows[1][1].text == "tall" && g.rows[1][1].rowSpan == 1)
        #expect(g.rows[1][2].text == "" && g.rows[1][2].isOrigin(row: 1, column: 2))   // padding: an empty cell of its own
    }

    @Test func rowspanPushesLaterCellsRight() throws {
        let html = """
        <table><thead><tr><th rowspan=2>A</th><th colspan=2>B</th></tr><tr><th>B1</th><th>B2</th></tr></thead>
        <tbody><tr><td>1</td><td>2</td><td>3</td></tr></tbody><tfoot><tr><td colspan=3>foot</td></tr></tfoot></table>
        """
        let g = try #require(try grids(html).first)
        #expect(g.rows.map { $0.map(\.text) } == [["A", "B", "B"], ["A", "B1", "B2"], ["1", "2", "3"], ["foot", "foot", "foot"]])
        #expect(g.rows[1][0].originRow == 0 && g.rows[0][2].originColumn == 1 && g.rows[3][2].originColumn == 0)
    }

    @Test func nestedTablesBecomeTheirOwnGrids() throws {
        let html = """
        <table><tr><td>外1</td><td>外2<table><tr><td>内1</td><td>内2</td></tr><tr><td>内3</td><td>内4</td></tr></table></td></tr>
        <tr><td>外3</td><td>外4</td></tr></table>
        """
        let g = try grids(html)
        try #require(g.count == 2)
        #expect(g[0].rows.map { $0.map(\.text) } == [["外1", "外2"], ["外3", "外4"]])
        #expect(g[1].rows.map { $0.map(\.text) } == [["内1", "内2"], ["内3", "内4"]])
    }

    @Test func layoutTablesAreReadAsText() throws {
        let html = """
        <html><body><table width=1000><tr><td><p>一、总体情况</p><p>本机关……</p>
        <table><tr><td>规章</td><td>0</td></tr></table></td></tr></table></body></html>
        """
        let d = try HTMLExtractor().extract(data: Data(html.utf8), sourceName: "layout.html")
        #expect(d.blocks.map(\.kind) == [.paragraph, .paragraph, .table])
        #expect(d.blocks[0].text == "一、总体情况")
        #expect(d.blocks[2].table?.rows[0].map(\.text) == ["规章", "0"])
    }
}
