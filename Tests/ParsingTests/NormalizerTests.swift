import Testing
import NianbaoCore
import Normalization
import TestSupport

/// The Normalizer's canonical text, case by case.
@Suite struct NormalizerTests {
    let n = Normalizer()

    @Test func widthBracketsQuotesAndSpaces() {
        #expect(n.normalizeText("（一）予以公开　１２３") == "(一)予以公开 123")
        #expect(n.normalizeText("3.危及“三安全一稳定”") == "3.危及\"三安全一稳定\"")
        #expect(n.normalizeText("本年\u{200B}制发\u{FEFF}件数") == "本年制发件数")
        // Sentence punctuation stays Chinese.
        #expect(n.normalizeText("一是加强领导，二是强化责任；") == "一是加强领导，二是强化责任；")
    }

    @Test func labelsBrokenBySpacesCloseUp() {
        #expect(n.normalizeText("三 、本 年 度办 理 结果") == "三、本年度办理结果")
        #expect(n.normalizeText("结果 维持\t结果 纠正") == "结果维持\t结果纠正")
        // Layout columns (two or more spaces) stay apart; a number after a label keeps its space.
        #expect(n.normalizeText("商业企业    科研机构") == "商业企业    科研机构")
        #expect(n.normalizeText("2023 年") == "2023 年")
    }

    @Test func cellsAndHeadingsJoinAcrossLineBreaks() {
        #expect(n.normalizeInline("商业\n\n企业") == "商业企业")
        #expect(n.normalizeInline("  本年新\n制作数量 ") == "本年新制作数量")
        #expect(n.normalizeInline("\u{00A0}") == "")
    }

    @Test func blankCellMarkersSurvive() {
        // A line holding only a NBSP is an explicit blank cell; a tab-only line is a span filler.
        #expect(n.normalizeText("0\n\u{00A0}\n0") == "0\n\u{00A0}\n0")
        #expect(n.normalizeText("\t\n0") == "\t\n0")
        #expect(n.normalizeText("规章\t\u{00A0}\t0") == "规章\t\u{00A0}\t0")
    }

    @Test func artifactsAreRemoved() {
        #expect(n.normalizeText("\t[bookmark: _GoBack]未经复议直接起诉") == "\t未经复议直接起诉")
        #expect(n.normalizeText("正文\n-3-\n续") == "正文\n\n续")
        #expect(n.normalizeText("a\r\nb\u{0C}c") == "a\nb\nc")
    }

    @Test func typosFromTheAliasListAreFixed() {
        #expect(n.normalizeText("本年度止件数") == "本年废止件数")
        #expect(n.normalizeText("2.其他法律行政止公开") == "2.其他法律行政法规禁止公开")
        #expect(n.normalizeText("3.危及三安全一稳定") == "3.危及\"三安全一稳定\"")
        #expect(n.normalizeText("1.申请人无正当理由逾期不补正、行政机关不再处理政府信息公开申请")
                == "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")
        #expect(!LabelAliases.bundled.replacements.isEmpty)
    }

    @Test func documentIsMarkedNormalizedAndGridsCleaned() {
        let grid = TableGrid(strings: [["结果\n维持", "\u{00A0}", "１２"]])
        let d = n.normalize(Document(metadata: DocumentMetadata(title: "  某局２０２３年报告 "), blocks: [.table(grid), .heading("一、 总体情况")]))
        #expect(d.isNormalized)
        #expect(d.metadata.title == "某局2023年报告")
        #expect(d.blocks[0].table?.rows[0].map(\.text) == ["结果维持", "", "12"])
        #expect(d.blocks[1].text == "一、总体情况")
    }
}
