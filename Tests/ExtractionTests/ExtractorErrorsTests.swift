import Foundation
import Testing
@testable import Extraction

@Suite struct ExtractorErrorsTests {
    @Test func missingFileIsNamed() async {
        let url = URL(fileURLWithPath: "/nonexistent/nianbao-missing.html")
        do {
            _ = try await Extractor().extract(ExtractionInput(file: url))
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("nianbao-missing.html"))
        }
    }
}
