import Testing
@testable import Fetching

/// The robots.txt parser against the examples of RFC 9309 (answers worked out by hand from the rules).
@Suite struct RobotsTxtTests {
    /// RFC 9309 §5.1.
    static let rfcExample = """
        User-Agent: *
        Disallow: *.gif$
        Disallow: /example/
        Allow: /publications/

        User-Agent: foobot
        Disallow:/
        Allow:/example/page.html
        Allow:/example/allowed.gif

        User-Agent: barbot
        User-Agent: bazbot
        Disallow: /example/page.html

        User-Agent: quxbot

        EOF
        """

    @Test func starGroupAppliesToUnnamedCrawlers() {
        let r = RobotsTxt(parsing: Self.rfcExample, userAgent: "nianbao")
        #expect(!r.allows("/images/logo.gif"))
        #expect(r.allows("/images/logo.gif?size=2"))   // $ anchors the end
        #expect(!r.allows("/example/index.html"))
        #expect(r.allows("/publications/2023.html"))
        #expect(r.allows("/"))
        #expect(r.allows("/robots.txt"))
    }

    @Test func foobotLongestMatchWins() {
        let r = RobotsTxt(parsing: Self.rfcExample, userAgent: "foobot")
        #expect(!r.allows("/"))
        #expect(!r.allows("/example/other.html"))
        #expect(r.allows("/example/page.html"))
        #expect(r.allows("/example/allowed.gif"))
        #expect(!r.allows("/other.gif"))
    }

    @Test func groupWithSeveralUserAgents() {
        for agent in ["barbot", "BazBot"] {
            let r = RobotsTxt(parsing: Self.rfcExample, userAgent: agent)
            #expect(!r.allows("/example/page.html"), "\(agent)")
            #expect(r.allows("/example/other.html"), "\(agent): a matching group does not inherit *")
            #expect(r.allows("/a.gif"), "\(agent)")
        }
    }

    @Test func emptyGroupAllowsEverything() {
        let r = RobotsTxt(parsing: Self.rfcExample, userAgent: "quxbot")
        #expect(r.allows("/example/page.html"))
        #expect(r.allows("/x.gif"))
    }

    /// RFC 9309 §5.2.
    @Test func longestMatchExample() {
        let r = RobotsTxt(parsing: """
            User-Agent: foobot
            Allow: /example/page/
            Disallow: /example/page/disallowed.gif
            """, userAgent: "foobot")
        #expect(r.allows("/example/page/"))
        #expect(r.allows("/example/page/allowed.gif"))
        #expect(!r.allows("/example/page/disallowed.gif"))
    }

    @Test func allowWinsATie() {
        let r = RobotsTxt(parsing: "User-agent: *\nDisallow: /page\nAllow: /page\n")
        #expect(r.allows("/page"))
        let wild = RobotsTxt(parsing: "User-agent: *\nDisallow: /a*\nAllow: /ab\n")
        #expect(wild.allows("/ab"))        // same length (3 octets): allow
        #expect(!wild.allows("/ac"))
    }

    /// Groups naming the same crawler are merged (RFC 9309 §2.2.1).
    @Test func matchingGroupsAreCombined() {
        let r = RobotsTxt(parsing: """
            user-agent: ExampleBot
            disallow: /foo
            disallow: /bar

            user-agent: examplebot/2.1
            disallow: /baz
            """, userAgent: "examplebot")
        #expect(!r.allows("/foo"))
        #expect(!r.allows("/bar/x"))
        #expect(!r.allows("/baz"))
        #expect(r.allows("/qux"))
    }

    /// RFC 9309 §2.2.3: `*` and `$`, comments, and percent-encoding.
    @Test func specialCharacters() {
        let r = RobotsTxt(parsing: """
            User-agent: *   # all crawlers
            Allow: /this/path/exactly$
            Disallow: /this/path/
            Disallow: /that/*/with/wildcard
            Disallow: /foo/bar/ツ
            Disallow: /en/%62%61%7A
            """)
        #expect(r.allows("/this/path/exactly"))
        #expect(!r.allows("/this/path/exactly/more"))
        #expect(!r.allows("/that/1/2/with/wildcard/file.html"))
        #expect(r.allows("/that/with/wildcard"))
        #expect(!r.allows("/foo/bar/%E3%83%84"))        // encoded and raw forms compare equal
        #expect(!r.allows("/foo/bar/ツ"))
        #expect(!r.allows("/en/baz"))                    // %62%61%7A is "baz"
        #expect(r.allows("/en/bar"))
    }

    @Test func emptyDisallowAndCrawlDelay() {
        let r = RobotsTxt(parsing: """
            User-agent: nianbao
            Disallow:
            Crawl-delay: 5

            User-agent: *
            Disallow: /
            Crawl-delay: 60
            Sitemap: https://example.gov.cn/sitemap.xml
            """)
        #expect(r.allows("/anything"))
        #expect(r.crawlDelay == .seconds(5))
        #expect(r.sitemaps == ["https://example.gov.cn/sitemap.xml"])
        let other = RobotsTxt(parsing: "User-agent: *\nCrawl-delay: 0.5\nDisallow: /tmp\n", userAgent: "nianbao")
        #expect(other.crawlDelay == .milliseconds(500))
        #expect(!other.allows("/tmp/x"))
    }

    @Test func rulesBeforeAnyGroupAndJunkAreIgnored() {
        let r = RobotsTxt(parsing: "Disallow: /\n<html>not robots</html>\nUser-agent: *\nAllow: /\n")
        #expect(r.allows("/x"))
        #expect(RobotsTxt(parsing: "").allows("/x"))
    }
}
