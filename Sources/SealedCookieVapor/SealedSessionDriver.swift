#if Vapor
import Foundation
public import SealedCookie
public import Vapor

/// A Vapor `SessionDriver` that keeps `req.session.data` in the session cookie itself, sealed,
/// for applications already written against Vapor's sessions: switching from `.memory`, Fluent
/// or Redis is one line, and no node needs a store.
///
/// ```swift
/// let codec = try SessionCodec<SessionData>(configuration: .init(
///     cookieName: "vapor-session", keyRing: try KeyRing(environmentVariable: "SESSION_KEYS")))
/// app.sessions.use(try .sealed(codec))              // was: app.sessions.use(.memory)
/// app.middleware.use(app.sessions.middleware)
/// ```
///
/// The "session ID" Vapor puts in its cookie is the sealed session.
///
/// ## Duplicate cookies
///
/// Vapor's cookie parser keeps only the last cookie of a name, and `SessionsMiddleware` hands
/// the driver only that value; but a sibling subdomain can plant a cookie of the same name for
/// the root domain (`Domain=`), and browsers send it next to the host-only one, usually after
/// it. The driver therefore ignores the value Vapor passes and reads every cookie of the name
/// from the request's `Cookie` header(s), by the same rule as `SessionCookies` and the
/// middlewares: junk next to the real cookie is skipped, the same session sent twice is one
/// session, and two cookies that open to *different* sessions (a user of the application
/// planted his own) leave the request with no session, logged at warning level, once a minute
/// at most (other rejections are logged at debug level). The attempt budget is
/// `SessionCookies`' default: once 8 candidates have reached the decryption, a candidate left
/// untried after one opened is a conflict too. Vapor then starts a new, empty session and
/// writes it over the host-only cookie, so the victim is logged out while the planted cookie
/// lasts, but the handler never acts as the attacker.
///
/// A `__Host-` cookie name (with `Secure` in Vapor's `SessionsConfiguration`) also stops the
/// planting itself, since browsers refuse a `__Host-` cookie set with a Domain; the driver
/// does not require it, because the duplicate rule already keeps the attacker's session out,
/// and `__Host-` rules out plain-HTTP development.
///
/// ## Limits
///
/// The limits come from Vapor's `SessionsMiddleware`, which this driver cannot change:
/// - The data is `[String: String]`, in one cookie: no chunking, and a session whose sealed
///   value does not fit one cookie fails the request with a 500 (logged at error level) rather
///   than be dropped by the browser.
/// - Vapor calls the driver on every response of a request with a session, so the cookie is
///   re-sealed and sent every time (sliding expiry on every request, and a `Set-Cookie` on
///   every response).
/// - The cookie's attributes are Vapor's `SessionsConfiguration`; its cookie name must be the
///   codec's, since the driver reads the cookies of the codec's name (a mismatch reads no
///   session, with a warning). Logout sends Vapor's `.expired`, which carries no Domain: a cookie set with a
///   Domain is never deleted (vapor issue 2095). Use host-only cookies with this driver.
/// - A sealed value stays valid until it expires: destroying the session deletes the cookie but
///   not copies of it. No revocation check, no token mode, no key-rotation re-seal short of the
///   every-response one.
///
/// ``SealedSessionMiddleware`` has none of these limits. To move to it, keep the cookie name and
/// key ring, define a `Codable` session type with the fields the dictionary held, and replace
/// `req.session.data["userID"]` with `req.sealedSession(as: UserSession.self).data?.userID`;
/// old cookies do not open as the new type and read as "no session" (users log in again).
public struct SealedSessionDriver: SessionDriver {
    /// Seals and opens the session data.
    public let codec: SessionCodec<SessionData>
    /// The core's request flow, the middlewares' own, reading every cookie of the codec's name
    /// (one cookie, host-only, as Vapor writes it): the same rules and the same log lines.
    private let flow: SessionRequestFlow<SessionData>
    /// The longest sealed value that fits one cookie next to its name.
    private let maxValueByteCount: Int
    /// Rate-limits the misnamed-cookie warning, which every request would repeat.
    private let warnings: WarningLimiter

    /// Makes the driver, recording its metrics through the `MetricsSystem` the app bootstrapped.
    /// - Parameter codec: The codec; its cookie name must be Vapor's session cookie name
    ///   (`SessionsConfiguration.cookieName`), or no session is ever read (logged at warning
    ///   level).
    /// - Throws: `SessionCookieError.invalidCookieAttributes(_:)` when the codec's cookie name
    ///   is not a cookie name (empty, or with a separator such as `;`, `=` or a space).
    public init(codec: SessionCodec<SessionData>) throws(SessionCookieError) {
        try self.init(codec: codec, metrics: SessionMetrics())
    }

    /// Makes the driver, recording its metrics with `metrics` (see the Metrics article).
    ///
    /// Sessions opened and refused are counted as for the middlewares. Re-seals are counted by
    /// cause on every response Vapor writes the session on (`change` when the data changed,
    /// `rotation` when an older key or dictionary sealed it, `renewal` otherwise, since Vapor
    /// re-seals an unchanged session), and `set_cookie_bytes` records the cookie's name and value,
    /// without the attributes Vapor adds.
    /// - Throws: The errors of ``init(codec:)``.
    public init(codec: SessionCodec<SessionData>, metrics: SessionMetrics) throws(SessionCookieError) {
        // Only reading goes through the flow: Vapor writes the cookie itself, so the
        // configuration's attributes are never sent, and re-seals on every response, so no
        // renewal is decided. One cookie and no Domain is what Vapor writes, so no chunk name is
        // ever a candidate.
        let cookies = try SessionCookies(codec: codec, configuration: .init(scope: .hostOnly, maxChunkCount: 1))
        self.flow = SessionRequestFlow(
            configuration: try SealedSessionConfiguration(cookies: cookies, renewalFraction: nil, metrics: metrics))
        self.codec = codec
        self.maxValueByteCount = CookieBudget().maxNameValueByteCount - codec.configuration.cookieName.utf8.count
        self.warnings = WarningLimiter(clock: codec.configuration.clock)
    }

    /// Seals a new session.
    public func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        request.eventLoop.makeCompletedFuture { try seal(data, loaded: nil, logger: request.logger) }
    }

    /// The session in the request's cookies; nil, with the reason logged, when none opens or
    /// two open to different sessions (see "Duplicate cookies" above).
    ///
    /// - Parameters:
    ///   - sessionID: Ignored: it is the last cookie of the name, which is the one a sibling
    ///     subdomain's planted cookie usually is; every cookie of the name is read from
    ///     `request.headers` instead.
    ///   - request: The request whose `Cookie` headers are read.
    public func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        // Rejected and conflicting cookies are logged by the flow, as for the middlewares.
        let visit = flow.open(
            cookieFields: request.headers[.cookie], authorizationFields: [], asksForToken: false, host: "",
            logger: request.logger)
        if let loaded = visit.loaded {
            request.storage[LoadedSessionKey.self] = loaded
            return request.eventLoop.makeSucceededFuture(loaded.session)
        }
        if visit.carriesNoSession {
            // Vapor found a cookie under its own name: one that is not the codec's is a setup
            // error that loses every session, worth a warning; otherwise the two `Cookie` parsers
            // disagree on the request's input.
            let vaporName = request.application.sessions.configuration.cookieName
            let isMisnamed = vaporName != codec.configuration.cookieName
            request.logger.log(
                level: isMisnamed && warnings.allows("cookie name") ? .warning : .debug,
                "Sealed session rejected; continuing without a session",
                metadata: [
                    "sealed_cookie.reason": isMisnamed
                        ? "Vapor's session cookie is named '\(vaporName)', the codec's '\(codec.configuration.cookieName)': name them alike"
                        : "no cookie named '\(vaporName)' in the Cookie header as the driver parses it"
                ])
        }
        return request.eventLoop.makeSucceededFuture(nil)
    }

    /// Seals the session again, keeping when it began for the codec's maximum session age.
    ///
    /// Vapor calls it on every response of a request with a session, changed or not.
    public func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<
        SessionID
    > {
        request.eventLoop.makeCompletedFuture {
            try seal(data, loaded: request.storage[LoadedSessionKey.self], logger: request.logger)
        }
    }

    /// Nothing to delete: the session lives in the cookie, which Vapor expires.
    public func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        request.eventLoop.makeSucceededVoidFuture()
    }

    /// Seals `data`; `loaded` is the session the request carried, if any, whose start it keeps.
    private func seal(_ data: SessionData, loaded: LoadedSession<SessionData>?, logger: Logger) throws -> SessionID {
        do {
            let sealed = try codec.seal(data, sessionStartedAt: loaded?.startedAt)
            let length = sealed.utf8.count
            guard length <= maxValueByteCount else {
                throw SessionDriverError.tooLarge(sealedLength: length, capacity: maxValueByteCount)
            }
            let reason: SessionOutcome<SessionData>.Reason =
                if let loaded {
                    loaded.session != data ? .changed : loaded.needsResealing ? .rotated : .renewed
                } else {
                    .created
                }
            flow.recordSeal(
                reason, byteCount: codec.configuration.cookieName.utf8.count + 1 + length,
                budgetShare: Double(length) / Double(maxValueByteCount))
            return SessionID(string: sealed)
        } catch {
            logger.error("Session not stored, answering 500: \(error)")
            throw Abort(.internalServerError, reason: "The session could not be stored.")
        }
    }
}

/// Why ``SealedSessionDriver`` could not store a session.
enum SessionDriverError: Error, CustomStringConvertible {
    case tooLarge(sealedLength: Int, capacity: Int)

    var description: String {
        switch self {
        case .tooLarge(let length, let capacity):
            "the sealed session is \(length) bytes; one cookie holds \(capacity) (the driver cannot chunk)"
        }
    }
}

/// The session the request carried, for the seal of the response: when it began, and what
/// tells the cause of the re-seal.
private struct LoadedSessionKey: StorageKey {
    typealias Value = LoadedSession<SessionData>
}

extension Application.Sessions.Provider {
    /// Vapor's sessions kept in the cookie, sealed by `codec`: see ``SealedSessionDriver``.
    /// - Throws: the errors of ``SealedSessionDriver/init(codec:)``, checked here rather than
    ///   when Vapor first asks for the driver.
    public static func sealed(_ codec: SessionCodec<SessionData>) throws(SessionCookieError) -> Self {
        let driver = try SealedSessionDriver(codec: codec)
        return .init { $0.sessions.use { _ in driver } }
    }

    /// Vapor's sessions kept in the cookie, sealed by `codec`, recording metrics with `metrics`:
    /// see ``SealedSessionDriver/init(codec:metrics:)``.
    /// - Throws: the errors of ``SealedSessionDriver/init(codec:)``.
    public static func sealed(
        _ codec: SessionCodec<SessionData>, metrics: SessionMetrics
    ) throws(SessionCookieError) -> Self {
        let driver = try SealedSessionDriver(codec: codec, metrics: metrics)
        return .init { $0.sessions.use { _ in driver } }
    }
}
#endif
