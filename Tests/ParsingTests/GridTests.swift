import Foundation
import Testing
import NianbaoCore
import Parsing
import TestSupport

/// An HTML table as written (cells with rowspan/colspan), expanded the way the extractors expand it:
/// every grid position filled, span copies pointing at their origin.
struct HTMLTable {
    struct TD { var text: String; var rs = 1; var cs = 1 }
    var rows: [[TD]]

    var grid: TableGrid {
        var out: [[GridCell?]] = []
        for (r, row) in rows.enumerated() {
            while out.count <= r { out.append([]) }
            var c = 0
            for td in row {
                while c < out[r].count, out[r][c] != nil { c += 1 }
                for dr in 0..<td.rs {
                    while out.count <= r + dr { out.append([]) }
                    for dc in 0..<td.cs {
                        while out[r + dr].count <= c + dc { out[r + dr].append(nil) }
                        out[r + dr][c + dc] = GridCell(text: td.text, originRow: r, originColumn: c, rowSpan: td.rs, colSpan: td.cs)
                    }
                }
                c += td.cs
            }
        }
        return TableGrid(rows: out.enumerated().map { r, row in
            row.enumerated().map { c, cell in cell ?? GridCell(text: "", originRow: r, originColumn: c) }
        })
    }
}

/// Table grids in the official layout (format-spec §2–4) and in Word-exported variants.
@Suite struct GridTests {
    typealias TD = HTMLTable.TD
    static let key = HuaianAnswerKey.key

    static func v(_ path: String) -> String {
        guard let x = key.cells[path] ?? nil else { return "\u{00A0}" }
        return x.rounded() == x ? String(Int(x)) : String(x)
    }

    static func t3Values(_ row: String) -> [TD] { KeyTables.t3Columns.map { TD(text: v("t3.\(row).\($0)")) } }

    /// Table 二 as an HTML table: caption rows span 4 columns; single-value rows span 3.
    static func table2() -> TableGrid {
        var rows: [[TD]] = [[TD(text: "第二十条第（一）项", cs: 4)],
                            [TD(text: "信息内容"), TD(text: "本年制发件数"), TD(text: "本年废止件数"), TD(text: "现行有效件数")]]
        for (label, key) in [("规章", "regulations"), ("行政规范性文件", "normative_docs")] {
            rows.append([TD(text: label)] + ["issued", "repealed", "in_force"].map { TD(text: v("t2.art20_1.\(key).\($0)")) })
        }
        rows.append([TD(text: "第二十条第（五）项", cs: 4)])
        rows.append([TD(text: "信息内容"), TD(text: "本年处理决定数量", cs: 3)])
        rows.append([TD(text: "行政许可"), TD(text: v("t2.art20_5.admin_license.decisions"), cs: 3)])
        rows.append([TD(text: "第二十条第（六）项", cs: 4)])
        rows.append([TD(text: "信息内容"), TD(text: "本年处理决定数量", cs: 3)])
        rows.append([TD(text: "行政处罚"), TD(text: v("t2.art20_6.admin_penalty.decisions"), cs: 3)])
        rows.append([TD(text: "行政强制"), TD(text: v("t2.art20_6.admin_coercion.decisions"), cs: 3)])
        rows.append([TD(text: "第二十条第（八）项", cs: 4)])
        rows.append([TD(text: "信息内容"), TD(text: "本年收费金额（单位：万元）", cs: 3)])
        rows.append([TD(text: "行政事业性收费"), TD(text: v("t2.art20_8.admin_fees.fee_amount"), cs: 3)])
        return HTMLTable(rows: rows).grid
    }

    /// Table 三: corner cell rowspan 3 / colspan 3, 申请人情况 colspan 7, 自然人 and 总计 rowspan 2,
    /// 三、本年度办理结果 rowspan 22, (三) rowspan 8 … Word style splits labels into separate cells and lines.
    static func table3(wordStyle: Bool) -> TableGrid {
        let labelCols = wordStyle ? 4 : 3
        var rows: [[TD]] = [
            [TD(text: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rs: 3, cs: labelCols), TD(text: "申请人情况", cs: 7)],
            [TD(text: "自然人", rs: 2), TD(text: "法人或其他组织", cs: 5), TD(text: "总计", rs: 2)],
            [TD(text: wordStyle ? "商业\n\n企业" : "商业企业"), TD(text: wordStyle ? "科研 机构" : "科研机构"), TD(text: "社会公益组织"),
             TD(text: "法律服务机构"), TD(text: "其他")],
            [TD(text: "一、本年新收政府信息公开申请数量", cs: labelCols)] + t3Values("new_received"),
            [TD(text: "二、上年结转政府信息公开申请数量", cs: labelCols)] + t3Values("carried_over"),
            [TD(text: wordStyle ? "三、\n本年度办理结果" : "三、本年度办理结果", rs: 22), TD(text: "（一）予以公开", cs: labelCols - 1)] + t3Values("r1_granted"),
            [TD(text: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", cs: labelCols - 1)] + t3Values("r2_partial"),
        ]
        let groups: [(String, [(String, String)])] = [
            ("（三）不予公开", [("1.属于国家秘密", "r3_1_state_secret"), ("2.其他法律行政法规禁止公开", "r3_2_law_prohibited"),
                          ("3.危及“三安全一稳定”", "r3_3_three_safety_one_stability"), ("4.保护第三方合法权益", "r3_4_third_party"),
                          ("5.属于三类内部事务信息", "r3_5_internal_affairs"), ("6.属于四类过程性信息", "r3_6_process_info"),
                          ("7.属于行政执法案卷", "r3_7_enforcement_file"), ("8.属于行政查询事项", "r3_8_admin_query")]),
            ("（四）无法提供", [("1.本机关不掌握相关政府信息", "r4_1_not_held"), ("2.没有现成信息需要另行制作", "r4_2_needs_creation"),
                          ("3.补正后申请内容仍不明确", "r4_3_unclear_after_correction")]),
            ("（五）不予处理", [("1.信访举报投诉类申请", "r5_1_petition_complaint"), ("2.重复申请", "r5_2_repeat"),
                          ("3.要求提供公开出版物", "r5_3_publication"), ("4.无正当理由大量反复申请", "r5_4_mass_repeat"),
                          ("5.要求行政机关确认或重新出具已获取信息", "r5_5_confirm_reissue")]),
            ("（六）其他处理", [("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "r6_1_no_correction"),
                          ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "r6_2_fee_unpaid"),
                          ("3.其他", "r6_3_other")]),
        ]
        for (parent, items) in groups {
            for (i, (label, key)) in items.enumerated() {
                var row: [TD] = []
                if i == 0 {
                    if wordStyle {   // "(三)" and "不予公开" in separate cells, as Word exports them
                        let cut = parent.index(parent.startIndex, offsetBy: 3)
                        row += [TD(text: String(parent[..<cut]), rs: items.count), TD(text: String(parent[cut...]), rs: items.count)]
                    } else {
                        row.append(TD(text: parent, rs: items.count))
                    }
                }
                rows.append(row + [TD(text: label)] + t3Values(key))
            }
        }
        rows.append([TD(text: "（七）总计", cs: labelCols - 1)] + t3Values("r7_total"))
        rows.append([TD(text: "四、结转下年度继续办理", cs: labelCols)] + t3Values("carried_forward"))
        return HTMLTable(rows: rows).grid
    }

    /// Table 四: three header levels, one data row of 15.
    static func table4(wordStyle: Bool) -> TableGrid {
        var heads: [String] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        if wordStyle { heads = heads.map { (h: String) -> String in h == "总计" ? h : String(h.prefix(2)) + "\n" + String(h.suffix(2)) } }
        var values: [TD] = []
        for g in KeyTables.t4Groups { for c in KeyTables.t4Columns { values.append(TD(text: v("t4.\(g).\(c)"))) } }
        let row0: [TD] = [TD(text: "行政复议", cs: 5), TD(text: "行政诉讼", cs: 10)]
        var row1: [TD] = heads.map { TD(text: $0, rs: 2) }
        row1.append(TD(text: "未经复议直接起诉", cs: 5))
        row1.append(TD(text: "复议后起诉", cs: 5))
        let row2: [TD] = heads.map { TD(text: $0) } + heads.map { TD(text: $0) }
        return HTMLTable(rows: [row0, row1, row2, values]).grid
    }

    static func document(wordStyle: Bool) -> Document {
        Document(metadata: DocumentMetadata(title: "淮安市人民政府2024年政府信息公开工作年度报告", mediaType: "text/html", sourceName: "grid"),
                 blocks: [
                    .heading("淮安市人民政府2024年政府信息公开工作年度报告", level: 1),
                    .heading("一、总体情况", level: 2), .paragraph("2024年，全市政务公开工作持续推进。"),
                    .heading("二、主动公开政府信息情况", level: 2), .table(table2()),
                    .heading("三、收到和处理政府信息公开申请情况", level: 2), .table(table3(wordStyle: wordStyle)),
                    .heading("四、政府信息公开行政复议、行政诉讼情况", level: 2), .table(table4(wordStyle: wordStyle)),
                    .heading("五、存在的主要问题及改进情况", level: 2), .paragraph("政策解读质量仍需提升。"),
                    .heading("六、其他需要报告的事项", level: 2), .paragraph("无。"),
                 ])
    }

    @Test func officialLayoutGrid() throws {
        let grid = Self.table3(wordStyle: false)
        // The expansion is the official one: 10 columns, corner copied over 3×3, 三、 over 22 rows.
        #expect(grid.columnCount == 10)
        #expect(grid.rows[2][2].isOrigin(row: 2, column: 2) == false && grid.rows[2][2].originRow == 0)
        #expect(grid.rows[26][0].text == "三、本年度办理结果" && grid.rows[26][0].originRow == 5)
        let record = try parseDocument(Self.document(wordStyle: false))
        expectMatches(record, Self.key)
        #expect(record.findings.isEmpty, "\(record.findings.map(\.message))")
        #expect(record.sections["problems"] == "政策解读质量仍需提升。")
    }

    @Test func wordExportedGridWithSplitLabels() throws {
        let record = try parseDocument(Self.document(wordStyle: true))
        expectMatches(record, Self.key)
        #expect(record.findings.isEmpty, "\(record.findings.map(\.message))")
    }

    @Test func colspanCopiesOfOneValueAreOneCell() throws {
        // 行政许可 | 447228 | 447228 | 447228: three positions, one source cell.
        let grid = Self.table2()
        let row = try #require(grid.rows.first { $0.first?.text == "行政许可" })
        #expect(row.count == 4 && row[1].text == row[3].text)
        let record = try parseDocument(Self.document(wordStyle: false))
        #expect(record.cell("t2.art20_5.admin_license.decisions") == .some(447228))
        #expect(record.findings.isEmpty)
    }

    @Test func blankGridCellIsNullInPosition() throws {
        var doc = Self.document(wordStyle: false)
        guard var grid = doc.blocks[6].table else { Issue.record("no grid"); return }
        // 一、本年新收 row: 商业企业 left blank (&nbsp;).
        let r = 3, c = 4
        #expect(grid.rows[r][c].text == "53")
        grid.rows[r][c].text = "\u{00A0}"
        doc.blocks[6].table = grid
        let record = try parseDocument(doc)
        #expect(record.cell("t3.new_received.commercial") == .some(nil))
        #expect(record.cell("t3.new_received.research") == .some(0))
        #expect(record.cell("t3.new_received.total") == .some(3119))
        #expect(Set(record.findings.map(\.severity)) == [.notAssessable])
        #expect(Set(record.findings.map(\.rule)) == ["t3_balance", "t3_row_total"])
    }
}
