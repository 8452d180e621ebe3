import Foundation
import Testing
import NianbaoCore
import Normalization
import Parsing
import TestSupport

/// Normalize + parse a text as the pipeline does for a .txt file.
func parseText(_ text: String, name: String = "test.txt") throws -> ReportRecord {
    try ReportParser().parse(Normalizer().normalize(Document.plainText(text, metadata: DocumentMetadata(sourceName: name))))
}

func parseDocument(_ doc: Document) throws -> ReportRecord {
    try ReportParser().parse(Normalizer().normalize(doc))
}

/// Every cell of the key equals the record's cell; returns the mismatches as text.
func mismatches(_ record: ReportRecord, _ key: AnswerKey) -> [String] {
    var out: [String] = []
    for (path, expected) in key.cells.sorted(by: { $0.key < $1.key }) {
        let got = record.cell(path)
        if got == nil { out.append("\(path): missing (expected \(String(describing: expected)))"); continue }
        if got! != expected { out.append("\(path): got \(String(describing: got!)) expected \(String(describing: expected))") }
    }
    let extra = Set(record.allCells.map(\.path)).subtracting(key.cells.keys)
    for p in extra.sorted() { out.append("\(p): in the record but not in the key") }
    return out
}

func expectMatches(_ record: ReportRecord, _ key: AnswerKey, sourceLocation: SourceLocation = #_sourceLocation) {
    let bad = mismatches(record, key)
    #expect(bad.isEmpty, "\(key.name): \(bad.prefix(12).joined(separator: "; "))", sourceLocation: sourceLocation)
    #expect(record.template == key.template, sourceLocation: sourceLocation)
    #expect(record.agency == key.agency, sourceLocation: sourceLocation)
    #expect(record.year == key.year, sourceLocation: sourceLocation)
    #expect(record.published == key.published, sourceLocation: sourceLocation)
    if let t = key.title { #expect(record.title == t, sourceLocation: sourceLocation) }
}

func errors(_ r: ReportRecord) -> [Finding] { r.findings.filter { $0.severity == .error } }
