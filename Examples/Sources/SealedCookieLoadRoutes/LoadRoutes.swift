#if PostgreSQL
public import Hummingbird
public import HummingbirdAuth
public import SealedCookie
public import SealedCookieExampleApp
import SealedCookieExampleModel
import SealedCookieHummingbird

/// The request context of the load routes on Hummingbird: the example app's context with a
/// ``LoadSession`` in place of its session (the router's group converts one to the other).
public struct LoadContext: ChildRequestContext, SessionRequestContext {
    /// The parent's request storage (logger, allocator, remote address…).
    public var coreContext: CoreRequestContextStorage
    /// The session the middleware opened, for the handlers.
    public let sessions = SessionContext<LoadSession>()

    /// The context of a request that reached the load routes.
    public init(context: ExampleContext) {
        self.coreContext = context.coreContext
    }
}

/// The load test's routes on a Hummingbird node, under `/load`:
/// - `POST /load/login?user=NAME&bytes=N` starts a session with N characters of filler (900 make
///   it about 1 KB);
/// - `GET /load/change` counts a visit: the session is opened, changed and sealed again on every
///   request;
/// - `GET /load/read` answers from the session and changes nothing: no `Set-Cookie`;
/// - `GET /load/plain` answers the same way without the middleware: the bare route the other two
///   are measured against. It runs in the same context, so the difference is the middleware's;
/// - `GET /load/burn?us=N` is the bare route computing for N µs (at most 1000) first: what any
///   work of that size per request costs the node, to calibrate the ratios.
public enum LoadRoutes {
    /// Adds the routes to `router`, behind their own middleware made from `configuration`.
    public static func add(
        to router: Router<ExampleContext>, node: String, configuration: SealedSessionConfiguration<LoadSession>
    ) {
        let load = router.group("load", context: LoadContext.self)
        load.get("plain") { _, _ in LoadSessions.reply(node: node, user: "loadtest", visits: 0) }
        load.get("burn") { request, _ in
            // At most 1 ms: the query is the client's to choose.
            let microseconds = request.uri.queryParameters["us"].flatMap { Int($0) } ?? 0
            CPUBurn.run(microseconds: min(max(microseconds, 0), 1000))
            return LoadSessions.reply(node: node, user: "loadtest", visits: 0)
        }

        let sessions = load.group().add(middleware: SealedSessionMiddleware<LoadContext>(configuration: configuration))
        sessions.post("login") { request, context in
            guard let user = request.uri.queryParameters["user"].map(String.init), !user.isEmpty,
                let bytes = request.uri.queryParameters["bytes"].flatMap({ Int($0) }),
                (0...Filler.maxCharacters).contains(bytes)
            else {
                throw HTTPError(.badRequest, message: "login needs ?user=NAME&bytes=0...\(Filler.maxCharacters)")
            }
            context.sessions.createSession(LoadSession(user: user, fillerCharacters: bytes))
            return LoadSessions.reply(node: node, user: user, visits: 0)
        }
        sessions.get("change") { _, context in
            guard var session = context.sessions.session else { throw loginRequired }
            session.visits += 1
            _ = context.sessions.updateSession(session)
            return LoadSessions.reply(node: node, user: session.user, visits: session.visits)
        }
        sessions.get("read") { _, context in
            guard let session = context.sessions.session else { throw loginRequired }
            return LoadSessions.reply(node: node, user: session.user, visits: session.visits)
        }
    }

    /// Without a session: an error the load test counts (it expects none).
    private static var loginRequired: HTTPError {
        HTTPError(.unauthorized, message: "POST /load/login first")
    }
}
#endif
