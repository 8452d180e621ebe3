import Testing
@testable import Extraction

@Suite struct PDFCellTextTests {
    @Test(arguments: ["1362", "96171.6", "3,119", "-8", "+1036", "251000元", "12件", "4068.208", " 0 ", "80万元"])
    func numbers(_ s: String) { #expect(PDFCellText.isNumber(s)) }

    @Test(arguments: ["", "1.", "1.属于国家秘密", "2024年", "-", "—", "/", "无", "1.2.3", "一", "第3页", "12a"])
    func notNumbers(_ s: String) { #expect(!PDFCellText.isNumber(s)) }

    @Test func placeholders() {
        for s in ["-", "—", "/", "无", "0"] { #expect(PDFCellText.isValueLike(s)) }
        #expect(!PDFCellText.isValueLike("总计"))
    }

    @Test func enumeratedLabels() {
        for s in ["一、本年新收", "（三）不予公开", "(二) 部分公开", "1.属于国家秘密", "2、重复申请", "3．其他", "第二十条第（一）项"] {
            #expect(PDFCellText.startsEnumerated(s), "\(s)")
        }
        for s in ["予公开", "形，不计其他情形）", "信息内容", "2024年", "第三方"] { #expect(!PDFCellText.startsEnumerated(s), "\(s)") }
    }

    @Test func cjkJoin() {
        #expect(TextJoin.joinWrapped(["商业企", "业"]) == "商业企业")
        #expect(TextJoin.joinWrapped(["The first", "line"]) == "The first line")
        #expect(TextJoin.join("自", "2024", spaced: true) == "自2024")
    }
}
