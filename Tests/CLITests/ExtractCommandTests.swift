import Foundation
import Testing
import TestSupport

/// `nianbao extract` through the built binary: the Document of a GBK TRS-style page (fixture made by
/// Scripts/fixtures/make_html_fixtures.py from seed 002), as text and as JSON.
@Suite struct ExtractCommandTests {
    let page = Fixtures.fixture("html/002/trs-gbk.html").path

    @Test func textShowsMetadataAndGrids() async throws {
        let r = try await CLIRunner.run(["extract", page])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("charset: GB18030"))
        #expect(r.stdout.contains("title: 金水区司法局 2023 年政府信息公开工作年度报告"))
        #expect(r.stdout.contains("published: 2024-01-30"))
        #expect(r.stdout.contains("规章 | 0 | 0 | 0"))
        // Portal chrome never reaches the blocks.
        for chrome in ["登录", "注册", "点击数", "ICP备"] { #expect(!r.stdout.contains(chrome), "\(chrome)") }
    }

    @Test func jsonIsTheDocument() async throws {
        let r = try await CLIRunner.run(["extract", "--format", "json", page])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let meta = try #require(json["metadata"] as? [String: Any])
        #expect(meta["charset"] as? String == "GB18030")
        #expect(meta["indexNumber"] as? String == "11410105MB0Y00000A/2024-00007")
        #expect(meta["documentNumber"] as? String == "金司〔2024〕2号")
        let blocks = try #require(json["blocks"] as? [[String: Any]])
        #expect(blocks.filter { $0["kind"] as? String == "table" }.count >= 3)
    }

    @Test func missingFileExitsOneNamingIt() async throws {
        let r = try await CLIRunner.run(["extract", "/nonexistent/nianbao-nope.html"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("nianbao-nope.html"))
        #expect(r.stderr.contains("no such file"))
    }
}
