#if Vapor
import SealedCookieExampleModel
public import Vapor

/// The benchmark route on Vapor's own sessions (`app.sessions.use(.memory)`), for the load test:
/// the same reply as `bench/session`, with the session in the node's memory instead of a
/// sealed cookie.
public enum MemorySessionRoutes {
    /// Adds `memory/login`, `memory/grow` and `memory/bench/session` behind
    /// `app.sessions.middleware`.
    public static func add(to app: Application, node: VaporExampleNode) {
        let memory = app.grouped("memory").grouped(app.sessions.middleware)
        memory.post("login") { req -> NodeReply in
            guard let user = req.query[String.self, at: "user"], !user.isEmpty else {
                throw Abort(.badRequest, reason: "login needs ?user=NAME")
            }
            req.session.data["user"] = user
            return NodeReply(node: node.name, user: user, cart: [])
        }
        memory.post("grow") { req -> NodeReply in
            guard let user = req.session.data["user"] else { throw VaporExampleRoutes.loginRequired }
            let bytes = min(max(req.query[Int.self, at: "bytes"] ?? 0, 0), Filler.maxCharacters)
            req.session.data["filler"] = Filler.random(characters: bytes)
            return NodeReply(node: node.name, user: user, cart: [])
        }
        memory.get("bench", "session") { req -> NodeReply in
            guard let user = req.session.data["user"] else { throw VaporExampleRoutes.loginRequired }
            req.session.data["visits"] = String((req.session.data["visits"].flatMap { Int($0) } ?? 0) + 1)
            return NodeReply(node: node.name, user: user, cart: [])
        }
    }
}
#endif
