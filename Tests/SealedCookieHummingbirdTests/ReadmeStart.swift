#if Hummingbird
// The README's Hummingbird start, verbatim: `ReadmeTests` runs it and checks that the README
// shows this code, so the two cannot drift.
import Hummingbird
import HummingbirdAuth
import SealedCookie
import SealedCookieHummingbird  // trait "Hummingbird"

struct UserSession: Codable, Sendable { var userID: String }

func buildRouter() throws -> Router<BasicSessionRequestContext<UserSession, String>> {
    let router = Router(context: BasicSessionRequestContext<UserSession, String>.self)
    router.add(
        middleware: SealedSessionMiddleware(
            configuration: try .init(
                cookieName: "__Secure-session", keyRing: try KeyRing(environmentVariable: "SESSION_KEYS"),
                rootDomain: "example.com")))
    router.post("login") { _, context in
        context.sessions.createSession(UserSession(userID: "u_42"), expiresIn: .seconds(7 * 86_400))
        return HTTPResponse.Status.ok
    }
    return router
}
#endif
