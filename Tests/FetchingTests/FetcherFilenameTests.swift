import Foundation
import Testing
@testable import Fetching

/// File names from Content-Disposition and URLs, and header-byte decoding (GBK, UTF-8).
@Suite struct FetcherFilenameTests {
    @Test func rfc5987UTF8() {
        #expect(ContentDisposition.filename("attachment; filename*=UTF-8''%E5%B9%B4%E6%8A%A5.pdf") == "年报.pdf")
        #expect(ContentDisposition.filename("attachment; filename=\"fallback.pdf\"; filename*=utf-8''%E5%B9%B4%E6%8A%A5.pdf") == "年报.pdf")
        #expect(ContentDisposition.filename("attachment; filename*=UTF-8'zh-CN'%E5%B9%B4%E6%8A%A5.pdf") == "年报.pdf")
    }

    @Test func rfc5987GBK() {
        // 年报 in GBK is C4 EA B1 A8 (checked with `printf 年报 | iconv -t gbk | xxd`).
        #expect(ContentDisposition.filename("attachment; filename*=GBK''%C4%EA%B1%A8.doc") == "年报.doc")
    }

    @Test func rawGBKBytesInHeader() throws {
        var line = Array("Content-Disposition: attachment; filename=\"".utf8)
        line += [0xC4, 0xEA, 0xB1, 0xA8]
        line += Array(".doc\"\r\n".utf8)
        let field = try #require(HeaderDecoding.field(line))
        #expect(field.name == "content-disposition")
        #expect(field.value == "attachment; filename=\"年报.doc\"")
        #expect(ContentDisposition.filename(field.value) == "年报.doc")
    }

    @Test func rawUTF8BytesInHeader() throws {
        let line = Array("Content-Disposition: attachment; filename=2023年年报.pdf\r\n".utf8)
        let field = try #require(HeaderDecoding.field(line))
        #expect(ContentDisposition.filename(field.value) == "2023年年报.pdf")
    }

    @Test func statusLineAndBlankLineAreNotFields() {
        #expect(HeaderDecoding.field(Array("HTTP/1.1 200 OK\r\n".utf8)) == nil)
        #expect(HeaderDecoding.field(Array("\r\n".utf8)) == nil)
        #expect(HeaderDecoding.field(Array("ETag:  \"abc\" \r\n".utf8))?.value == "\"abc\"")
    }

    @Test func plainForms() {
        #expect(ContentDisposition.filename("attachment; filename=report.pdf") == "report.pdf")
        #expect(ContentDisposition.filename("attachment;filename=\"a \\\"quoted\\\" name.pdf\"") == "a \"quoted\" name.pdf")
        #expect(ContentDisposition.filename("attachment; filename=%E5%B9%B4%E6%8A%A5.pdf") == "年报.pdf")
        #expect(ContentDisposition.filename("attachment; filename=\"=?UTF-8?B?5bm05oqlLnBkZg==?=\"") == "年报.pdf")
        #expect(ContentDisposition.filename("inline") == nil)
    }

    @Test func pathsAreStripped() {
        #expect(ContentDisposition.filename("attachment; filename=\"../../etc/passwd\"") == "passwd")
        #expect(ContentDisposition.filename("attachment; filename=\"C:\\\\docs\\\\年报.doc\"") == "年报.doc")
        #expect(ContentDisposition.filename("attachment; filename=\"..\"") == nil)
    }

    @Test func fromURL() {
        #expect(ContentDisposition.filename(fromURL: "http://x.gov.cn/a/%E5%B9%B4%E6%8A%A5.pdf") == "年报.pdf")
        #expect(ContentDisposition.filename(fromURL: "http://x.gov.cn/a/%C4%EA%B1%A8.pdf") == "年报.pdf")
        #expect(ContentDisposition.filename(fromURL: "http://x.gov.cn/art/2024/1/5/art_1_2.html?x=1") == "art_1_2.html")
        #expect(ContentDisposition.filename(fromURL: "http://x.gov.cn/col/") == nil)
    }
}
