/// The answer key for ../shared/samples/huaian-city-2024.pdf (淮安市人民政府 2024年政府信息公开工作年度报告,
/// 6 pages, WPS-made), written by hand by the extract-doc engineer from the PDF's pages rendered with
/// `pdftoppm -png -r 80` (pages 3–5 hold the tables) and cross-checked against `pdftotext -layout`.
/// Every one of the 200 cells of the 2021 format: table 二 10, table 三 175, table 四 15. No cell is blank.
///
/// Cell paths follow docs/format-schema.json: "t2.<subtable>.<row>.<column>", "t3.<row>.<column>",
/// "t4.<group>.<column>".
public enum HuaianKey {
    public static let file = "huaian-city-2024.pdf"
    public static let agency = "淮安市人民政府"
    public static let year = 2024
    public static let template = "2021"

    /// Table 二 as printed (page 3–4).
    public static let t2: [String: Double] = [
        "t2.art20_1.regulations.issued": 1,
        "t2.art20_1.regulations.repealed": 0,
        "t2.art20_1.regulations.in_force": 11,
        "t2.art20_1.normative_docs.issued": 8,
        "t2.art20_1.normative_docs.repealed": 26,
        "t2.art20_1.normative_docs.in_force": 66,
        "t2.art20_5.admin_license.decisions": 447228,
        "t2.art20_6.admin_penalty.decisions": 3985758,
        "t2.art20_6.admin_coercion.decisions": 88283,
        "t2.art20_8.admin_fees.fee_amount": 96171.6,
    ]

    /// Table 三 rows in printed order (pages 4–5), each: 自然人, 商业企业, 科研机构, 社会公益组织,
    /// 法律服务机构, 其他, 总计.
    public static let t3Rows: [(row: String, values: [Double])] = [
        ("new_received", [3001, 53, 0, 0, 61, 4, 3119]),              // 一、本年新收
        ("carried_over", [34, 0, 0, 0, 0, 0, 34]),                    // 二、上年结转
        ("r1_granted", [1288, 21, 0, 0, 50, 3, 1362]),                // （一）予以公开
        ("r2_partial", [447, 7, 0, 0, 0, 0, 454]),                    // （二）部分公开
        ("r3_1_state_secret", [2, 0, 0, 0, 0, 0, 2]),                 // （三）1.属于国家秘密
        ("r3_2_law_prohibited", [30, 1, 0, 0, 0, 0, 31]),             // 2.其他法律行政法规禁止公开
        ("r3_3_three_safety_one_stability", [5, 0, 0, 0, 0, 0, 5]),   // 3.危及“三安全一稳定”
        ("r3_4_third_party", [6, 0, 0, 0, 0, 0, 6]),                  // 4.保护第三方合法权益
        ("r3_5_internal_affairs", [7, 1, 0, 0, 0, 0, 8]),             // 5.属于三类内部事务信息
        ("r3_6_process_info", [12, 0, 0, 0, 0, 0, 12]),               // 6.属于四类过程性信息
        ("r3_7_enforcement_file", [9, 0, 0, 0, 0, 0, 9]),             // 7.属于行政执法案卷
        ("r3_8_admin_query", [105, 0, 0, 0, 0, 0, 105]),              // 8.属于行政查询事项
        ("r4_1_not_held", [746, 12, 0, 0, 10, 1, 769]),               // （四）1.本机关不掌握 (page 4, last row)
        ("r4_2_needs_creation", [11, 0, 0, 0, 0, 0, 11]),             // 2.没有现成信息 (page 5, first row)
        ("r4_3_unclear_after_correction", [1, 0, 0, 0, 0, 0, 1]),     // 3.补正后申请内容仍不明确
        ("r5_1_petition_complaint", [56, 6, 0, 0, 0, 0, 62]),         // （五）1.信访举报投诉类申请
        ("r5_2_repeat", [25, 0, 0, 0, 0, 0, 25]),                     // 2.重复申请
        ("r5_3_publication", [0, 0, 0, 0, 0, 0, 0]),                  // 3.要求提供公开出版物
        ("r5_4_mass_repeat", [0, 0, 0, 0, 0, 0, 0]),                  // 4.无正当理由大量反复申请
        ("r5_5_confirm_reissue", [1, 0, 0, 0, 0, 0, 1]),              // 5.要求行政机关确认或重新出具已获取信息
        ("r6_1_no_correction", [67, 3, 0, 0, 1, 0, 71]),              // （六）1、申请人无正当理由逾期不补正…
        ("r6_2_fee_unpaid", [6, 0, 0, 0, 0, 0, 6]),                   // 2、申请人逾期未按收费通知要求缴纳费用…
        ("r6_3_other", [108, 2, 0, 0, 0, 0, 110]),                    // 3、其他
        ("r7_total", [2932, 53, 0, 0, 61, 4, 3050]),                  // （七）总计
        ("carried_forward", [103, 0, 0, 0, 0, 0, 103]),               // 四、结转下年度继续办理
    ]
    public static let t3Columns = ["natural_person", "commercial", "research", "public_interest", "legal_service", "other_org", "total"]

    /// Table 四 (page 5): 行政复议; 未经复议直接起诉; 复议后起诉 — each 结果维持, 结果纠正, 其他结果, 尚未审结, 总计.
    public static let t4Values: [Double] = [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]
    public static let t4Groups = ["review", "litigation_direct", "litigation_after_review"]
    public static let t4Columns = ["upheld", "corrected", "other", "pending", "total"]

    /// All 200 cells by path.
    public static var cells: [String: Double] {
        var out = t2
        for (row, values) in t3Rows {
            for (c, v) in zip(t3Columns, values) { out["t3.\(row).\(c)"] = v }
        }
        for (g, group) in t4Groups.enumerated() {
            for (c, col) in t4Columns.enumerated() { out["t4.\(group).\(col)"] = t4Values[g * 5 + c] }
        }
        return out
    }
}
