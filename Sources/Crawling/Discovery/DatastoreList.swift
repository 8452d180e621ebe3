import Extraction
import Foundation

/// Hanweb (大汉) list pages keep their items out of the DOM, in
/// `<script type="text/xml"><datastore><recordset><record><![CDATA[<li><a href=…>…</a></li>]]></record>…`.
/// This reads the records' HTML and returns their links.
public enum DatastoreList {
    /// The HTML fragments of every `<record>` of every datastore on the page, in order.
    public static func records(in document: HTMLDocument) -> [String] {
        var out: [String] = []
        for script in document.select("//script") {
            let type = (script.attribute("type") ?? "").lowercased()
            let body = rawText(script)
            guard type.contains("xml") || body.contains("<datastore") else { continue }
            out += records(inXML: body)
        }
        return out
    }

    /// Records of one datastore text: CDATA contents of `<record>` elements (plain content if not CDATA).
    public static func records(inXML xml: String) -> [String] {
        var out: [String] = []
        var rest = xml[...]
        while let open = rest.range(of: "<record") {
            guard let tagEnd = rest[open.upperBound...].firstIndex(of: ">") else { break }
            guard let close = rest[tagEnd...].range(of: "</record>") else { break }
            var inner = rest[rest.index(after: tagEnd)..<close.lowerBound]
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if inner.hasPrefix("<![CDATA["), inner.hasSuffix("]]>") {
                inner = String(inner.dropFirst(9).dropLast(3))
            }
            out.append(inner)
            rest = rest[close.upperBound...]
        }
        return out
    }

    /// Links in the records, resolved against the page URL.
    public static func links(in document: HTMLDocument, baseURL: String?) -> [HTMLLink] {
        let fragments = records(in: document)
        guard !fragments.isEmpty else { return [] }
        let html = "<html><body>" + fragments.joined(separator: "\n") + "</body></html>"
        guard let doc = try? HTMLDocument(utf8: html, url: baseURL) else { return [] }
        return LinkCollector.links(in: doc, baseURL: baseURL)
    }

    /// Script contents are text (or CDATA) children; join them verbatim.
    static func rawText(_ node: HTMLNode) -> String {
        node.children.filter(\.isText).map(\.content).joined()
    }
}
