import Foundation

/// The formats the Extractor reads.
public enum MediaType: String, Sendable, CaseIterable {
    case html = "text/html"
    case pdf = "application/pdf"
    case docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    case doc = "application/msword"
    case wps = "application/vnd.ms-works"
    case text = "text/plain"
}

/// Decides a file's format from its first bytes, then the HTTP Content-Type, then the file-name
/// extension. Content wins: a PDF named .html is a PDF, an HTML page named .txt is HTML.
///
/// - `%PDF-` in the first 1 KB → PDF; `PK\3\4` → .docx (a zip; the Word reader checks for
///   word/document.xml); the OLE2 signature D0 CF 11 E0 → .doc, or .wps when the name says so;
/// - markup near the start (`<!doctype html`, `<html`, `<head`, `<body`, `<meta`, `<table`, `<div`,
///   `<p>`, `<title`) → HTML;
/// - otherwise the Content-Type, then the extension (.html .htm .shtml .xhtml .jsp .asp .aspx .php
///   → HTML, .txt .md .text → text);
/// - otherwise bytes with no NUL in the first 8 KB are text; anything else is unknown (nil).
///
/// After a UTF-16 BOM, all of this is done on the characters (non-ASCII ones count as one byte 0x80).
public enum MediaTypeSniffer {
    public static func sniff(prefix: Data, filename: String?, contentType: String?) -> MediaType? {
        var bytes = [UInt8](prefix.prefix(8192))
        if let units = utf16Units(bytes) {
            // A UTF-16 file (with BOM) is sniffed on its characters: its ASCII has NUL bytes, a NUL character does not.
            bytes = units.map { $0 < 0x80 ? UInt8($0) : 0x80 }
        }
        let ext = filename.map { ($0 as NSString).pathExtension.lowercased() } ?? ""
        if let pdf = Array("%PDF-".utf8).firstRange(in: bytes.prefix(1024)), pdf.lowerBound >= 0 { return .pdf }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return ext == "wps" ? .wps : .doc }
        if looksLikeHTML(bytes) { return .html }
        if let ct = contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() {
            switch ct {
            case "text/html", "application/xhtml+xml": return .html
            case "application/pdf": return .pdf
            case MediaType.docx.rawValue: return .docx
            case "application/msword": return .doc
            case "text/plain": return bytes.contains(0) ? nil : .text
            default: break
            }
        }
        switch ext {
        case "html", "htm", "shtml", "xhtml", "jsp", "asp", "aspx", "php": return bytes.contains(0) ? nil : .html
        case "txt", "text", "md": return bytes.contains(0) ? nil : .text
        case "pdf": return .pdf
        case "docx": return .docx
        case "doc": return .doc
        case "wps": return .wps
        default: break
        }
        return bytes.contains(0) || bytes.isEmpty && ext.isEmpty ? nil : .text
    }

    /// The code units after a UTF-16 BOM (FF FE or FE FF); nil without one.
    static func utf16Units(_ bytes: [UInt8]) -> [UInt16]? {
        guard bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) else { return nil }
        let bigEndian = bytes[0] == 0xFE
        return stride(from: 2, to: bytes.count - 1, by: 2).map { i -> UInt16 in
            let (high, low) = bigEndian ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
            return UInt16(high) << 8 | UInt16(low)
        }
    }

    /// Markup at the start of the page (after a BOM, whitespace and comments are allowed before it).
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let head = bytes[start..<min(bytes.count, start + 1024)].map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 0x20 : $0 }
        let text = String(decoding: head, as: UTF8.self)
        let trimmed = text.drop { $0.isWhitespace }
        if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || trimmed.hasPrefix("<?xml") && text.contains("<html") {
            return true
        }
        guard trimmed.hasPrefix("<") else { return false }
        return ["<html", "<head", "<body", "<meta", "<title", "<table", "<div", "<p>", "<p ", "<br"].contains { text.contains($0) }
    }
}

private extension Array where Element == UInt8 {
    func firstRange<C: Collection>(in haystack: C) -> Range<Int>? where C.Element == UInt8 {
        let h = Array(haystack)
        guard h.count >= count else { return nil }
        for i in 0...(h.count - count) where h[i] == self[0] && Array(h[i..<(i + count)]) == self { return i..<(i + count) }
        return nil
    }
}
