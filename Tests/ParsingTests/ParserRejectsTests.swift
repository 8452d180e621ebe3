import Testing
import NianbaoCore
@testable import Parsing

@Suite struct ParserRejectsTests {
    @Test func emptyDocumentIsNotAReport() {
        #expect(throws: ParseError.self) { try ReportParser().parse(Document.plainText("")) }
    }
}
