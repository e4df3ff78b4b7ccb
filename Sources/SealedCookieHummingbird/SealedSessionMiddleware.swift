#if Hummingbird
import Foundation
public import Hummingbird
public import HummingbirdAuth
import Logging
import SealedCookie

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
///    ``SessionTokenMode``). A cookie that is malformed, tampered with, expired, sealed under an
///    unknown key, over the parsing limits, or revoked by
///    ``SealedSessionConfiguration/revocation`` leaves the request without a session; the reason
///    is logged at debug level and never sent to the client. Such a cookie is not deleted, so a
///    node that lags behind a key rotation does not log anybody out.
/// 2. Hands the session to the handler, with its lifetime as `expiresIn`.
/// 3. After the handler returns, sends `Set-Cookie` only when needed: the session is new, or it
///    or its lifetime changed; it was opened with an older key or dictionary, or is of wire
///    format v1 (re-sealed under the primary ones); it is due for sliding renewal; or it was cleared (deletion cookies with the same
///    Domain and Path for every chunk the request carried). `expiresIn` becomes the sealed
///    lifetime, in whole minutes. Whether the session changed is told by `==` when the session
///    type is `Equatable` (so a custom `==` must compare everything the session stores), and by
///    its serialized bytes otherwise.
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
///   choose) gets no `Set-Cookie`, since the browser would ignore it anyway; a warning is logged
///   at most once per host per minute, and for at most 16 hosts a minute.
///
/// A revocation check that fails (its store is down) leaves the request without a session and
/// the response without `Set-Cookie`, whatever the handler did: the cookie is neither deleted
/// nor replaced, and the user is back once the store is.
///
/// A session that cannot be stored for the application's own reasons (over the cookie budget)
/// is a server error: the middleware logs the reason and sizes at error level and throws a 500
/// `HTTPError` rather than drop the cookie. When the handler throws, no cookie is sent.
public struct SealedSessionMiddleware<Context: SessionRequestContext>: RouterMiddleware {
    let configuration: SealedSessionConfiguration<Context.Session>
    private let comparison: SessionComparison<Context.Session>
    /// Rate-limits the warnings that request input can trigger.
    private let warnings: WarningLimiter

    /// Makes the middleware.
    /// - Parameter configuration: The cookie layer and options, the same on every node.
    public init(configuration: SealedSessionConfiguration<Context.Session>) {
        self.configuration = configuration
        self.comparison = SessionComparison(codec: configuration.codec)
        self.warnings = WarningLimiter(clock: configuration.codec.configuration.clock)
    }

    /// Opens the session before the handler and stores it as needed afterwards.
    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let token = configuration.tokenMode?.bearerToken(in: request.headers)
        let isTokenRequest = token != nil || configuration.tokenMode?.isRequested(in: request.headers) == true
        // Parsed once: for reading the session, and for finding the chunks a write must delete.
        let requestCookies = configuration.cookies.parseCookieHeaders(
            isTokenRequest ? [] : request.headers[values: .cookie])

        let incoming =
            token.map { IncomingSession(token: String($0), codec: configuration.tokenCodec) }
            ?? IncomingSession(requestCookies: requestCookies, cookies: configuration.cookies)
        let (loaded, isChecked) = await accept(incoming, logger: context.logger)
        if let loaded {
            context.sessions.createSession(loaded.session, expiresIn: loaded.lifetime)
        }

        var response = try await next(request, context)
        // The revocation check could not tell: the cookie stays exactly as the client sent it.
        guard isChecked else { return response }

        let current = context.sessions.session.map { ($0, context.sessions.withLockedSession { $0?.expiresIn }) }
        let outcome = SessionOutcome.decide(
            current: current,
            loaded: loaded,
            compare: comparison.compare,
            defaultLifetime: configuration.codec.configuration.lifetime,
            isRenewalDue: { loaded in
                guard let fraction = configuration.renewalFraction else { return false }
                return loaded.isDueForRenewal(fraction: fraction, now: configuration.codec.configuration.clock())
            })
        switch outcome {
        case .unchanged:
            break
        case .seal(let session, let serialized, let lifetime, let startedAt, let reason):
            context.logger.trace("Sealing session", metadata: ["sealed_cookie.reason": "\(reason.rawValue)"])
            if let tokenMode = configuration.tokenMode, isTokenRequest {
                response.headers[tokenMode.responseHeader] = try sealToken(
                    session, lifetime: lifetime, startedAt: startedAt, logger: context.logger)
                Self.forbidStoring(&response.headers)
            } else {
                let values = try setCookieValues(
                    session, serialized: serialized, lifetime: lifetime, startedAt: startedAt,
                    host: request.head.authority ?? "",
                    requestCookies: requestCookies, logger: context.logger)
                response.headers[values: .setCookie].append(contentsOf: values)
                if !values.isEmpty { Self.forbidStoring(&response.headers) }
            }
        case .clear:
            if !isTokenRequest {
                response.headers[values: .setCookie].append(
                    contentsOf: configuration.cookies.deletionHeaders(requestCookies: requestCookies))
                Self.forbidStoring(&response.headers)
            }
        }
        return response
    }

    /// The session to hand to the handler: opened, and not revoked; and false when the revocation
    /// check failed, so that the response must leave the cookie alone.
    private func accept(_ incoming: IncomingSession<Context.Session>, logger: Logger) async
        -> (LoadedSession<Context.Session>?, isChecked: Bool)
    {
        switch incoming {
        case .absent:
            return (nil, true)
        case .rejected(let reason):
            logger.debug(
                "Sealed session rejected; continuing without a session", metadata: ["sealed_cookie.reason": "\(reason)"]
            )
            return (nil, true)
        case .conflicting(let reason):
            // A warning, not debug: someone who can seal valid sessions planted one. Rate-limited,
            // since the request is what triggers it.
            let level: Logger.Level = warnings.allows("conflicting sessions") ? .warning : .debug
            logger.log(
                level: level,
                "Two session cookies opened to different sessions (cookie tossing?); continuing without a session",
                metadata: ["sealed_cookie.reason": "\(reason)"])
            return (nil, true)
        case .opened(let opened):
            let verdict = await configuration.revocation?.verdict(
                on: opened, clockSkew: configuration.codec.configuration.clockSkew)
            switch verdict ?? .valid {
            case .valid:
                return (LoadedSession(opened, digest: comparison.digest(ofLoaded: opened.session)), true)
            case .revoked:
                logger.debug(
                    "Sealed session revoked; continuing without a session",
                    metadata: ["sealed_cookie.reason": "revoked"])
                return (nil, true)
            case .unknown(let error):
                let isWarning = RevocationVerdict.logsAsWarning(error) { warnings.allows("revocation check failed") }
                logger.log(
                    level: isWarning ? .warning : .debug,
                    "Revocation check failed; continuing without a session, cookie left as sent",
                    metadata: ["sealed_cookie.reason": "\(error)"])
                return (nil, false)
            }
        }
    }

    private func setCookieValues(
        _ session: Context.Session, serialized: SerializedSession?, lifetime: Duration, startedAt: Date?, host: String,
        requestCookies: Result<CookieHeader, CookieHeaderError>, logger: Logger
    ) throws -> [String] {
        do {
            return try configuration.cookies.setCookieHeaders(
                for: session, serialized: serialized?.bytes, lifetime: lifetime, sessionStartedAt: startedAt,
                requestHost: CookieScope.hostName(fromHostHeader: host), requestCookies: requestCookies)
        } catch {
            // The Host header is the client's: a host outside the scope is request input, and the
            // browser would ignore the cookie anyway.
            guard case .hostOutsideScope = error else { throw storeFailure(error.description, logger: logger) }
            let level: Logger.Level =
                warnings.allows(String(decoding: host.utf8.prefix(256), as: UTF8.self)) ? .warning : .debug
            logger.log(
                level: level, "Session cookie not set: the request's Host is outside the cookie scope",
                metadata: ["sealed_cookie.reason": "\(error)"])
            return []
        }
    }

    private func sealToken(
        _ session: Context.Session, lifetime: Duration, startedAt: Date?, logger: Logger
    ) throws -> String {
        do {
            // Serialized again by the token codec: the cookie codec's serializer may differ.
            return try configuration.tokenCodec.seal(session, lifetime: lifetime, sessionStartedAt: startedAt)
        } catch {
            throw storeFailure(error.description, logger: logger)
        }
    }

    /// Forbids every cache to store a response that carries a session, keeping the handler's
    /// own `Cache-Control` when it already says `no-store`.
    private static func forbidStoring(_ fields: inout HTTPFields) {
        guard !fields[values: .cacheControl].contains(where: { $0.lowercased().contains("no-store") }) else { return }
        fields[.cacheControl] = "no-store"
    }

    /// Logs why the session could not be stored and makes the 500 the client gets instead.
    private func storeFailure(_ reason: String, logger: Logger) -> HTTPError {
        logger.error("Session not stored, answering 500: \(reason)")
        return HTTPError(.internalServerError, message: "The session could not be stored.")
    }
}
#endif
