#if Vapor
public import SealedCookie
public import Vapor

/// Keeps a typed `Codable` session in a sealed (encrypted and authenticated) cookie, so every
/// node that holds the key ring — Vapor or Hummingbird — serves every user with no session
/// store.
///
/// ```swift
/// struct UserSession: Codable, Sendable, Equatable { var userID: String }
///
/// app.middleware.use(SealedSessionMiddleware<UserSession>(configuration: try .init(
///     cookieName: "__Secure-session", keyRing: try KeyRing(environmentVariable: "SESSION_KEYS"),
///     rootDomain: "example.com")))
/// ```
///
/// Handlers use `req.sealedSession(as: UserSession.self)` (a ``SealedSession``). For each request
/// the middleware:
/// 1. Opens the session cookie through `SessionCookies` (or the bearer token in
///    `SessionTokenMode`). A cookie that is malformed, tampered with, expired, sealed under an
///    unknown key, over the parsing limits, or revoked by
///    the configuration's `revocation` leaves the request without a session; the reason
///    is logged at debug level and never sent to the client. Two cookies that open to different
///    sessions (one planted through a sibling subdomain) leave it without a session too, with a
///    rate-limited warning. Such a cookie is not deleted, so a
///    node that lags behind a key rotation does not log anybody out.
/// 2. Hands the session to the handler, with its lifetime as ``SealedSession/expiresIn``.
/// 3. After the handler returns, sends `Set-Cookie` only when needed: the session is new, or it
///    or its lifetime changed; it was opened with an older key or dictionary, or is of wire
///    format v1 (re-sealed under the primary ones); it is due for sliding renewal (keeping the
///    session's start for the maximum session age); or it was cleared (deletion cookies with the same
///    Domain and Path for every chunk the request carried — not Vapor's `.expired`, which has
///    no Domain and so never deletes a root-domain cookie). Whether the session changed is told
///    by `==` when the session type is `Equatable`, and by its serialized bytes otherwise.
///    Responses that carry a session get `Cache-Control: no-store`.
///
/// A revocation check that fails (its store is down) leaves the request without a session and
/// the response without `Set-Cookie`, whatever the handler did: the cookie is neither deleted
/// nor replaced, and the user is back once the store is.
///
/// A session that cannot be stored for the application's own reasons (over the cookie budget)
/// is a server error: the middleware logs the reason and sizes at error level and fails the
/// request with a 500 rather than drop the cookie. A missing `Host`, or one outside the cookie
/// scope, is the client's input: no cookie is set (the browser would ignore it) and the reason
/// is logged at debug level. When the handler fails, no cookie is sent.
///
/// The flow itself is the core's, shared with the Hummingbird middleware; this type adapts it
/// to Vapor. It works on `EventLoopFuture`s, so it adds no task hop to a request; the one
/// exception is the asynchronous `SessionRevocationCheck`, when one is configured.
public struct SealedSessionMiddleware<Session: Codable & Sendable>: Middleware {
    private let flow: SessionRequestFlow<Session>

    /// Makes the middleware.
    /// - Parameter configuration: The cookie layer and options, the same on every node.
    public init(configuration: SealedSessionConfiguration<Session>) {
        self.flow = SessionRequestFlow(configuration: configuration)
    }

    /// Opens the session before the rest of the chain and stores it as needed afterwards.
    public func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let visit = flow.open(
            cookieFields: request.headers[.cookie],
            authorizationFields: request.headers[.authorization],
            asksForToken: flow.configuration.tokenMode.map { request.headers.contains(name: $0.responseHeader) }
                ?? false,
            host: request.headers.first(name: .host) ?? "", logger: request.logger)
        guard visit.needsRevocationCheck else { return respond(to: request, visit, next) }
        // The check is async: the one task hop, taken only when a check is configured.
        return request.eventLoop.makeFutureWithTask { [flow] in
            await flow.checkRevocation(of: visit, logger: request.logger)
        }.flatMap { respond(to: request, $0, next) }
    }

    /// Runs the rest of the chain with the visit's session as the request's, then applies the
    /// flow's write.
    private func respond(
        to request: Request, _ visit: SessionVisit<Session>, _ next: any Responder
    ) -> EventLoopFuture<Response> {
        let session = SealedSession(data: visit.loaded?.session, expiresIn: visit.loaded?.lifetime)
        request.storage[SealedSessionKey<Session>.self] = session
        return next.respond(to: request).flatMapThrowing { [flow] response in
            // A session that cannot be stored is the application's failure, logged by the flow.
            let current = session.current
            guard
                let write = try? flow.write(
                    after: visit, session: current.session, expiresIn: current.expiresIn, logger: request.logger)
            else {
                throw Abort(.internalServerError, reason: "The session could not be stored.")
            }
            switch write {
            case .none:
                break
            case .setCookies(let values), .deleteCookies(let values):
                for value in values { response.headers.add(name: .setCookie, value: value) }
            case .token(let field, let value):
                response.headers.replaceOrAdd(name: field, value: value)
            }
            if let cacheControl = write.cacheControl(replacing: response.headers[.cacheControl]) {
                response.headers.replaceOrAdd(name: .cacheControl, value: cacheControl)
            }
            return response
        }
    }
}
#endif
