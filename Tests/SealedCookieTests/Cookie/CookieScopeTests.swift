import Testing

@testable import SealedCookie

@Suite("CookieScope")
struct CookieScopeTests {
    @Test(
        "root domains are normalised",
        arguments: [
            ("example.com", "example.com"), ("Example.COM", "example.com"), (".example.com", "example.com"),
            ("example.co.uk", "example.co.uk"), ("api.example.com", "api.example.com"),
            ("user.github.io", "user.github.io"),
            ("xn--bcher-kva.example", "xn--bcher-kva.example"), ("www.ck", "www.ck"), ("b.test.ck", "b.test.ck"),
        ])
    func normalised(input: String, expected: String) throws {
        let scope = try CookieScope.rootDomain(input)
        #expect(scope.rootDomain == expected)
        #expect(scope.domainAttribute == expected)
    }

    @Test("public suffixes are refused, ICANN and private, wildcard and exception rules")
    func publicSuffixes() {
        let cases: [(String, SessionCookieError)] = [
            ("com", .rootDomainIsPublicSuffix("com")),
            ("co.uk", .rootDomainIsPublicSuffix("co.uk")),
            ("CO.UK", .rootDomainIsPublicSuffix("co.uk")),
            ("github.io", .rootDomainIsPublicSuffix("github.io")),
            ("herokuapp.com", .rootDomainIsPublicSuffix("herokuapp.com")),
            ("ck", .rootDomainIsPublicSuffix("ck")),  // only *.ck is listed
            ("test.ck", .rootDomainIsPublicSuffix("test.ck")),  // *.ck
            ("xn--55qx5d.cn", .rootDomainIsPublicSuffix("xn--55qx5d.cn")),  // 公司.cn
            ("localhost", .rootDomainIsPublicSuffix("localhost")),  // implicit * rule
        ]
        for (domain, expected) in cases {
            #expect(throws: expected, "\(domain)") { try CookieScope.rootDomain(domain) }
        }
        #expect(SessionCookieError.rootDomainIsPublicSuffix("github.io").description.contains("Public Suffix List"))
    }

    @Test("invalid root domains are refused with the reason")
    func invalid() {
        let cases: [(String, DomainNameError)] = [
            ("", .empty), ("a..example.com", .emptyLabel), ("example.com.", .emptyLabel),
            ("192.168.0.1", .ipAddress), ("[::1]", .ipAddress), ("2001:db8::1", .ipAddress),
            ("bücher.example", .notASCII), ("xn--99999999999999.example", .invalidALabel("xn--99999999999999")),
            ("exa_mple.com:8080", .invalidCharacter("':'")), ("a b.com", .invalidCharacter("0x20")),
        ]
        for (domain, expected) in cases {
            #expect(throws: SessionCookieError.invalidRootDomain(domain, reason: expected), "\(domain)") {
                try CookieScope.rootDomain(domain)
            }
        }
    }

    @Test("a custom list can be passed")
    func customList() throws {
        let list = try PublicSuffixList(text: "example.com")
        #expect(throws: SessionCookieError.rootDomainIsPublicSuffix("example.com")) {
            try CookieScope.rootDomain("example.com", publicSuffixList: list)
        }
        #expect(try CookieScope.rootDomain("a.example.com", publicSuffixList: list).rootDomain == "a.example.com")
    }

    @Test("domain-match (RFC 6265 section 5.1.3)")
    func domainMatch() throws {
        let scope = try CookieScope.rootDomain("example.com")
        for host in ["example.com", "a.example.com", "A.EXAMPLE.COM", "b.a.example.com", "xn--bcher-kva.example.com"] {
            #expect(scope.contains(host: host), "\(host)")
        }
        for host in [
            "example.org", "notexample.com", "example.com.evil.net", "com", "", "a.example.com.", ".example.com",
            "127.0.0.1", "[::1]", "a.example.com:443", "exämple.com",
            String(repeating: "a.", count: 130) + "example.com",
        ] {
            #expect(!scope.contains(host: host), "\(host)")
        }
        #expect(throws: SessionCookieError.hostOutsideScope(host: "example.org", rootDomain: "example.com")) {
            try scope.check(host: "example.org")
        }
        try scope.check(host: "shop.example.com")
        #expect(try CookieScope.rootDomain(".Example.COM") == scope)
        #expect(try CookieScope.rootDomain("a.example.com") != scope)
    }

    @Test("host-only scope has no Domain and accepts every host")
    func hostOnly() throws {
        #expect(CookieScope.hostOnly.domainAttribute == nil)
        #expect(CookieScope.hostOnly.contains(host: "10.0.0.1"))
        try CookieScope.hostOnly.check(host: "anything")
    }

    @Test(
        "host names from Host headers",
        arguments: [
            ("a.example.com:8443", "a.example.com"), ("a.example.com", "a.example.com"), ("[::1]:80", "[::1]"),
            ("[::1]", "[::1]"), ("127.0.0.1:80", "127.0.0.1"), ("[::1", "[::1"), (":80", ""), ("", ""),
            ("a.example.com:", "a.example.com"),
        ])
    func hostNames(header: String, host: String) {
        #expect(CookieScope.hostName(fromHostHeader: header) == host)
    }

    @Test("registrable domains of request hosts")
    func registrable() throws {
        let list = try PublicSuffixList.bundled
        #expect(try list.registrableDomain(of: "shop.api.example.co.uk") == "example.co.uk")
        #expect(try list.registrableDomain(of: "a.b.example.com") == "example.com")
        #expect(try list.registrableDomain(of: "co.uk") == nil)
    }
}
