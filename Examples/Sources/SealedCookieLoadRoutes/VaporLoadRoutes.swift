#if PostgreSQL
public import SealedCookie
import SealedCookieExampleModel
import SealedCookieVapor
import SealedCookieVaporExample
public import Vapor

/// The load test's routes on a Vapor node, answering as ``LoadRoutes`` does on Hummingbird (same
/// paths, same JSON): `POST /load/login?user=NAME&bytes=N`, `GET /load/change` and
/// `GET /load/read` behind the sealed-session middleware, `GET /load/plain` without it.
public enum VaporLoadRoutes {
    /// Adds the routes to `routes`, behind their own middleware made from `configuration`.
    public static func add(
        to routes: any RoutesBuilder, node: String, configuration: SealedSessionConfiguration<LoadSession>
    ) {
        let load = routes.grouped("load")
        load.get("plain") { _ in LoadSessions.reply(node: node, user: "loadtest", visits: 0) }

        let sessions = load.grouped(SealedSessionMiddleware(configuration: configuration))
        sessions.post("login") { req -> NodeReply in
            guard let user = req.query[String.self, at: "user"], !user.isEmpty,
                let bytes = req.query[Int.self, at: "bytes"], (0...Filler.maxCharacters).contains(bytes)
            else {
                throw Abort(.badRequest, reason: "login needs ?user=NAME&bytes=0...\(Filler.maxCharacters)")
            }
            try req.sealedSession(as: LoadSession.self).data = LoadSession(user: user, fillerCharacters: bytes)
            return LoadSessions.reply(node: node, user: user, visits: 0)
        }
        sessions.get("change") { req -> NodeReply in
            let changed = try req.sealedSession(as: LoadSession.self).update { session in
                session.visits += 1
                return session
            }
            guard let session = changed else { throw loginRequired }
            return LoadSessions.reply(node: node, user: session.user, visits: session.visits)
        }
        sessions.get("read") { req -> NodeReply in
            guard let session = try req.sealedSession(as: LoadSession.self).data else { throw loginRequired }
            return LoadSessions.reply(node: node, user: session.user, visits: session.visits)
        }
    }

    /// Without a session: an error the load test counts (it expects none).
    private static var loginRequired: Abort {
        Abort(.unauthorized, reason: "POST /load/login first")
    }
}
#endif
