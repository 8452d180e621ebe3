import CLibXML2
import Foundation

/// Recognises portal chrome inside a page's content area: navigation, login bars (登录 | 注册),
/// font-size switches (字号 大 中 小), print/close links (打印 / 关闭), share buttons, breadcrumbs
/// (当前位置), hit counters (点击数) and site footers (网站标识码, ICP备, 公网安备).
///
/// Two tests: by element (script/style/nav/header/footer…, or a class/id naming chrome), and by
/// text (a short element whose text is chrome wording). An element holding one of the report's
/// section headings is never chrome, whatever its class says.
struct ChromeFilter {
    /// Nodes (elements or text nodes) to skip.
    private(set) var marked = Set<xmlNodePtr>()
    /// Text nodes holding the report's section headings; their ancestors are protected.
    let protectedNodes: [xmlNodePtr]

    init(protectedNodes: [xmlNodePtr]) { self.protectedNodes = protectedNodes }

    func isMarked(_ node: xmlNodePtr) -> Bool { marked.contains(node) }

    // MARK: element chrome

    private static let attributeNeedles = ["breadcrumb", "crumb", "dqwz", "bdshare", "share", "login", "footer", "copyright",
                                           "toolbar", "sidebar", "navbar", "menu", "fontsize", "font-size", "zihao"]
    /// Whole words of a class/id (split on space, "-" and "_"). Not "wz"/"top": CMS templates use "wz" for 文章
    /// (wz_content) and "top" for content headers.
    private static let attributeWords: Set<String> = ["nav", "position", "location", "print", "foot", "header",
                                                      "related", "tools", "search", "weizhi", "dqwz"]
    private static let layoutWords: Set<String> = ["relative", "absolute", "fixed", "static", "sticky"]

    /// True for an element that is chrome by its tag, class or id (and holds no section heading).
    func isChromeElement(_ node: xmlNodePtr, tag: HTMLTag) -> Bool {
        switch tag {
        case .nav, .header, .footer, .aside, .form:
            return !holdsProtected(node)
        default: break
        }
        guard node.pointee.properties != nil else { return false }
        var names = ""
        if let c = NodeAccess.attribute(node, "class") { names += String(cString: c) }
        if let i = NodeAccess.attribute(node, "id") { names += " " + String(cString: i) }
        if names.isEmpty { return false }
        let lower = names.lowercased()
        var hit = Self.attributeNeedles.contains { lower.contains($0) }
        if !hit {
            let words = lower.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" || $0 == "\t" }).map(String.init)
            hit = words.contains { Self.attributeWords.contains($0) } && !words.contains { Self.layoutWords.contains($0) }
        }
        return hit && !holdsProtected(node)
    }

    private func holdsProtected(_ node: xmlNodePtr) -> Bool {
        protectedNodes.contains { NodeAccess.isInside($0, node) }
    }

    // MARK: text chrome

    private enum Kind { case login, fontSize, printClose, position, footer, counter, share, prevNext }

    private static let triggerList: [(String, Kind, Int)] = [
        ("登录", .login, 80), ("注册", .login, 80),
        ("字号", .fontSize, 160), ("字体", .fontSize, 160),
        ("打印", .printClose, 160), ("关闭", .printClose, 160),
        ("当前位置", .position, 600), ("您的位置", .position, 600), ("所在位置", .position, 600), ("现在的位置", .position, 600),
        ("网站标识码", .footer, 400), ("ICP备", .footer, 400), ("公网安备", .footer, 400), ("版权所有", .footer, 400),
        ("点击数", .counter, 300), ("点击量", .counter, 300), ("浏览次数", .counter, 300), ("阅读次数", .counter, 300),
        ("访问量", .counter, 300), ("浏览量", .counter, 300), ("阅读量", .counter, 300), ("访问次数", .counter, 300),
        ("分享到", .share, 300), ("上一篇", .prevNext, 400), ("下一篇", .prevNext, 400),
    ]
    private static let triggers: [(needle: [CChar], kind: Kind, limit: Int)] =
        triggerList.map { (Array($0.0.utf8CString), $0.1, $0.2) }

    /// Marks the short elements under `roots` whose text is chrome wording.
    mutating func markTextChrome(roots: [xmlNodePtr]) {
        var stack: [xmlNodePtr] = []
        for r in roots.reversed() { stack.append(r) }
        let rootSet = Set(roots)
        while let n = stack.popLast() {
            if NodeAccess.isText(n) {
                guard let content = n.pointee.content else { continue }
                for t in Self.triggers {
                    let found = t.needle.withUnsafeBufferPointer { NodeAccess.contains(content, $0.baseAddress!) }
                    if found, let target = chromeTarget(from: n, kind: t.kind, limit: t.limit, roots: rootSet) {
                        marked.insert(target)
                        break
                    }
                }
            } else if NodeAccess.isElement(n) {
                if HTMLTag.of(n).isNeverContent { continue }
                NodeAccess.pushChildren(n, onto: &stack)
            }
        }
    }

    /// The highest ancestor of `textNode` (below the roots) whose text stays under `limit` bytes, if its
    /// text confirms the chrome kind.
    private func chromeTarget(from textNode: xmlNodePtr, kind: Kind, limit: Int, roots: Set<xmlNodePtr>) -> xmlNodePtr? {
        var candidate: xmlNodePtr?
        var n: xmlNodePtr? = textNode
        while let x = n, !roots.contains(x) {
            if NodeAccess.textLength(x, limit: limit + 1) > limit { break }
            candidate = x
            n = x.pointee.parent
        }
        guard let candidate, !holdsProtected(candidate) else { return nil }
        let text = NodeAccess.rawText(candidate)
        return Self.confirms(text, kind) ? candidate : nil
    }

    private static func confirms(_ text: String, _ kind: Kind) -> Bool {
        switch kind {
        case .login: return text.contains("登录") && text.contains("注册")
        case .fontSize: return (text.contains("字号") || text.contains("字体")) && text.contains("大") && text.contains("小")
        case .printClose: return (text.contains("打印") && text.contains("关闭")) || text.contains("打印本页") || text.contains("关闭窗口")
        case .footer: return ["网站标识码", "ICP备", "公网安备", "版权所有"].contains { text.contains($0) }
        case .position, .counter, .share, .prevNext:
            // The keyword must be followed by a colon (or ">" for breadcrumbs), not run into a sentence.
            let keys: [String]
            switch kind {
            case .position: keys = ["当前位置", "您的位置", "所在位置", "现在的位置"]
            case .counter: keys = ["点击数", "点击量", "浏览次数", "阅读次数", "访问量", "浏览量", "阅读量", "访问次数"]
            case .share: keys = ["分享到"]
            default: keys = ["上一篇", "下一篇"]
            }
            for key in keys {
                var search = text.startIndex
                while let r = text.range(of: key, range: search..<text.endIndex) {
                    let rest = text[r.upperBound...].drop { $0 == " " || $0 == "\u{3000}" || $0 == "\u{A0}" }
                    if rest.isEmpty || rest.first == "：" || rest.first == ":" || rest.first == ">" { return true }
                    search = r.upperBound
                }
            }
            return false
        }
    }
}
