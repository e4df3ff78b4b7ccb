#if Vapor
import SealedCookie
public import SealedCookieExampleModel
import SealedCookieVapor
public import Vapor

/// The example app's routes on Vapor, answering as the Hummingbird example app does (same paths,
/// same JSON, the same redirect to `/login` without a session).
public enum VaporExampleRoutes {
    /// Adds the routes: `health` and `bench/plain` without a session, the rest behind the
    /// sealed-session middleware.
    public static func add(to routes: any RoutesBuilder, node: VaporExampleNode) {
        routes.get("health") { _ in NodeReply(node: node.name, message: "ok") }
        routes.get("bench", "plain") { _ in NodeReply(node: node.name, user: "anonymous", cart: []) }

        let sessions = routes.grouped(SealedSessionMiddleware(configuration: node.sessions))
        sessions.post("login") { req -> NodeReply in
            guard let user = req.query[String.self, at: "user"], !user.isEmpty else {
                throw Abort(.badRequest, reason: "login needs ?user=NAME")
            }
            try req.sealedSession(as: ExampleSession.self).data = ExampleSession(user: user)
            return NodeReply(node: node.name, user: user, cart: [], message: "logged in")
        }
        sessions.get("me") { req in
            try reply(node, req, message: nil)
        }
        sessions.post("cart") { req -> NodeReply in
            let item = req.query[String.self, at: "item"] ?? "item"
            try update(req) { $0.cart.append(item) }
            return try reply(node, req, message: "added \(item)")
        }
        sessions.post("grow") { req -> NodeReply in
            guard let bytes = req.query[Int.self, at: "bytes"], (0...Filler.maxCharacters).contains(bytes) else {
                throw Abort(.badRequest, reason: "grow needs ?bytes=0...\(Filler.maxCharacters)")
            }
            try update(req) { $0.filler = Filler.random(characters: bytes) }
            return try reply(node, req, message: "session grown by \(bytes) characters")
        }
        sessions.get("bench", "session") { req in
            try update(req) { $0.visits += 1 }
            return try reply(node, req, message: nil)
        }
        sessions.post("logout") { req async throws -> NodeReply in
            let session = try req.sealedSession(as: ExampleSession.self)
            if let user = session.data?.user {
                try await node.revocation?.revokeSessions(of: user)
            }
            session.clear()
            return NodeReply(node: node.name, message: "logged out")
        }
    }

    /// The answer without a session: the login page.
    static var loginRequired: Abort {
        Abort(.seeOther, headers: ["Location": "/login"], reason: "login required")
    }

    private static func reply(_ node: VaporExampleNode, _ req: Request, message: String?) throws -> NodeReply {
        guard let session = try req.sealedSession(as: ExampleSession.self).data else { throw loginRequired }
        return NodeReply(node: node.name, user: session.user, cart: session.cart, message: message)
    }

    private static func update(_ req: Request, _ change: (inout ExampleSession) -> Void) throws {
        guard try req.sealedSession(as: ExampleSession.self).update(change) != nil else { throw loginRequired }
    }
}

/// The reply as a Vapor response body.
extension NodeReply: Content {}
#endif
