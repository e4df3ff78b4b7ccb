import Foundation
import Testing

@testable import SealedCookie

/// The `requestCookies:` variants a middleware uses to parse the `Cookie` fields once per
/// request: the same answers as the variants that take the fields.
@Suite("SessionCookies, Cookie fields parsed once")
struct SessionCookiesParsedOnceTests {
    typealias Fixture = SessionCookiesFixture

    static let deletionAttributes = SessionCookiesTests.deletionAttributes

    static func chunkingCookies() throws -> SessionCookies<[UInt8]> {
        try Fixture.cookies(maxValueLength: 16_384, configuration: try SessionCookiesTests.chunking())
    }

    @Test("a parsed header reads, rewrites and logs out like the fields it came from")
    func parsedHeader() throws {
        let cookies = try Self.chunkingCookies()
        let big = try cookies.setCookieHeaders(
            for: Fixture.bytes(7000), requestHost: "example.com", requestCookieHeaders: [])
        let fields = ["theme=dark; " + Fixture.cookieHeader(from: big), "session.x=1"]
        let parsed = cookies.parseCookieHeaders(fields)
        #expect(parsed.header == (try CookieHeader(parsing: fields)))

        #expect(try cookies.session(in: parsed, digesting: false)?.session == Fixture.bytes(7000))
        let small = try cookies.setCookieHeaders(
            for: Fixture.bytes(10), serialized: nil, lifetimeMinutes: nil, requestHost: "example.com",
            requestCookies: parsed)
        #expect(Array(small.dropFirst()) == ["session.1", "session.2"].map { $0 + "=" + Self.deletionAttributes })
        #expect(
            try cookies.session(fromCookieHeaders: [Fixture.cookieHeader(from: small)])?.session == Fixture.bytes(10))
        #expect(
            cookies.deletionHeaders(requestCookies: parsed) == cookies.deletionHeaders(requestCookieHeaders: fields))
    }

    @Test("a header over the limits: reading fails with its error, writing deletes every chunk that could exist")
    func unparseable() throws {
        let cookies = try Self.chunkingCookies()
        let parsed = cookies.parseCookieHeaders([String(repeating: "x", count: 20_000)])
        #expect(parsed.header == nil)
        #expect(throws: SessionCookieError.cookieHeaderTooLong(length: 20_000, limit: 16_384)) {
            try cookies.session(in: parsed, digesting: false)
        }
        let written = try cookies.setCookieHeaders(
            for: Fixture.bytes(10), serialized: nil, lifetimeMinutes: nil, requestHost: "example.com",
            requestCookies: parsed)
        #expect(Array(written.dropFirst()) == ["session.1", "session.2"].map { $0 + "=" + Self.deletionAttributes })
        #expect(cookies.deletionHeaders(requestCookies: parsed).count == 3)
    }
}
