/// Decides 2019 vs 2021 format from the labels printed in table 二 (本年新制作数量, 上一年项目数量 …
/// vs 本年制发件数, 本年处理决定数量 …) — never from the year or the cited document number. When table 二
/// says nothing, a （六）其他处理 with sub-rows means 2021.
enum TemplateDetector {
    static func detect(_ stream: CellStream, t2: Range<Int>?, t3: Range<Int>?, catalogs: Catalogs) -> String {
        var votes = ["2019": 0, "2021": 0]
        let end = t3?.lowerBound ?? stream.cells.count
        let range = t2 ?? 0..<end
        for i in range where stream.cells[i].kind == .label {
            let k = stream.cells[i].labelKey
            if let t = catalogs.templateMarkers[k.core] { votes[t, default: 0] += 1 }
            if stream.cells[i].text.has("第二十条第(九)项") { votes["2019", default: 0] += 1 }
        }
        if votes["2019"]! > votes["2021"]! { return "2019" }
        if votes["2021"]! > votes["2019"]! { return "2021" }
        if let r = t3 {
            for i in r where stream.cells[i].kind == .label {
                let core = stream.cells[i].labelKey.core
                if core.hasPrefix("申请人无正当理由逾期不补正") || core.hasPrefix("申请人逾期未按收费通知") { return "2021" }
            }
            return "2019"
        }
        return "2021"
    }
}
