#if Vapor
import SealedCookie
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
///    ``SessionTokenMode``). A cookie that is malformed, tampered with, expired, sealed under an
///    unknown key, over the parsing limits, or revoked by
///    ``SealedSessionConfiguration/revocation`` leaves the request without a session; the reason
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
/// The middleware works on `EventLoopFuture`s, so it adds no task hop to a request; the one
/// exception is the asynchronous `SessionRevocationCheck`, when one is configured.
public struct SealedSessionMiddleware<Session: Codable & Sendable>: Middleware {
    let configuration: SealedSessionConfiguration<Session>
    private let comparison: SessionComparison<Session>
    /// Rate-limits the warnings that request input can trigger.
    private let warnings: WarningLimiter

    /// Makes the middleware.
    /// - Parameter configuration: The cookie layer and options, the same on every node.
    public init(configuration: SealedSessionConfiguration<Session>) {
        self.configuration = configuration
        self.comparison = SessionComparison(codec: configuration.codec)
        self.warnings = WarningLimiter(clock: configuration.codec.configuration.clock)
    }

    /// Opens the session before the rest of the chain and stores it as needed afterwards.
    public func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let sessionRequest = SessionRequest(request, configuration: configuration)
        switch sessionRequest.incoming {
        case .absent:
            return respond(to: request, loaded: nil, sessionRequest, next)
        case .rejected(let reason):
            request.logger.debug(
                "Sealed session rejected; continuing without a session", metadata: ["sealed_cookie.reason": "\(reason)"]
            )
            return respond(to: request, loaded: nil, sessionRequest, next)
        case .conflicting(let reason):
            // A warning, not debug: someone who can seal valid sessions planted one. Rate-limited,
            // since the request is what triggers it.
            request.logger.log(
                level: warnings.allows("conflicting sessions") ? .warning : .debug,
                "Two session cookies opened to different sessions (cookie tossing?); continuing without a session",
                metadata: ["sealed_cookie.reason": "\(reason)"])
            return respond(to: request, loaded: nil, sessionRequest, next)
        case .opened(let opened):
            let loaded = LoadedSession(opened, digest: comparison.digest(ofLoaded: opened.session))
            guard let revocation = configuration.revocation else {
                return respond(to: request, loaded: loaded, sessionRequest, next)
            }
            // The check is async: the one task hop, taken only when a check is configured.
            let skew = configuration.codec.configuration.clockSkew
            return request.eventLoop.makeFutureWithTask {
                await revocation.verdict(on: opened, clockSkew: skew)
            }.flatMap { verdict in
                switch verdict {
                case .valid:
                    return respond(to: request, loaded: loaded, sessionRequest, next)
                case .revoked:
                    request.logger.debug(
                        "Sealed session revoked; continuing without a session",
                        metadata: ["sealed_cookie.reason": "revoked"])
                    return respond(to: request, loaded: nil, sessionRequest, next)
                case .unknown(let error):
                    let isWarning = RevocationVerdict.logsAsWarning(error) {
                        warnings.allows("revocation check failed")
                    }
                    request.logger.log(
                        level: isWarning ? .warning : .debug,
                        "Revocation check failed; continuing without a session, cookie left as sent",
                        metadata: ["sealed_cookie.reason": "\(error)"])
                    return respond(to: request, loaded: nil, sessionRequest, next, isChecked: false)
                }
            }
        }
    }

    /// Runs the rest of the chain with `loaded` as the request's session, then stores it, unless
    /// the revocation check could not tell (`isChecked` false): the cookie then stays as sent.
    private func respond(
        to request: Request, loaded: LoadedSession<Session>?, _ sessionRequest: SessionRequest<Session>,
        _ next: any Responder, isChecked: Bool = true
    ) -> EventLoopFuture<Response> {
        let session = SealedSession(data: loaded?.session, expiresIn: loaded?.lifetime)
        request.storage[SealedSessionKey<Session>.self] = session
        return next.respond(to: request).flatMapThrowing { response in
            guard isChecked else { return response }
            let outcome = SessionOutcome.decide(
                current: session.current,
                loaded: loaded,
                compare: comparison.compare,
                defaultLifetime: configuration.codec.configuration.lifetime,
                isRenewalDue: { loaded in
                    guard let fraction = configuration.renewalFraction else { return false }
                    return loaded.isDueForRenewal(fraction: fraction, now: configuration.codec.configuration.clock())
                })
            try SessionResponse(configuration: configuration, request: sessionRequest, logger: request.logger)
                .apply(outcome, to: response)
            return response
        }
    }
}
#endif
