#if Vapor
// The README's Vapor start, verbatim: `ReadmeTests` runs it and checks that the README shows
// this code, so the two cannot drift.
import SealedCookie
import SealedCookieVapor  // trait "Vapor"
import Vapor

struct UserSession: Codable, Sendable { var userID: String }

func routes(_ app: Application) throws {
    let sessions = app.grouped(
        SealedSessionMiddleware<UserSession>(
            configuration: try .init(
                cookieName: "__Secure-session", keyRing: try KeyRing(environmentVariable: "SESSION_KEYS"),
                rootDomain: "example.com")))
    sessions.post("login") { req async throws -> HTTPStatus in
        try req.sealedSession(as: UserSession.self).set(UserSession(userID: "u_42"), expiresIn: .seconds(7 * 86_400))
        return .ok
    }
}
#endif
