import Foundation
import Testing

@testable import SealedCookie

/// Session swapping: an attacker who is also a user plants his own valid cookie for the root
/// domain with a longer Path; the browser sends it first. Two candidates that open to different
/// sessions must give no session, never the first one.
@Suite("Session swapping")
struct SessionSwapTests {
    typealias Fixture = SessionCookiesFixture

    static func header(_ cookies: SessionCookies<[UInt8]>, _ session: [UInt8]) throws -> String {
        Fixture.cookieHeader(
            from: try cookies.setCookieHeaders(for: session, requestHost: "example.com", requestCookieHeaders: []))
    }

    @Test("two candidates opening to different sessions: a typed error, in either order")
    func differentSessionsConflict() throws {
        let cookies = try Fixture.cookies()
        let (attacker, victim) = (try Self.header(cookies, [6]), try Self.header(cookies, [7]))
        #expect(throws: SessionCookieError.conflictingSessions(candidateCount: 2)) {
            try cookies.session(fromCookieHeaders: [attacker + "; " + victim])
        }
        #expect(throws: SessionCookieError.conflictingSessions(candidateCount: 3)) {
            try cookies.session(fromCookieHeaders: ["session=junk; " + victim + "; " + attacker])
        }
        #expect(!SessionCookieError.conflictingSessions(candidateCount: 2).isUsageError)
    }

    @Test("the same session twice (the same value, or sealed twice) still opens")
    func sameSessionTwice() throws {
        let cookies = try Fixture.cookies()
        let (first, second) = (try Self.header(cookies, [7]), try Self.header(cookies, [7]))
        #expect(first != second)
        #expect(try cookies.session(fromCookieHeaders: [first + "; " + second])?.session == [7])
        #expect(try cookies.session(fromCookieHeaders: [first + "; " + first])?.session == [7])
    }

    @Test("junk duplicates that never reach the AEAD do not use up the open attempts")
    func junkDoesNotCount() throws {
        let ring = try Fixture.keyRing()
        let cookies = try Fixture.cookies(
            keyRing: ring,
            configuration: SessionCookiesConfiguration(scope: try .rootDomain("example.com"), maxOpenAttempts: 2))
        let good = try Self.header(cookies, [7])
        let junk = (0..<40).map { "session=junk\($0)" } + ["session=3~AAAA", "session=x~AAAA"]
        #expect(try cookies.session(fromCookieHeaders: [junk.joined(separator: "; ") + "; " + good])?.session == [7])
        // Values that reach the AEAD and fail still count.
        let other = try Fixture.cookies(keyRing: try Fixture.keyRing())
        let forged = try Self.header(other, [6])
        #expect(throws: SessionCookieError.unreadable(.authenticationFailed, candidateCount: 2)) {
            try cookies.session(fromCookieHeaders: [[forged, forged, good].joined(separator: "; ")])
        }
    }
}
