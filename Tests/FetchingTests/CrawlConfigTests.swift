import Foundation
import Testing
@testable import Crawling
import TestSupport

@Suite struct CrawlConfigTests {
    @Test func readsDefaultsAndSites() throws {
        let yaml = """
        defaults:
          contact: ops@example.org
          archive: /data/nianbao
          delay: 3
          max_bytes: 20MB
        sites:
          - id: tonghua-xinfang
            agency: 通化市信访局
            region: 吉林省通化市
            level: 市级部门
            start_urls:
              - http://xxgk.tonghua.gov.cn/zcbm/fgw_98107/ndbg/
            exclude: [内部]
          - id: other
            agency: from page
            start_urls: https://a.gov.cn/col/col1/index.html
            allowed_hosts: ["*.a.gov.cn"]
            delay: 0.5
            insecure_tls: true
            legacy_tls: true
            encoding: gbk
            max_list_pages: 3
        """
        let f = try SitesFileLoader.parse(yaml)
        #expect(f.defaults.contact == "ops@example.org")
        #expect(f.defaults.archive == "/data/nianbao")
        #expect(f.defaults.maxBytes == 20 << 20)
        #expect(f.sites.map(\.id) == ["tonghua-xinfang", "other"])
        let t = f.sites[0]
        #expect(t.agency == "通化市信访局")
        #expect(t.delay == 3)
        #expect(t.maxBytes == 20 << 20)
        #expect(t.allowedHosts == ["xxgk.tonghua.gov.cn"])
        #expect(t.rules.exclude.last == "内部")
        #expect(t.rules.include == LinkRules.defaults.include)
        #expect(t.line == 7)
        let o = f.sites[1]
        #expect(o.agency == nil)
        #expect(o.legacyTLS && !t.legacyTLS)
        #expect(o.insecureTLS && o.encoding == "GBK" && o.maxListPages == 3 && o.delay == 0.5)
        #expect(o.allows("https://www.a.gov.cn/x") && o.allows("http://a.gov.cn/") && !o.allows("http://b.gov.cn/"))
        #expect(try f.selecting(["other"]).map(\.id) == ["other"])
        #expect(throws: ConfigError.self) { try f.selecting(["nope"]) }
    }

    @Test func reportsEveryErrorWithItsLine() {
        let yaml = """
        defaults:
          delay: -1
        sites:
          - id: ok
            start_urls: [http://a.gov.cn/]
          - id: bad one
            start_urls: [ftp://a.gov.cn/]
            colour: red
          - id: ok
            start_urls: [http://b.gov.cn/]
            include: ["(unclosed"]
          - agency: 无名
            start_urls: [http://c.gov.cn/]
        """
        do {
            _ = try SitesFileLoader.parse(yaml, file: "sites.yaml")
            Issue.record("expected errors")
        } catch let e as ConfigErrors {
            let lines = e.errors.map { $0.line ?? 0 }
            let text = e.description
            #expect(text.contains("sites.yaml:2: defaults: `delay` must be a number ≥ 0.0"))
            #expect(text.contains("sites.yaml:6: site bad one: `id` may hold only letters"))
            #expect(text.contains("sites.yaml:7: site bad one: start URL \"ftp://a.gov.cn/\" is not an absolute http(s) URL"))
            #expect(text.contains("sites.yaml:8: site bad one: unknown key `colour`"))
            #expect(text.contains("sites.yaml:9: site ok: pattern \"(unclosed\" is not a valid regular expression"))
            #expect(text.contains("sites.yaml:12: site: missing `id`"))
            #expect(lines.allSatisfy { $0 > 0 })
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func duplicateIdsAndYAMLSyntax() {
        let dup = "sites:\n  - id: a\n    start_urls: [http://a/]\n  - id: a\n    start_urls: [http://b/]\n"
        #expect(throws: ConfigErrors.self) { try SitesFileLoader.parse(dup) }
        do { _ = try SitesFileLoader.parse(dup) } catch let e as ConfigErrors {
            #expect(e.errors.map(\.message) == ["duplicate site id \"a\" (first at line 2)"])
            #expect(e.errors.first?.line == 4)
        } catch {}
        do {
            _ = try SitesFileLoader.parse("sites:\n  - id: a\n   start_urls: [x\n", file: "s.yaml")
            Issue.record("expected a YAML error")
        } catch let e as ConfigError {
            #expect(e.line == 3)
            #expect(e.description.hasPrefix("s.yaml:3: not valid YAML"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func shippedConfigIsValid() throws {
        let f = try SitesFileLoader.load(Fixtures.repoRoot.appendingPathComponent("Config/sites.yaml"))
        #expect(f.sites.contains { $0.startURLs.contains("http://xxgk.tonghua.gov.cn/zcbm/fgw_98107/ndbg/") })
        #expect(f.defaults.delay == 2)
        #expect(f.defaults.maxBytes == 50 << 20)
        #expect(f.defaults.contact.contains("@") || f.defaults.contact.hasPrefix("http"))
    }
}
