import Foundation

/// How links are classified: regular expressions over the link text + title, and over the URL.
/// A link is a report candidate when its text or title matches an include pattern (or its URL
/// matches a URL include pattern) and nothing matches an exclude pattern.
public struct LinkRules: Sendable, Equatable {
    /// Patterns over link text and title; any match includes.
    public var include: [String]
    /// Patterns over link text and title; any match excludes (wins over include).
    public var exclude: [String]
    /// Patterns over the absolute URL; any match includes (for columns whose link texts are cut short).
    public var urlInclude: [String]
    /// Patterns over the absolute URL; any match excludes.
    public var urlExclude: [String]

    public init(include: [String], exclude: [String], urlInclude: [String] = [], urlExclude: [String] = []) {
        self.include = include
        self.exclude = exclude
        self.urlInclude = urlInclude
        self.urlExclude = urlExclude
    }

    /// 政府信息公开 together with 年度报告 / 年报 is in; budgets, final accounts, rule-of-law
    /// reports, statistical bulletins, work plans, interpretations and the like are out.
    public static let defaults = LinkRules(
        include: [
            "政府信息公开.{0,12}(年度报告|年报|工作报告)",
            "(年度报告|年报).{0,6}政府信息公开",
            "政务公开.{0,8}(年度报告|年报)",
        ],
        exclude: [
            "法治政府", "决算", "预算", "统计公报", "工作要点", "解读", "图解", "征求意见", "社会信用",
            "国民经济", "审计", "述职", "工作计划", "实施方案", "三公经费", "专项资金", "年度报表",
            "监测报告", "考核", "测评", "抽查",
        ],
        urlInclude: [],
        urlExclude: ["\\.(jpg|jpeg|png|gif|zip|rar|xls|xlsx|mp4)(\\?|$)"]
    )

    /// Per-site rules: the defaults (unless `replaceDefaults`) followed by the site's own patterns.
    public func adding(include: [String], exclude: [String], urlInclude: [String], urlExclude: [String],
                       replaceDefaults: Bool) -> LinkRules {
        let base = replaceDefaults ? LinkRules(include: [], exclude: []) : self
        return LinkRules(include: base.include + include, exclude: base.exclude + exclude,
                         urlInclude: base.urlInclude + urlInclude, urlExclude: base.urlExclude + urlExclude)
    }

    /// Patterns that do not compile, with the reason.
    public func invalidPatterns() -> [(pattern: String, reason: String)] {
        (include + exclude + urlInclude + urlExclude).compactMap { p in
            do { _ = try NSRegularExpression(pattern: p) ; return nil } catch { return (p, "not a valid regular expression") }
        }
    }
}

/// LinkRules compiled once per site.
/// NSRegularExpression is immutable once built, so sharing one across tasks is safe.
public struct LinkClassifier: @unchecked Sendable {
    public let rules: LinkRules
    private let include: [NSRegularExpression]
    private let exclude: [NSRegularExpression]
    private let urlInclude: [NSRegularExpression]
    private let urlExclude: [NSRegularExpression]

    public init(rules: LinkRules) {
        self.rules = rules
        func compile(_ ps: [String]) -> [NSRegularExpression] {
            ps.compactMap { try? NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
        }
        include = compile(rules.include)
        exclude = compile(rules.exclude)
        urlInclude = compile(rules.urlInclude)
        urlExclude = compile(rules.urlExclude)
    }

    /// Why a link was kept or dropped.
    public enum Verdict: Sendable, Equatable {
        case report
        /// Matched an exclude pattern (the pattern).
        case excluded(String)
        /// Matched no include pattern.
        case unrelated
    }

    /// Classifies a link by its text, its title attribute and its URL.
    public func classify(text: String, title: String?, url: String) -> Verdict {
        let labels = [text, title ?? ""].filter { !$0.isEmpty }
        for re in exclude {
            if labels.contains(where: { Self.matches(re, $0) }) { return .excluded(re.pattern) }
        }
        for re in urlExclude where Self.matches(re, url) { return .excluded(re.pattern) }
        if include.contains(where: { re in labels.contains { Self.matches(re, $0) } }) { return .report }
        if urlInclude.contains(where: { Self.matches($0, url) }) { return .report }
        return .unrelated
    }

    public func isReport(text: String, title: String?, url: String) -> Bool {
        classify(text: text, title: title, url: url) == .report
    }

    static func matches(_ re: NSRegularExpression, _ s: String) -> Bool {
        re.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }
}
