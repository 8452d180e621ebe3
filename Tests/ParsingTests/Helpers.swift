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

/// Every cell of the key equals the record's cell, and the record holds no cell the key lacks.
func mismatches(_ record: ReportRecord, _ key: AnswerKey) -> [String] { key.cellMismatches(in: record) }

func expectMatches(_ record: ReportRecord, _ key: AnswerKey, sourceLocation: SourceLocation = #_sourceLocation) {
    let bad = mismatches(record, key)
    #expect(bad.isEmpty, "\(key.name): \(bad.prefix(12).joined(separator: "; "))", sourceLocation: sourceLocation)
    #expect(key.metadataMismatches(in: record) == [], "\(key.name)", sourceLocation: sourceLocation)
}

func errors(_ r: ReportRecord) -> [Finding] { r.findings.filter { $0.severity == .error } }
