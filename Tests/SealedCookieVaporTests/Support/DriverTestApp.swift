#if Vapor
import SealedCookie
import SealedCookieTestSupport
import SealedCookieVapor
import Vapor
import VaporTesting

/// An app whose routes use Vapor's sessions through the sealed driver (`vapor-session`).
enum DriverTestApp {
    /// The driver's codec over `keyRing`, on the test clock, with a one-week maximum session age.
    static func codec(_ keyRing: KeyRing, clock: TestClock) throws -> SessionCodec<SessionData> {
        try SessionCodec(
            configuration: .init(
                cookieName: "vapor-session", keyRing: keyRing, maxSessionAge: .seconds(7 * 86_400), clock: clock.source)
        )
    }

    /// Runs `test` on the app: `POST /login?user=…&filler=…` stores both in the session,
    /// `GET /me` answers the session's user or "nobody", `POST /logout` destroys the session.
    /// Vapor's session cookie is named like the codec's unless `vaporCookieName` is given; the
    /// driver records into `metrics`.
    static func run(
        _ codec: SessionCodec<SessionData>, logs: LogRecorder, vaporCookieName: String? = nil,
        metrics: SessionMetrics = .disabled, _ test: (any TestingApplicationTester) async throws -> Void
    ) async throws {
        try await withApp { app in
            app.logger = logs.logger
            app.sessions.configuration.cookieName = vaporCookieName ?? codec.configuration.cookieName
            app.sessions.use(try .sealed(codec, metrics: metrics))
            let sessions = app.grouped(app.sessions.middleware)
            sessions.post("login") { req -> HTTPStatus in
                req.session.data["user"] = req.query[String.self, at: "user"]
                req.session.data["filler"] = req.query[String.self, at: "filler"]
                return .ok
            }
            sessions.get("me") { req in req.session.data["user"] ?? "nobody" }
            sessions.post("logout") { req -> HTTPStatus in
                req.session.destroy()
                return .ok
            }
            try await test(try app.testing())
        }
    }

    /// The `name=value` of the response's first `Set-Cookie`, or "" when it sets none.
    static func cookie(_ response: TestingHTTPResponse) -> String {
        response.headers[.setCookie].first.map { String($0.prefix { $0 != ";" }) } ?? ""
    }

    /// The sealed value of the response's first `Set-Cookie`.
    static func value(_ response: TestingHTTPResponse) -> String {
        String(cookie(response).drop { $0 != "=" }.dropFirst())
    }

    /// The user `GET /me` answers for a request with these `Cookie` fields.
    static func user(_ app: any TestingApplicationTester, cookieFields: [String]) async throws -> String {
        var headers = HTTPHeaders()
        for field in cookieFields { headers.add(name: .cookie, value: field) }
        return String(buffer: try await app.sendRequest(.GET, "/me", headers: headers).body)
    }
}
#endif
