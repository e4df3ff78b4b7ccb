import Foundation
import Testing

@testable import SealedCookie

@Suite("PublicSuffixList")
struct PublicSuffixListTests {
    /// The ASCII and punycoded cases of the list's own test file (tests/test_psl.txt, CC0),
    /// as `checkPublicSuffix(domain, registrable domain)`; nil means "is a public suffix".
    static let checkPublicSuffix: [(String, String?)] = [
        ("COM", nil), ("example.COM", "example.com"), ("WwW.example.COM", "example.com"),
        ("example", nil), ("example.example", "example.example"), ("b.example.example", "example.example"),
        ("a.b.example.example", "example.example"),
        ("biz", nil), ("domain.biz", "domain.biz"), ("b.domain.biz", "domain.biz"), ("a.b.domain.biz", "domain.biz"),
        ("com", nil), ("example.com", "example.com"), ("b.example.com", "example.com"),
        ("a.b.example.com", "example.com"),
        ("uk.com", nil), ("example.uk.com", "example.uk.com"), ("b.example.uk.com", "example.uk.com"),
        ("a.b.example.uk.com", "example.uk.com"), ("test.ac", "test.ac"),
        ("mm", nil), ("c.mm", nil), ("b.c.mm", "b.c.mm"), ("a.b.c.mm", "b.c.mm"),
        ("jp", nil), ("test.jp", "test.jp"), ("www.test.jp", "test.jp"), ("ac.jp", nil), ("test.ac.jp", "test.ac.jp"),
        ("www.test.ac.jp", "test.ac.jp"), ("kyoto.jp", nil), ("test.kyoto.jp", "test.kyoto.jp"), ("ide.kyoto.jp", nil),
        ("b.ide.kyoto.jp", "b.ide.kyoto.jp"), ("a.b.ide.kyoto.jp", "b.ide.kyoto.jp"), ("c.kobe.jp", nil),
        ("b.c.kobe.jp", "b.c.kobe.jp"), ("a.b.c.kobe.jp", "b.c.kobe.jp"), ("city.kobe.jp", "city.kobe.jp"),
        ("www.city.kobe.jp", "city.kobe.jp"),
        ("ck", nil), ("test.ck", nil), ("b.test.ck", "b.test.ck"), ("a.b.test.ck", "b.test.ck"), ("www.ck", "www.ck"),
        ("www.www.ck", "www.ck"),
        ("us", nil), ("test.us", "test.us"), ("www.test.us", "test.us"), ("ak.us", nil), ("test.ak.us", "test.ak.us"),
        ("www.test.ak.us", "test.ak.us"), ("k12.ak.us", nil), ("test.k12.ak.us", "test.k12.ak.us"),
        ("www.test.k12.ak.us", "test.k12.ak.us"),
        ("xn--85x722f.com.cn", "xn--85x722f.com.cn"), ("xn--85x722f.xn--55qx5d.cn", "xn--85x722f.xn--55qx5d.cn"),
        ("www.xn--85x722f.xn--55qx5d.cn", "xn--85x722f.xn--55qx5d.cn"),
        ("shishi.xn--55qx5d.cn", "shishi.xn--55qx5d.cn"),
        ("xn--55qx5d.cn", nil), ("xn--85x722f.xn--fiqs8s", "xn--85x722f.xn--fiqs8s"),
        ("www.xn--85x722f.xn--fiqs8s", "xn--85x722f.xn--fiqs8s"), ("shishi.xn--fiqs8s", "shishi.xn--fiqs8s"),
        ("xn--fiqs8s", nil),
        // Beyond the upstream file: the cases this package cares most about.
        ("github.io", nil), ("user.github.io", "user.github.io"), ("a.user.github.io", "user.github.io"),
        ("co.uk", nil), ("shop.api.example.co.uk", "example.co.uk"), ("herokuapp.com", nil),
    ]

    @Test("the bundled snapshot loads with both sections")
    func bundled() throws {
        let list = try PublicSuffixList.bundled
        #expect(list.ruleCount > 9000)
        #expect(try list.match("co.uk").section == .icann)
        #expect(try list.match("github.io").section == .privateDomains)
        #expect(try list.match("example.unlistedtld").section == nil)
    }

    @Test("the list's own test cases, plus github.io and co.uk")
    func checkPublicSuffixCases() throws {
        let list = try PublicSuffixList.bundled
        for (domain, registrable) in Self.checkPublicSuffix {
            #expect(try list.registrableDomain(of: domain) == registrable, "\(domain)")
            #expect(try list.isPublicSuffix(domain) == (registrable == nil), "\(domain)")
        }
    }

    @Test("public suffixes of wildcard and exception rules")
    func publicSuffixes() throws {
        let list = try PublicSuffixList.bundled
        #expect(try list.publicSuffix(of: "a.b.test.ck") == "test.ck")  // *.ck
        #expect(try list.publicSuffix(of: "www.www.ck") == "ck")  // !www.ck
        #expect(try list.publicSuffix(of: "www.ck") == "ck")
        #expect(try list.publicSuffix(of: "shop.api.example.co.uk") == "co.uk")
        #expect(try list.publicSuffix(of: "x.example.unlistedtld") == "unlistedtld")  // the implicit * rule
    }

    @Test("non-ASCII queries are refused: IDNA A-labels only")
    func nonASCII() throws {
        let list = try PublicSuffixList.bundled
        for domain in ["食狮.com.cn", "食狮.公司.cn", "公司.cn", "中国", "bücher.example"] {
            #expect(throws: DomainNameError.notASCII) { try list.registrableDomain(of: domain) }
        }
    }

    @Test("rules from text: wildcards, exceptions, Unicode rules stored as A-labels, sections")
    func fromText() throws {
        let list = try PublicSuffixList(
            text: """
                // ===BEGIN ICANN DOMAINS===
                test
                *.wild.test
                !keep.wild.test
                公司.test   trailing text is ignored
                // ===END ICANN DOMAINS===
                // ===BEGIN PRIVATE DOMAINS===
                pages.test
                """)
        #expect(list.ruleCount == 5)
        #expect(try list.registrableDomain(of: "a.b.wild.test") == "a.b.wild.test")
        #expect(try list.registrableDomain(of: "x.keep.wild.test") == "keep.wild.test")
        #expect(try list.isPublicSuffix("xn--55qx5d.test"))
        #expect(
            try list.match("me.pages.test")
                == .init(publicSuffix: "pages.test", registrableDomain: "me.pages.test", section: .privateDomains))
        #expect(try list.match("other.test").section == .icann)
    }

    @Test(
        "invalid lists are refused",
        arguments: [
            ("a.*.b", PublicSuffixListError.invalidRule(line: 1)),
            ("ok\n*", .invalidRule(line: 2)),
            ("ok\n!single", .invalidRule(line: 2)),
            ("a..b", .invalidRule(line: 1)),
            ("a/b", .invalidRule(line: 1)),
            ("// only comments\n\n", .noRules),
        ])
    func invalid(text: String, expected: PublicSuffixListError) {
        #expect(throws: expected) { try PublicSuffixList(text: text) }
    }

    @Test("loading a newer list file at run time, bounded in size")
    func fromFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("psl-\(UUID().uuidString).dat")
        try Data("com\n*.example\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let list = try PublicSuffixList(contentsOf: url)
        #expect(list.ruleCount == 2)
        #expect(try list.isPublicSuffix("anything.example"))
        #expect(throws: PublicSuffixListError.tooLarge(byteCount: 11, limit: 10)) {
            try PublicSuffixList(contentsOf: url, maxByteCount: 10)
        }
        let missing = url.appendingPathExtension("missing")
        #expect(throws: PublicSuffixListError.unreadable(path: missing.path)) {
            try PublicSuffixList(contentsOf: missing)
        }
        let binary = url.appendingPathExtension("bin")
        try Data([0xFF, 0xFE, 0x00]).write(to: binary)
        defer { try? FileManager.default.removeItem(at: binary) }
        #expect(throws: PublicSuffixListError.notUTF8) { try PublicSuffixList(contentsOf: binary) }
    }
}
