import Foundation
import Testing

@testable import SealedCookie

@Suite("SetCookie")
struct SetCookieTests {
    /// 2024-01-02 03:04:05 UTC, a Tuesday.
    static let date = Date(timeIntervalSince1970: 1_704_164_645)

    @Test("exact serialization of representative cookies")
    func representative() throws {
        let cases: [(SetCookie, String)] = [
            (
                try .validated(name: "s", value: "v"),
                "s=v; Path=/; Secure; HttpOnly; SameSite=Lax"
            ),
            (
                try .validated(
                    name: "s", value: "", path: nil, secure: false, httpOnly: false, sameSite: nil),
                "s="
            ),
            (
                try .validated(
                    name: "__Secure-session", value: "AbC-_9", domain: ".Example.COM", path: "/", expires: Self.date,
                    maxAge: 86400, secure: true, httpOnly: true, sameSite: .strict, partitioned: true),
                "__Secure-session=AbC-_9; Domain=example.com; Path=/; Expires=Tue, 02 Jan 2024 03:04:05 GMT; Max-Age=86400; Secure; HttpOnly; SameSite=Strict; Partitioned"
            ),
            (
                try .validated(name: "__Host-id", value: "x", sameSite: SameSite.none),
                "__Host-id=x; Path=/; Secure; HttpOnly; SameSite=None"
            ),
            (
                try .validated(
                    name: "a", value: "1", path: "/app", maxAge: 0, secure: false, httpOnly: true, sameSite: nil),
                "a=1; Path=/app; Max-Age=0; HttpOnly"
            ),
            (
                try .validated(
                    name: "a", value: "1", domain: "a.b.example.org", path: nil,
                    expires: Date(timeIntervalSince1970: 0.9),
                    secure: false, httpOnly: false, sameSite: .lax),
                "a=1; Domain=a.b.example.org; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax"
            ),
        ]
        for (cookie, expected) in cases {
            #expect(cookie.headerValue == expected)
            #expect(cookie.description == expected)
        }
    }

    /// Every combination of attributes, against the header assembled from literal fragments in
    /// the documented order; invalid combinations must throw the right error instead.
    @Test("every attribute combination", arguments: [nil, SameSite.strict, .lax, SameSite.none])
    func everyCombination(sameSite: SameSite?) throws {
        for domain in [nil, "example.com"] as [String?] {
            for path in [nil, "/", "/a/b"] as [String?] {
                for expires in [nil, Self.date] as [Date?] {
                    for maxAge in [nil, 3600] as [Int?] {
                        for secure in [false, true] {
                            for httpOnly in [false, true] {
                                for partitioned in [false, true] {
                                    let make = { () throws(CookieAttributeError) -> SetCookie in
                                        try .validated(
                                            name: "n", value: "v", domain: domain, path: path, expires: expires,
                                            maxAge: maxAge, secure: secure, httpOnly: httpOnly, sameSite: sameSite,
                                            partitioned: partitioned)
                                    }
                                    if sameSite == SameSite.none, !secure {
                                        #expect(throws: CookieAttributeError.sameSiteNoneRequiresSecure) { try make() }
                                        continue
                                    }
                                    if partitioned, !secure {
                                        #expect(throws: CookieAttributeError.partitionedRequiresSecure) { try make() }
                                        continue
                                    }
                                    var expected = "n=v"
                                    if domain != nil { expected += "; Domain=example.com" }
                                    if let path { expected += "; Path=" + path }
                                    if expires != nil { expected += "; Expires=Tue, 02 Jan 2024 03:04:05 GMT" }
                                    if maxAge != nil { expected += "; Max-Age=3600" }
                                    if secure { expected += "; Secure" }
                                    if httpOnly { expected += "; HttpOnly" }
                                    switch sameSite {
                                    case .strict?: expected += "; SameSite=Strict"
                                    case .lax?: expected += "; SameSite=Lax"
                                    case .none?: expected += "; SameSite=None"
                                    case nil: break
                                    }
                                    if partitioned { expected += "; Partitioned" }
                                    let cookie = try make()
                                    #expect(cookie.headerValue == expected)
                                    #expect(cookie.domain == domain && cookie.path == path && cookie.maxAge == maxAge)
                                    #expect(cookie.isSecure == secure && cookie.isHTTPOnly == httpOnly)
                                    #expect(cookie.sameSite == sameSite && cookie.isPartitioned == partitioned)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test("IMF-fixdate formatting across the calendar")
    func dates() {
        let cases: [(TimeInterval, String?)] = [
            (0, "Thu, 01 Jan 1970 00:00:00 GMT"),
            (784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT"),  // RFC 9110's example
            (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"),
            (-1, "Wed, 31 Dec 1969 23:59:59 GMT"),
            (-11_644_473_600, "Mon, 01 Jan 1601 00:00:00 GMT"),
            (253_402_300_799, "Fri, 31 Dec 9999 23:59:59 GMT"),
            (4_102_444_800, "Fri, 01 Jan 2100 00:00:00 GMT"),
            (1_704_164_645.999, "Tue, 02 Jan 2024 03:04:05 GMT"),
            (-11_644_473_601, nil),
            (253_402_300_800, nil),
            (.infinity, nil),
        ]
        for (seconds, expected) in cases {
            #expect(HTTPDate.format(Date(timeIntervalSince1970: seconds)) == expected, "\(seconds)")
        }
    }

    @Test("validation errors")
    func validationErrors() {
        let long = "/" + String(repeating: "a", count: 1024)
        let cases: [(CookieAttributeError, () throws(CookieAttributeError) -> SetCookie)] = [
            (.emptyName, { () throws(CookieAttributeError) in try .validated(name: "", value: "v") }),
            (
                .invalidNameCharacter("'='", offset: 1),
                { () throws(CookieAttributeError) in try .validated(name: "a=b", value: "v") }
            ),
            (
                .invalidNameCharacter("0x20", offset: 1),
                { () throws(CookieAttributeError) in try .validated(name: "a b", value: "v") }
            ),
            (
                .invalidNameCharacter("';'", offset: 0),
                { () throws(CookieAttributeError) in try .validated(name: ";", value: "v") }
            ),
            (
                .invalidNameCharacter("0xC3", offset: 0),
                { () throws(CookieAttributeError) in try .validated(name: "é", value: "v") }
            ),
            (
                .invalidValueCharacter("0x20", offset: 1),
                { () throws(CookieAttributeError) in try .validated(name: "n", value: "a b") }
            ),
            (
                .invalidValueCharacter("';'", offset: 0),
                { () throws(CookieAttributeError) in try .validated(name: "n", value: ";") }
            ),
            (
                .invalidValueCharacter("','", offset: 0),
                { () throws(CookieAttributeError) in try .validated(name: "n", value: ",") }
            ),
            (
                .invalidValueCharacter("'\"'", offset: 0),
                { () throws(CookieAttributeError) in try .validated(name: "n", value: "\"x\"") }
            ),
            (
                .invalidValueCharacter("'\\'", offset: 0),
                { () throws(CookieAttributeError) in try .validated(name: "n", value: "\\") }
            ),
            (
                .invalidValueCharacter("0x0D", offset: 1),
                { () throws(CookieAttributeError) in try .validated(name: "n", value: "a\r\nX: y") }
            ),
            (
                .attributeTooLong(attribute: "Path", length: 1025, limit: 1024),
                { () throws(CookieAttributeError) in try .validated(name: "n", value: "v", path: long) }
            ),
            (
                .attributeTooLong(attribute: "Domain", length: 1025, limit: 1024),
                { () throws(CookieAttributeError) in
                    try .validated(name: "n", value: "v", domain: String(repeating: "a", count: 1025))
                }
            ),
            (
                .pathNotAbsolute,
                { () throws(CookieAttributeError) in try .validated(name: "n", value: "v", path: "app") }
            ),
            (.pathNotAbsolute, { () throws(CookieAttributeError) in try .validated(name: "n", value: "v", path: "") }),
            (
                .invalidPathCharacter("';'", offset: 2),
                { () throws(CookieAttributeError) in try .validated(name: "n", value: "v", path: "/a;b") }
            ),
            (
                .invalidPathCharacter("0x0A", offset: 2),
                { () throws(CookieAttributeError) in try .validated(name: "n", value: "v", path: "/a\n") }
            ),
            (
                .invalidDomain(.emptyLabel),
                { () throws(CookieAttributeError) in try .validated(name: "n", value: "v", domain: "a..com") }
            ),
            (
                .invalidDomain(.ipAddress),
                { () throws(CookieAttributeError) in try .validated(name: "n", value: "v", domain: "127.0.0.1") }
            ),
            (
                .invalidDomain(.notASCII),
                { () throws(CookieAttributeError) in try .validated(name: "n", value: "v", domain: "bücher.example") }
            ),
            (
                .negativeMaxAge(-1),
                { () throws(CookieAttributeError) in try .validated(name: "n", value: "v", maxAge: -1) }
            ),
            (
                .expiresOutOfRange,
                { () throws(CookieAttributeError) in
                    try .validated(name: "n", value: "v", expires: Date(timeIntervalSince1970: -2e10))
                }
            ),
            (
                .sameSiteNoneRequiresSecure,
                { () throws(CookieAttributeError) in
                    try .validated(name: "n", value: "v", secure: false, sameSite: SameSite.none)
                }
            ),
            (
                .partitionedRequiresSecure,
                { () throws(CookieAttributeError) in
                    try .validated(name: "n", value: "v", secure: false, sameSite: .lax, partitioned: true)
                }
            ),
            (
                .securePrefixRequiresSecure,
                { () throws(CookieAttributeError) in try .validated(name: "__Secure-s", value: "v", secure: false) }
            ),
            (
                .securePrefixRequiresSecure,
                { () throws(CookieAttributeError) in try .validated(name: "__SECURE-s", value: "v", secure: false) }
            ),
            (
                .hostPrefixRequiresSecure,
                { () throws(CookieAttributeError) in try .validated(name: "__Host-s", value: "v", secure: false) }
            ),
            (
                .hostPrefixRequiresRootPath,
                { () throws(CookieAttributeError) in try .validated(name: "__Host-s", value: "v", path: "/app") }
            ),
            (
                .hostPrefixRequiresRootPath,
                { () throws(CookieAttributeError) in try .validated(name: "__Host-s", value: "v", path: nil) }
            ),
            (
                .hostPrefixForbidsDomain,
                { () throws(CookieAttributeError) in try .validated(name: "__host-s", value: "v", domain: "example.com")
                }
            ),
        ]
        for (expected, make) in cases {
            #expect(throws: expected) { try make() }
            #expect(!expected.description.isEmpty)
        }
    }

    @Test("limits are inclusive: a 1024-byte Path, every cookie-octet, every token character")
    func acceptedEdges() throws {
        let path = "/" + String(repeating: "p", count: 1023)
        #expect(try SetCookie.validated(name: "n", value: "v", path: path).path == path)
        let octets = String(
            decoding: (0x21...0x7E).filter { ![0x22, 0x2C, 0x3B, 0x5C].contains($0) }.map { UInt8($0) }, as: UTF8.self)
        #expect(try SetCookie.validated(name: "n", value: octets).value == octets)
        let token = "!#$%&'*+-.^_`|~09azAZ"
        #expect(try SetCookie.validated(name: token, value: "").name == token)
        // __Secure- lookalikes without the exact prefix are ordinary names.
        #expect(try SetCookie.validated(name: "__Securex", value: "v", secure: false).isSecure == false)
    }

    @Test("cookie-octet is exactly RFC 6265's ranges, for every byte")
    func cookieOctets() {
        let ranges: [ClosedRange<UInt8>] = [0x21...0x21, 0x23...0x2B, 0x2D...0x3A, 0x3C...0x5B, 0x5D...0x7E]
        for byte in UInt8.min...UInt8.max {
            #expect(CookieGrammar.isCookieOctet(byte) == ranges.contains { $0.contains(byte) }, "\(byte)")
        }
    }

    @Test("the __Host- error explains the conflict with root-domain scope")
    func hostPrefixMessage() {
        let text = CookieAttributeError.hostPrefixForbidsDomain.description
        #expect(text.contains("root domain") && text.contains("__Secure-"))
    }

    @Test("deletion keeps Domain, Path and flags, with Max-Age=0")
    func deletion() throws {
        let cookie = try SetCookie.validated(
            name: "s", value: "abc", domain: "example.com", path: "/app", expires: Self.date, maxAge: 60,
            sameSite: SameSite.none, partitioned: true)
        #expect(
            cookie.deletion.headerValue
                == "s=; Domain=example.com; Path=/app; Max-Age=0; Secure; HttpOnly; SameSite=None; Partitioned")
        #expect(cookie.deletion.value.isEmpty && cookie.deletion.maxAge == 0 && cookie.deletion.expires == nil)
    }

    @Test("with(name:sealedValue:) revalidates the prefix rules")
    func renamed() throws {
        let cookie = try SetCookie.validated(name: "s", value: "a", domain: "example.com")
        #expect(
            try cookie.with(name: "s.1", sealedValue: "b").headerValue
                == "s.1=b; Domain=example.com; Path=/; Secure; HttpOnly; SameSite=Lax")
        #expect(throws: CookieAttributeError.hostPrefixForbidsDomain) {
            try cookie.with(name: "__Host-s", sealedValue: "b")
        }
    }

    @Test("with(name:sealedValue:) equals a cookie validated from scratch, and still checks the name")
    func renamedEqualsValidated() throws {
        let cookie = try SetCookie.validated(
            name: "s", value: "a", domain: ".Example.com", path: "/app", expires: Self.date.addingTimeInterval(0.75),
            maxAge: 60, sameSite: .strict, partitioned: true)
        let renamed = try cookie.with(name: "s.2", sealedValue: "2~xyz")
        #expect(
            renamed
                == (try SetCookie.validated(
                    name: "s.2", value: "2~xyz", domain: "example.com", path: "/app", expires: Self.date, maxAge: 60,
                    sameSite: .strict, partitioned: true)))
        #expect(throws: CookieAttributeError.invalidNameCharacter("'='", offset: 1)) {
            try cookie.with(name: "s=", sealedValue: "a")
        }
        #expect(throws: CookieAttributeError.emptyName) { try cookie.with(name: "", sealedValue: "a") }
    }

    @Test("with(expires:maxAge:) rewrites only those attributes, checked as validated checks them")
    func relifed() throws {
        let cookie = try SetCookie.validated(name: "s", value: "a", domain: "example.com")
        let persistent = try cookie.with(expires: Self.date, maxAge: 3600)
        #expect(
            persistent
                == (try SetCookie.validated(
                    name: "s", value: "a", domain: "example.com", expires: Self.date, maxAge: 3600)))
        #expect(try persistent.with(expires: nil, maxAge: nil) == cookie)
        #expect(throws: CookieAttributeError.negativeMaxAge(-1)) { try cookie.with(expires: nil, maxAge: -1) }
        #expect(throws: CookieAttributeError.expiresOutOfRange) {
            try cookie.with(expires: Date(timeIntervalSince1970: 253_402_300_800), maxAge: nil)
        }
    }
}
