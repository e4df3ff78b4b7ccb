import Foundation
import SealedCookie
import Testing

/// The README's quick start, verbatim, so the documentation cannot drift from the API.
@Suite struct ReadmeTests {
    struct UserSession: Codable, Sendable {
        var userID: String
        var roles: [String]
    }

    @Test func quickStartCompilesAndRoundTrips() throws {
        setenv("SESSION_KEYS", "1:" + (try SessionKey.generate(id: 1).exportBase64URL()), 1)

        // SESSION_KEYS holds "1:<43 base64url characters>" (more keys for rotation: "2:<new>,1:<old>").
        let codec = try SessionCodec<UserSession>(
            configuration: SessionCodecConfiguration(
                cookieName: "session",
                keyRing: try KeyRing(environmentVariable: "SESSION_KEYS")))

        let value = try codec.seal(UserSession(userID: "u_42", roles: ["admin"]))  // the cookie value
        let session = try codec.open(value)  // on the next request

        #expect(session.userID == "u_42" && session.roles == ["admin"])

        let cookies = try SessionCookies(
            codec: codec,
            configuration: SessionCookiesConfiguration(scope: try .rootDomain("example.com")))

        // Response: one Set-Cookie header per value (more than one when chunked or cleaning up).
        let setCookies = try cookies.setCookieHeaders(
            for: UserSession(userID: "u_42", roles: ["admin"]),
            requestHost: "shop.example.com", requestCookieHeaders: [])
        // ["session=…; Domain=example.com; Path=/; Expires=…; Max-Age=86400; Secure; HttpOnly; SameSite=Lax"]

        // Next request, on any node and any host under example.com:
        let opened = try cookies.session(fromCookieHeaders: ["theme=dark; session=\(value)"])
        // Logging out: deletions for every cookie the browser holds.
        let logout = cookies.logOutHeaders(requestCookieHeaders: ["session=\(value)"])

        #expect(setCookies.count == 1 && setCookies[0].hasSuffix("Max-Age=86400; Secure; HttpOnly; SameSite=Lax"))
        #expect(setCookies[0].hasPrefix("session=") && setCookies[0].contains("; Domain=example.com; Path=/; Expires="))
        #expect(opened?.session.userID == "u_42")
        #expect(logout.count == 1 && logout[0].contains("Max-Age=0") && logout[0].contains("Domain=example.com"))
    }
}
