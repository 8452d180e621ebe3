import Foundation
import NianbaoCore
import Extraction

extension Crawler {
    /// Visits a report candidate: a detail page (then its attachments) or a file.
    /// A page that yields a record is the report; a page that only wraps an attachment has its
    /// report parsed from the attachment. Unchanged bodies are not parsed again.
    func document(_ url: String, site: SiteConfig, kind: String?, parent: String?, tally: inout CrawlSummary) async {
        let isFile = AttachmentRules.isAttachment(url: url, text: "", extensions: AttachmentRules.reportExtensions)
        let v = await visit(url, site: site, kind: kind ?? (isFile ? "attachment" : "detail"), parent: parent, tally: &tally)
        guard let body = v.body, let capture = v.capture else { return }
        await revisited(v, url: url, site: site, tally: &tally)
        guard Self.looksLikeHTML(capture: capture, body: body) else {
            // A file (or a download handler): it is the report.
            if v.isNew { count(await handle(capture, body, site), url: url, tally: &tally) }
            return
        }
        let html = (try? Data(contentsOf: body)).map { Self.decodeHTML($0, capture: capture, site: site) } ?? ""
        let pageURL = capture.finalURL ?? url
        let attachments = (try? DetailPageDiscovery.attachments(html: html, pageURL: pageURL, site: site)) ?? []

        var pageOutcome: ReportOutcome? = nil
        if v.isNew {
            pageOutcome = await handle(capture, body, site)
        }
        var attachmentVisits: [(Visit, String)] = []
        for a in attachments {
            let av = await visit(a.url, site: site, kind: "attachment", parent: pageURL, tally: &tally)
            await revisited(av, url: a.url, site: site, tally: &tally)
            attachmentVisits.append((av, a.url))
        }
        let changedAttachments = attachmentVisits.filter { $0.0.isNew }
        if pageOutcome == nil, !changedAttachments.isEmpty {
            // The page is unchanged but a file changed: is the page itself the report?
            pageOutcome = await handle(capture, body, site)
        }
        if let outcome = pageOutcome, outcome.isReport || changedAttachments.isEmpty {
            // A page that is not a report but links files none of which changed (a wrapper whose hit
            // counter moved): its report is an attachment archived before, so nothing is wrong.
            if !outcome.isReport, !attachments.isEmpty { return }
            count(outcome, url: url, tally: &tally)
            return
        }
        // The page wraps its report in an attachment (or is not a report at all).
        var reasons: [String] = []
        if case .notAReport(let r)? = pageOutcome { reasons.append("page: \(r)") }
        if case .failed(let r)? = pageOutcome { reasons.append("page: \(r)") }
        for (av, aurl) in changedAttachments {
            guard let ab = av.body, let ac = av.capture else { continue }
            let outcome = await handle(ac, ab, site)
            if outcome.isReport {
                count(outcome, url: aurl, tally: &tally)
                return
            }
            switch outcome {
            case .notAReport(let r), .failed(let r): reasons.append("\(aurl): \(r)")
            default: break
            }
        }
        if !reasons.isEmpty { tally.error(url, "no report in the page or its attachments (\(reasons.joined(separator: "; ")))") }
    }

    /// For an unchanged visit (304 or same sha256): the report from that body was seen again.
    func revisited(_ v: Visit, url: String, site: SiteConfig, tally: inout CrawlSummary) async {
        guard let reports, case .same(let capture, _, let sha) = v else { return }
        if let error = await reports.revisit(capture: capture, sha256: sha, site: site) { tally.error(url, error) }
    }

    func handle(_ capture: Capture, _ body: URL, _ site: SiteConfig) async -> ReportOutcome {
        guard let reports else { return .unchanged }
        return await reports.handle(capture: capture, body: body, site: site)
    }

    func count(_ outcome: ReportOutcome, url: String, tally: inout CrawlSummary) {
        switch outcome {
        case .new: tally.newReports += 1
        case .changed: tally.changedReports += 1
        case .unchanged: break
        case .notAReport(let r), .failed(let r): tally.error(url, r)
        }
    }

    /// HTML as the Extractor will see it: MediaTypeSniffer decides (the bytes first, then the
    /// Content-Type, then the file name), so a page served as application/octet-stream is a page.
    static func looksLikeHTML(capture: Capture, body: URL) -> Bool {
        guard let h = try? FileHandle(forReadingFrom: body) else { return false }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 8192)) ?? Data()
        let name = capture.filename ?? URL(string: capture.finalURL ?? capture.url)?.lastPathComponent
        return MediaTypeSniffer.sniff(prefix: head, filename: name, contentType: capture.effectiveContentType) == .html
    }

    /// `nianbao fetch URL`: one document (and, for a page, its attachments), archived and parsed like a crawl.
    public func fetchDocument(_ url: String, site: SiteConfig) async -> CrawlSummary {
        var tally = CrawlSummary()
        await document(url, site: site, kind: "manual", parent: nil, tally: &tally)
        return tally
    }
}
