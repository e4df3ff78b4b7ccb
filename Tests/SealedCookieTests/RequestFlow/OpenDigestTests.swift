import Foundation
import SealedCookieTestSupport
import Testing

@testable import SealedCookie

/// Only the request flow's open hashes the plaintext: an application that opens sessions
/// through the public API pays for no digest.
@Suite("Open digests for the request flow only")
struct OpenDigestTests {
    /// Changes are told by bytes: not `Equatable`.
    struct Account: Codable, Sendable {
        var userID: String
    }

    static func cookies() throws -> SessionCookies<Account> {
        let codec = try SessionCodec<Account>(
            configuration: .init(cookieName: "session", keyRing: KeyRing(primary: Fixture.sequentialKey())))
        return try SessionCookies(codec: codec, configuration: .init(scope: .hostOnly))
    }

    @Test("the public open and cookie read hash nothing")
    func publicOpenHashesNothing() throws {
        let cookies = try Self.cookies()
        let value = try cookies.codec.seal(Account(userID: "u1"))
        #expect(try cookies.codec.open(value).digest == nil)
        #expect(try cookies.session(fromCookieHeaders: ["session=\(value)"])?.digest == nil)
    }

    @Test("the request flow's open digests the plaintext it read, for a cookie as for a token")
    func flowOpenDigests() throws {
        let cookies = try Self.cookies()
        let account = Account(userID: "u1")
        let expected = SessionDigest(of: try cookies.codec.serialize(account))
        let value = try cookies.codec.seal(account)
        #expect(try cookies.codec.open(value, digesting: true).digest == expected)
        #expect(
            try cookies.session(in: cookies.parseCookieHeaders(["session=\(value)"]), digesting: true)?.digest
                == expected)
        let flow = SessionRequestFlow(
            configuration: try SealedSessionConfiguration(cookies: cookies, tokenMode: SessionTokenMode()))
        let token = try flow.configuration.tokenCodec.seal(account)
        for (cookieFields, authorizationFields) in [(["session=\(value)"], []), ([], ["Bearer \(token)"])] {
            let visit = flow.open(
                cookieFields: cookieFields, authorizationFields: authorizationFields, asksForToken: false,
                host: "example.com", logger: LogRecorder().logger)
            #expect(visit.loaded?.digest == expected)
        }
    }
}
