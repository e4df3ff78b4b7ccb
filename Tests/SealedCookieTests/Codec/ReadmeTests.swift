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
        let opened = try codec.open(value)  // on the next request
        print(opened.session.userID, opened.header.expiresAt, opened.needsResealing)

        #expect(opened.session.userID == "u_42" && opened.session.roles == ["admin"] && !opened.needsResealing)
    }

    @Test func cookiesForTheWholeDomainCompileAndRoundTrip() throws {
        setenv("SESSION_KEYS", "1:" + (try SessionKey.generate(id: 1).exportBase64URL()), 1)

        let cookies = try SessionCookies<UserSession>(
            cookieName: "__Secure-session",
            keyRing: try KeyRing(environmentVariable: "SESSION_KEYS"),
            rootDomain: "example.com")

        // Response: one Set-Cookie header per value (more than one when chunked or cleaning up).
        let setCookies = try cookies.setCookieHeaders(
            for: UserSession(userID: "u_42", roles: ["admin"]),
            requestHost: "shop.example.com", requestCookieHeaders: [])
        // ["__Secure-session=…; Domain=example.com; Path=/; Expires=…; Max-Age=86400; Secure; HttpOnly; SameSite=Lax"]

        // Next request, on any node and any host under example.com, with the cookie the browser kept:
        let cookieHeader = "theme=dark; " + setCookies[0].prefix { $0 != ";" }
        let opened = try cookies.session(fromCookieHeaders: [cookieHeader])
        // Logging out: deletions for every cookie the browser holds.
        let logout = cookies.deletionHeaders(requestCookieHeaders: [cookieHeader])

        #expect(setCookies.count == 1 && setCookies[0].hasSuffix("Max-Age=86400; Secure; HttpOnly; SameSite=Lax"))
        #expect(
            setCookies[0].hasPrefix("__Secure-session=")
                && setCookies[0].contains("; Domain=example.com; Path=/; Expires="))
        #expect(opened?.session.userID == "u_42")
        #expect(logout.count == 1 && logout[0].contains("Max-Age=0") && logout[0].contains("Domain=example.com"))
    }

    struct ProductionSession: Codable, Sendable {
        var userID: String
        var roles: [String]
        @SessionSecret var csrfToken: String  // sealed apart, never compressed (see Security notes)
        var flash: String?
    }

    /// The README's "Session dictionaries" setup, verbatim (run from the package root, where
    /// `swift test` runs).
    @Test func dictionarySetupCompilesAndRoundTrips() throws {
        setenv("SESSION_KEYS", "1:" + (try SessionKey.generate(id: 1).exportBase64URL()), 1)
        typealias UserSession = ProductionSession

        // `sealed-cookie dictionary train sessions/ --id 1 -o sessions.zdict`, once, ahead of time.
        let dictionary = try SessionDictionary(contentsOfFile: "Dictionaries/sample-sessions.zdict")
        let codec = try SessionCodec<UserSession>(
            configuration: SessionCodecConfiguration(
                cookieName: "session",
                keyRing: try KeyRing(environmentVariable: "SESSION_KEYS"),
                maxSessionAge: .seconds(30 * 86_400),  // an absolute timeout, however active the user
                compression: .zstd(dictionaries: try SessionDictionaryRing(primary: dictionary))))

        let session = UserSession(
            userID: "u_42", roles: ["admin"], csrfToken: "q7ZsK2vN9xR4tW1mB8cF3hJ6pL0dG5yE", flash: nil)
        let opened = try codec.open(codec.seal(session))
        #expect(opened.session.csrfToken == session.csrfToken && opened.session.userID == "u_42")
        // Too small a body to shrink is stored; anything larger goes through the dictionary.
        #expect([.none, .zstd(dictionaryID: 1)].contains(opened.header.compression) && opened.header.hasSecretSection)
        let larger = UserSession(
            userID: "u_42", roles: ["customer", "beta_tester"], csrfToken: "q7ZsK2vN9xR4tW1mB8cF3hJ6pL0dG5yE",
            flash: "Your address was updated. We'll ship to the new address from now on.")
        #expect(try EnvelopeHeader(sealedValue: codec.seal(larger)).compression == .zstd(dictionaryID: 1))
    }
}
