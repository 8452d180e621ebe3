import Foundation
import Testing
import NianbaoCore
@testable import Extraction

@Suite struct PDFZDebugTests {
    @Test func dump() async throws {
        guard let path = ProcessInfo.processInfo.environment["NIANBAO_DUMP"] else { return }
        let doc = try await PDFExtractor().extract(file: URL(fileURLWithPath: path), sourceName: path)
        for b in doc.blocks where b.kind == .table {
            print("TABLE")
            for (r, row) in b.table!.rows.enumerated() {
                print("  \(r): " + row.enumerated().map { c, cell in cell.isOrigin(row: r, column: c) ? cell.text : "^" }.joined(separator: " | "))
            }
        }
    }
}
