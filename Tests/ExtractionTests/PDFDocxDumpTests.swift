import Foundation
import Testing
import NianbaoCore
import TestSupport
@testable import Extraction

/// Prints the Document of the file in NIANBAO_DUMP (debugging aid; does nothing otherwise).
@Suite struct PDFDumpTests {
    @Test func dump() async throws {
        guard let path = ProcessInfo.processInfo.environment["NIANBAO_DUMP"] else { return }
        let url = URL(fileURLWithPath: path)
        let doc = path.hasSuffix(".docx") ? try DocxExtractor().extract(file: url, sourceName: path)
            : try await PDFExtractor().extract(file: url, sourceName: path)
        print("TITLE:", doc.metadata.title ?? "-", "PAGES:", doc.metadata.pageCount ?? -1, "NOTES:", doc.notes)
        for b in doc.blocks {
            switch b.kind {
            case .table:
                print("TABLE")
                for (r, row) in b.table!.rows.enumerated() {
                    print("  \(r): " + row.enumerated().map { c, cell in cell.isOrigin(row: r, column: c) ? cell.text : "^" + (cell.text.isEmpty ? "" : "") }.joined(separator: " | "))
                }
            default: print(b.kind.rawValue.uppercased() + ":", b.text.prefix(80))
            }
        }
    }
}
