#if Hummingbird
public import Hummingbird
public import HummingbirdAuth
import HTTPTypes
import Logging
public import SealedCookie

/// Keeps the session of a `SessionRequestContext` in a sealed (encrypted and authenticated)
/// cookie, so every node that holds the key ring serves every user with no session store.
///
/// Handlers use hummingbird-auth's `context.sessions` as with its own `SessionMiddleware`:
/// read `session`, `createSession(_:expiresIn:)` on login, `updateSession` or
/// `withLockedSession` to change it, `clearSession()` on logout.
///
/// ```swift
/// struct UserSession: Codable, Sendable { var userID: String }
/// typealias AppContext = BasicSessionRequestContext<UserSession, User>
///
/// let router = Router(context: AppContext.self)
/// router.add(middleware: SealedSessionMiddleware(configuration: try .init(
///     cookieName: "__Secure-session", keyRing: try KeyRing(environmentVariable: "SESSION_KEYS"),
///     rootDomain: "example.com")))
/// router.post("login") { request, context in
///     context.sessions.createSession(UserSession(userID: "u1"), expiresIn: .seconds(7 * 86_400))
///     return HTTPResponse.Status.ok
/// }
/// ```
///
/// For each request the middleware:
/// 1. Opens the session cookie through `SessionCookies` (or the bearer token in
///    `SessionTokenMode`). A cookie that is malformed, tampered with, expired, sealed under an
///    unknown key, over the parsing limits, or revoked by the configuration's `revocation`
///    leaves the request without a session; the reason is logged at debug level and never sent
///    to the client. Such a cookie is not deleted, so a node that lags behind a key rotation
///    does not log anybody out.
/// 2. Hands the session to the handler, with its lifetime as `expiresIn`.
/// 3. After the handler returns, sends `Set-Cookie` only when needed: the session is new, or it
///    or its lifetime changed; it was opened with an older key or dictionary, or is of wire
///    format v1 (re-sealed under the primary ones); it is due for sliding renewal; or it was
///    cleared (deletion cookies with the same Domain and Path for every chunk the request
///    carried). `expiresIn` becomes the sealed lifetime, in whole minutes. Whether the session
///    changed is told by `==` when the session type is `Equatable` (so a custom `==` must
///    compare everything the session stores), and by its serialized bytes otherwise.
///
/// Every response that carries a session (`Set-Cookie`, deletions included, or a token) gets
/// `Cache-Control: no-store`, unless the handler already set a value with `no-store`, so that
/// no shared cache hands one user's session to the next.
///
/// Request input never becomes a server error or an error-level log line:
/// - Two session cookies that open to *different* sessions give no session (one was planted
///   through a sibling subdomain; see `SessionCookies.session(fromCookieHeaders:)`), logged at
///   warning level at most once a minute.
/// - A missing `Host` or one outside the cookie scope (the `Host` header is the client's to
///   choose) gets no `Set-Cookie`, since the browser would ignore it anyway, and a debug line.
///
/// A revocation check that fails (its store is down) leaves the request without a session and
/// the response without `Set-Cookie`, whatever the handler did: the cookie is neither deleted
/// nor replaced, and the user is back once the store is.
///
/// A session that cannot be stored for the application's own reasons (over the cookie budget)
/// is a server error: the middleware logs the reason and sizes at error level and throws a 500
/// `HTTPError` rather than drop the cookie. When the handler throws, no cookie is sent.
///
/// The flow itself is the core's, shared with the Vapor middleware; this type adapts it to
/// Hummingbird's fields and context.
public struct SealedSessionMiddleware<Context: SessionRequestContext>: RouterMiddleware {
    private let flow: SessionRequestFlow<Context.Session>
    /// The token mode's field, as Hummingbird names fields (the configuration checked it).
    private let tokenField: HTTPField.Name?

    /// Makes the middleware.
    /// - Parameter configuration: The cookie layer and options, the same on every node.
    public init(configuration: SealedSessionConfiguration<Context.Session>) {
        self.flow = SessionRequestFlow(configuration: configuration)
        self.tokenField = configuration.tokenMode.flatMap { HTTPField.Name($0.responseHeader) }
    }

    /// Opens the session before the handler and stores it as needed afterwards.
    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var visit = flow.open(
            cookieFields: request.headers[values: .cookie],
            authorizationFields: request.headers[values: .authorization],
            asksForToken: tokenField.map { request.headers[$0] != nil } ?? false,
            host: request.head.authority ?? "", logger: context.logger)
        visit = await flow.checkRevocation(of: visit, logger: context.logger)
        if let loaded = visit.loaded {
            context.sessions.createSession(loaded.session, expiresIn: loaded.lifetime)
        }

        var response = try await next(request, context)
        let session = context.sessions.session
        let expiresIn = session == nil ? nil : context.sessions.withLockedSession { $0?.expiresIn }
        // A session that cannot be stored is the application's failure, logged by the flow.
        guard let write = try? flow.write(after: visit, session: session, expiresIn: expiresIn, logger: context.logger)
        else {
            throw HTTPError(.internalServerError, message: "The session could not be stored.")
        }
        switch write {
        case .none:
            break
        case .setCookies(let values), .deleteCookies(let values):
            // Appended one by one: a read-modify-write of `headers[values:]` rebuilt every
            // `Set-Cookie` field of the response (about 1.5 µs a request).
            for value in values { response.headers.append(HTTPField(name: .setCookie, value: value)) }
        case .token(_, let value):
            if let tokenField { response.headers[tokenField] = value }
        }
        if let cacheControl = write.cacheControl(replacing: response.headers[values: .cacheControl]) {
            response.headers[.cacheControl] = cacheControl
        }
        return response
    }
}
#endif
