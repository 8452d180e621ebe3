import Foundation
import Testing
import NianbaoCore
@testable import Archiving

@Suite struct PathSafetyTests {
    @Test func componentsAreSanitised() {
        #expect(PathSanitizer.component("..") == "_.")
        #expect(PathSanitizer.component(".") == "_")
        #expect(PathSanitizer.component("../../etc/passwd") == "_._.._etc_passwd")
        #expect(PathSanitizer.component("/abs/path") == "_abs_path")
        #expect(PathSanitizer.component("a\u{0}b\nc\u{7}d") == "a_b_c_d")
        #expect(PathSanitizer.component("  ") == "_")
        #expect(PathSanitizer.component("北京市人民政府办公厅") == "北京市人民政府办公厅")
    }

    @Test func longNamesAreCappedAndStayDistinct() {
        let a = String(repeating: "很", count: 100) + "甲"
        let b = String(repeating: "很", count: 100) + "乙"
        let ca = PathSanitizer.component(a), cb = PathSanitizer.component(b)
        #expect(ca.utf8.count <= PathSanitizer.maxComponentBytes)
        #expect(ca != cb)
    }

    @Test func traversalInAgencyAndSiteStaysInsideReports() throws {
        let a = try makeArchive()
        let record = makeRecord(agency: "../../../../tmp/evil", year: 2023, cells: ["t3.new_received.total": 1])
        let capture = makeCapture(url: "http://x.gov.cn/a", at: "2026-01-02T00:00:00.000Z", sha: nil, site: "../../..", agency: nil)
        _ = try a.store(record: record, capture: capture, text: "t")
        let files = try treeHashes(a.reportsDirectory).keys.sorted()
        // "../../.." → "_._.._..": one ordinary name, no separator left.
        #expect(files == ["_._.._../2023/_._.._.._.._tmp_evil.v1.json", "_._.._../2023/_._.._.._.._tmp_evil.v1.txt"])
        #expect(!FileManager.default.fileExists(atPath: a.root.deletingLastPathComponent().appendingPathComponent("tmp/evil.v1.json").path))
    }
}
