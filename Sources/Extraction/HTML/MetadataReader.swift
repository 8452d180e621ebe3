import CLibXML2
import Foundation
import NianbaoCore

/// Reads what a page says about itself: the title (`<meta name="ArticleTitle">`, the article's h1,
/// `<title>`), 发布日期 (normalised to YYYY-MM-DD), 来源 / 发布机构, 索引号 and 文号 — from head
/// `<meta>` tags and from the labelled lines around the content ("发布日期：2024-01-15 来源：…",
/// or a 索引号 | value table).
enum MetadataReader {
    struct Fields {
        var title: String?
        var published: String?
        var publisher: String?
        var indexNumber: String?
        var documentNumber: String?
    }

    static func read(_ document: HTMLDocument, content: ContentSelection) -> Fields {
        var metas: [String: String] = [:]
        var titleText: String?
        var h1s: [String] = []
        var lines: [String] = []
        guard let root = xmlDocGetRootElement(document.doc) else { return Fields() }
        let contentRoots = Set(content.roots)

        var acc = TextAccumulator()
        var expectValue = false
        var stack: [xmlNodePtr?] = [root]
        while let top = stack.popLast() {
            guard let n = top else {
                takeLine(&acc, into: &lines, expectValue: &expectValue)
                continue
            }
            if NodeAccess.isText(n) {
                if let c = n.pointee.content { acc.append(c) }
                continue
            }
            guard NodeAccess.isElement(n) else { continue }
            let tag = HTMLTag.of(n)
            switch tag {
            case .meta:
                if let name = NodeAccess.attribute(n, "name"), let value = NodeAccess.attribute(n, "content") {
                    metas[String(cString: name).lowercased()] = String(cString: value).trimmingCharacters(in: .whitespacesAndNewlines)
                }
                continue
            case .title:
                if titleText == nil { titleText = NodeAccess.rawText(n).collapsingWhitespace }
                continue
            case .h1:
                if !contentRoots.contains(n) { h1s.append(NodeAccess.rawText(n).collapsingWhitespace) }
            default: break
            }
            if tag != .head && tag.isNeverContent || contentRoots.contains(n) { continue }
            if tag.isBlock {
                takeLine(&acc, into: &lines, expectValue: &expectValue)
                stack.append(nil)   // pops after the children: ends the element's last line
            }
            let start = stack.count
            var k = n.pointee.children
            while let x = k { stack.append(x); k = x.pointee.next }
            stack[start...].reverse()
        }
        takeLine(&acc, into: &lines, expectValue: &expectValue)

        var f = Fields()
        f.title = chooseTitle(articleTitle: metas["articletitle"], h1s: h1s, title: titleText)
        f.published = (["pubdate", "publishdate", "firstpublishedtime", "published", "article:published_time"].lazy
            .compactMap { metas[$0] }.compactMap(PrintedDate.normalize).first)
            ?? value(for: ["发布日期", "发布时间", "成文日期", "发文日期"], in: lines).flatMap(PrintedDate.normalize)
        f.publisher = value(for: ["发布机构", "信息来源", "来源", "发文机关", "发布单位"], in: lines) ?? nonEmpty(metas["contentsource"])
        f.indexNumber = value(for: ["索引号"], in: lines)
        f.documentNumber = value(for: ["文号", "发文字号"], in: lines)
        return f
    }

    /// Words every metadata line holds one of (号: 索引号/文号; 日期/时间; 来源; 机构/机关): other lines
    /// (menus, link lists) are dropped before any String is built.
    private static let lineKeys: [[UInt8]] = ["号", "日期", "时间", "来源", "机构", "机关", "发布单位"].map { Array($0.utf8) }

    /// `expectValue`: the line before was a bare label ("索引号：" in one cell, the value in the next).
    private static func takeLine(_ acc: inout TextAccumulator, into lines: inout [String], expectValue: inout Bool) {
        if acc.isEmpty { return }
        if acc.bytes.count >= 400 || !acc.containsAny(lineKeys) {
            if expectValue && acc.bytes.count < 400 { lines.append(acc.take()) } else { acc.discard() }
            expectValue = false
            return
        }
        let line = acc.take()
        expectValue = line.hasSuffix("：") || line.hasSuffix(":") || line.utf8.count <= 18
        lines.append(line)
    }


    private static func nonEmpty(_ s: String?) -> String? { (s?.isEmpty ?? true) ? nil : s }

    static func chooseTitle(articleTitle: String?, h1s: [String], title: String?) -> String? {
        if let a = nonEmpty(articleTitle) { return a.collapsingWhitespace }
        let t = title.flatMap(nonEmpty)
        if let h = h1s.first(where: { h in h.count >= 4 && (t.map { $0.contains(h) || h.contains($0) } ?? false || h.contains("报告")) }) {
            return h
        }
        if let t {
            let parts = t.components(separatedBy: CharacterSet(charactersIn: "_|｜")).map { $0.trimmingCharacters(in: .whitespaces) }
            return parts.first(where: { !$0.isEmpty }) ?? t
        }
        return h1s.first(where: { !$0.isEmpty })
    }

    /// Labels that end a value written on the same line ("发布日期：2024-01-15 来源：区信访局 点击数：").
    static let stopLabels = ["索引号", "发布机构", "信息来源", "来源", "发布日期", "发布时间", "成文日期", "发文日期", "文号", "发文字号",
                             "点击数", "点击量", "浏览次数", "阅读次数", "访问量", "字号", "字体", "作者", "主题分类", "体裁分类", "分类",
                             "有效性", "生效日期", "关键词", "发文机关", "【", "[", "打印", "分享"]

    private static let labelPatterns: [String: NSRegularExpression] = {
        var out: [String: NSRegularExpression] = [:]
        for label in ["发布日期", "发布时间", "成文日期", "发文日期", "发布机构", "信息来源", "来源", "发文机关", "发布单位", "索引号", "文号", "发文字号"] {
            let body = label.map { NSRegularExpression.escapedPattern(for: String($0)) }.joined(separator: "[\\s\\u3000\\u00a0]*")
            out[label] = try! NSRegularExpression(pattern: body + "[\\s\\u3000\\u00a0]*[:：]?[\\s\\u3000\\u00a0]*")
        }
        return out
    }()

    /// The value after the first of `labels` found (same line, else the next line).
    static func value(for labels: [String], in lines: [String]) -> String? {
        for label in labels {
            guard let rx = labelPatterns[label] else { continue }
            for (i, line) in lines.enumerated() {
                let ns = line as NSString
                guard let m = rx.firstMatch(in: line, range: NSRange(location: 0, length: ns.length)) else { continue }
                var v = cut(ns.substring(from: m.range.location + m.range.length))
                if v.isEmpty, i + 1 < lines.count, !stopLabels.contains(where: { lines[i + 1].hasPrefix($0) }) {
                    v = cut(lines[i + 1])
                }
                if !v.isEmpty { return v }
            }
        }
        return nil
    }

    private static func cut(_ s: String) -> String {
        var v = Substring(s)
        if let r = v.range(of: "  ") { v = v[..<r.lowerBound] }
        for sep in ["\u{3000}", "\t", "\n"] { if let r = v.range(of: sep) { v = v[..<r.lowerBound] } }
        for label in stopLabels { if let r = v.range(of: label), r.lowerBound != v.startIndex { v = v[..<r.lowerBound] } }
        return v.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{3000}\u{A0}|｜")))
    }
}
