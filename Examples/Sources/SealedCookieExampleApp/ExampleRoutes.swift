#if Hummingbird
public import Hummingbird
public import HummingbirdAuth
import SealedCookie
import SealedCookieExampleModel
import SealedCookieHummingbird

/// The example app's routes, shared by the demo, the nginx cluster test, the load test and the
/// middleware's tests.
///
/// Behind ``SealedSessionMiddleware``:
/// - `POST /login?user=NAME` starts a session;
/// - `GET /me` answers with the user, or `303 See Other` to `/login` without a session;
/// - `POST /cart?item=ITEM` adds to the cart in the session;
/// - `POST /grow?bytes=N` puts N characters of incompressible filler in the session;
/// - `GET /bench/session` counts a visit in the session (so it is opened and sealed again);
/// - `POST /logout` revokes the user's sessions and clears the session.
///
/// Without it: `GET /bench/plain` and `GET /health`.
public enum ExampleRoutes {
    /// The most filler `/grow` adds, far past any cookie budget.
    public static let maxFillerBytes = Filler.maxCharacters

    /// The router of `node`.
    public static func router(for node: ExampleNode) -> Router<ExampleContext> {
        let router = Router(context: ExampleContext.self)
        add(to: router, node: node)
        return router
    }

    /// Adds `node`'s routes to `router`, behind the middleware `router` already has.
    public static func add(to router: Router<ExampleContext>, node: ExampleNode) {
        router.get("health") { _, _ in NodeReply(node: node.name, message: "ok") }
        router.get("bench/plain") { _, _ in NodeReply(node: node.name, user: "anonymous", cart: []) }

        let sessions = router.group().add(
            middleware: SealedSessionMiddleware<ExampleContext>(configuration: node.sessions))
        sessions.post("login") { request, context in
            guard let user = request.uri.queryParameters["user"].map(String.init), !user.isEmpty else {
                throw HTTPError(.badRequest, message: "login needs ?user=NAME")
            }
            context.sessions.createSession(ExampleSession(user: user))
            return NodeReply(node: node.name, user: user, cart: [], message: "logged in")
        }
        sessions.get("me") { _, context in
            try reply(node, context, message: nil)
        }
        sessions.post("cart") { request, context in
            let item = request.uri.queryParameters["item"].map(String.init) ?? "item"
            try update(context) { $0.cart.append(item) }
            return try reply(node, context, message: "added \(item)")
        }
        sessions.post("grow") { request, context in
            guard let bytes = request.uri.queryParameters["bytes"].flatMap({ Int($0) }),
                (0...maxFillerBytes).contains(bytes)
            else {
                throw HTTPError(.badRequest, message: "grow needs ?bytes=0...\(maxFillerBytes)")
            }
            try update(context) { $0.filler = Filler.random(characters: bytes) }
            return try reply(node, context, message: "session grown by \(bytes) characters")
        }
        sessions.get("bench/session") { _, context in
            try update(context) { $0.visits += 1 }
            return try reply(node, context, message: nil)
        }
        sessions.post("logout") { _, context in
            if let user = context.sessions.session?.user {
                try await node.revocation?.revokeSessions(of: user)
            }
            context.sessions.clearSession()
            return NodeReply(node: node.name, message: "logged out")
        }
    }

    /// Thrown where a route needs a session and there is none: a redirect to the login page.
    static var loginRequired: HTTPError {
        HTTPError(.seeOther, headers: [.location: "/login"], message: "login required")
    }

    private static func reply(_ node: ExampleNode, _ context: ExampleContext, message: String?) throws -> NodeReply {
        guard let session = context.sessions.session else { throw loginRequired }
        return NodeReply(node: node.name, user: session.user, cart: session.cart, message: message)
    }

    private static func update(_ context: ExampleContext, _ change: (inout ExampleSession) -> Void) throws {
        guard var session = context.sessions.session else { throw loginRequired }
        change(&session)
        _ = context.sessions.updateSession(session)
    }
}
#endif
