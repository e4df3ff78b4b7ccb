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
    }
}
