import Foundation
import Testing

@testable import SealedCookie

/// Cookie tossing with chunk names: any sibling subdomain can plant `session.k` for the root
/// domain, with any Path, where this app's deletions never reach it. Such a cookie must neither
/// lock the user out nor make a write emit unbounded deletion headers.
@Suite("Planted chunks")
struct PlantedChunkTests {
    typealias Fixture = SessionCookiesFixture

    static let planted = (1...99).map { "session.\($0)=AAAA" }.joined(separator: "; ")

    @Test("chunking off: planted session.1 … session.99 are ignored when reading")
    func unchunkedIgnoresPlantedChunks() throws {
        let cookies = try Fixture.cookies()
        let good = Fixture.cookieHeader(
            from: try cookies.setCookieHeaders(for: [7], requestHost: "example.com", requestCookieHeaders: []))
        #expect(try cookies.session(fromCookieHeaders: [Self.planted + "; " + good])?.session == [7])
        #expect(try cookies.session(fromCookieHeaders: [good + "; session.1=AAAA"])?.session == [7])
        // Only planted chunks, no session cookie: simply no session.
        #expect(try cookies.session(fromCookieHeaders: [Self.planted]) == nil)
    }

    @Test("chunking on: chunks beyond the announced count or beyond maxChunkCount are ignored")
    func chunkedIgnoresExtraChunks() throws {
        let cookies = try Fixture.cookies(maxValueLength: 16_384, configuration: try SessionCookiesTests.chunking())
        let session = Fixture.bytes(7000)
        let set = try cookies.setCookieHeaders(for: session, requestHost: "example.com", requestCookieHeaders: [])
        let chunked = Fixture.cookieHeader(from: set)
        #expect(set.count == 3)
        #expect(
            try cookies.session(fromCookieHeaders: [chunked + "; session.3=AAAA; session.40=BBBB"])?.session == session)
        let small = Fixture.cookieHeader(
            from: try cookies.setCookieHeaders(for: [1], requestHost: "example.com", requestCookieHeaders: []))
        #expect(try cookies.session(fromCookieHeaders: [small + "; session.1=AAAA; session.2=BBBB"])?.session == [1])
    }

    @Test("a write deletes at most the chunks this configuration can have written")
    func deletionsAreBounded() throws {
        let single = try Fixture.cookies()
        let written = try single.setCookieHeaders(
            for: [7], requestHost: "example.com", requestCookieHeaders: [Self.planted])
        #expect(written.count == 1)
        #expect(single.deletionHeaders(requestCookieHeaders: [Self.planted]).count == 1)

        let chunked = try Fixture.cookies(maxValueLength: 16_384, configuration: try SessionCookiesTests.chunking())
        let small = try chunked.setCookieHeaders(
            for: [7], requestHost: "example.com", requestCookieHeaders: [Self.planted])
        #expect(small.dropFirst().map { Fixture.nameValue($0).name } == ["session.1", "session.2"])
        #expect(chunked.deletionHeaders(requestCookieHeaders: [Self.planted]).count == 3)
    }
}
