import Foundation
import Testing

@testable import SealedCookie

/// Every number of the cookie configuration is checked when ``SessionCookies`` is made, so no
/// value can trap on a later write or make cookies that a browser or the reader drops.
@Suite("Configuration limits")
struct ConfigurationLimitsTests {
    typealias Fixture = SessionCookiesFixture

    static func make(budget: CookieBudget = CookieBudget(), maxHeaderBytes: Int = 16_384, maxCookies: Int = 256) throws
    {
        _ = try Fixture.cookies(
            configuration: SessionCookiesConfiguration(
                scope: try .rootDomain("example.com"), budget: budget, maxCookieHeaderByteCount: maxHeaderBytes,
                maxCookieCount: maxCookies))
    }

    @Test(
        "numbers that would overflow or leave nothing are refused at init",
        arguments: [
            CookieBudget(otherCookiesReserve: .max),
            CookieBudget(otherCookiesReserve: -1),
            CookieBudget(requestHeaderByteCount: .max),
            CookieBudget(requestHeaderByteCount: 4000, otherCookiesReserve: 4000),
            CookieBudget(maxSetCookieByteCount: .max),
            CookieBudget(maxSetCookieByteCount: 0),
            CookieBudget(maxNameValueByteCount: .min),
        ])
    func overflowingBudget(budget: CookieBudget) throws {
        #expect(throws: SessionCookieError.self) { try Self.make(budget: budget) }
    }

    @Test("a per-cookie limit above the 4096 bytes browsers keep is refused")
    func perCookieLimitAboveBrowsers() throws {
        #expect(throws: SessionCookieError.self) { try Self.make(budget: CookieBudget(maxNameValueByteCount: 4100)) }
        try Self.make(budget: CookieBudget(maxNameValueByteCount: 4096))
    }

    @Test("the request budget cannot exceed what the Cookie-header read limit lets through")
    func requestBudgetAgreesWithReadLimit() throws {
        // "Cookie: " and CRLF are counted by the budget but are not part of the field value.
        try Self.make(budget: CookieBudget(requestHeaderByteCount: 16_384 + 10))
        #expect(throws: SessionCookieError.self) {
            try Self.make(budget: CookieBudget(requestHeaderByteCount: 16_384 + 11))
        }
        try Self.make(budget: CookieBudget(requestHeaderByteCount: 32_768), maxHeaderBytes: 32_768)
        #expect(throws: SessionCookieError.self) { try Self.make(maxHeaderBytes: .max) }
        #expect(throws: SessionCookieError.self) { try Self.make(maxCookies: .max) }
        try Self.make(maxHeaderBytes: 1 << 20, maxCookies: 4096)
        #expect(throws: SessionCookieError.self) { try Self.make(maxHeaderBytes: (1 << 20) + 1) }
        #expect(throws: SessionCookieError.self) { try Self.make(maxCookies: 4097) }
    }

    @Test(
        "paths with characters that URLs percent-encode are refused",
        arguments: [
            "/a b", "/a\"b", "/a{b", "/a}b", "/a<b", "/a>b", "/a^b", "/a`b", "/a#b", "/a?b", "/a\\b",
        ])
    func pathNeedingPercentEncoding(path: String) throws {
        #expect(throws: SessionCookieError.self) {
            try Fixture.cookies(
                configuration: SessionCookiesConfiguration(scope: try .rootDomain("example.com"), path: path))
        }
    }

    @Test("paths as the browser sends them are accepted")
    func encodedPaths() throws {
        for path in ["/", "/a%20b", "/app/v1", "/a|b", "/~user", "/a-b_c.d"] {
            _ = try Fixture.cookies(
                configuration: SessionCookiesConfiguration(scope: try .rootDomain("example.com"), path: path))
        }
    }
}
