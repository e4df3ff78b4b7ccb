package import Logging

/// The per-request session flow that both framework middlewares adapt, free of any framework
/// type: the adapter hands in the request's fields, puts ``SessionVisit/loaded`` where its
/// handlers see it, and after the handler applies the one ``SessionWrite`` this returns.
///
/// 1. ``open(cookieFields:authorizationFields:asksForToken:host:logger:)`` reads the bearer
///    token (token mode) or the session cookie and opens it. What does not open is logged (at
///    debug level, or a rate-limited warning for two cookies that open to different sessions)
///    and leaves the request without a session.
/// 2. ``checkRevocation(of:logger:)`` asks the revocation check, when one is configured
///    (``SessionVisit/needsRevocationCheck``); a check that cannot tell leaves the request
///    without a session and the response without a write.
/// 3. ``write(after:session:expiresIn:logger:)`` compares the handler's session with the loaded one and
///    decides the write: none, cookies to set, a token, or deletions.
///
/// Request input never becomes a server error or an error-level log line: a missing `Host`,
/// or one outside the cookie scope, is the client's to choose, so it gets no cookie (the
/// browser would ignore it) and a debug line.
///
/// A class, made once per middleware: as a struct, its configuration, codecs and metrics were
/// copied (retained and released, field by field) on every call of an async `handle`.
package final class SessionRequestFlow<Session: Codable & Sendable>: Sendable {
    package let configuration: SealedSessionConfiguration<Session>
    private let comparison: SessionComparison<Session>
    /// Rate-limits the warnings that request input can trigger.
    private let warnings: WarningLimiter
    /// Made here, once per middleware: recording is then an increment per request.
    private let metrics: SessionFlowMetrics

    package init(configuration: SealedSessionConfiguration<Session>) {
        self.configuration = configuration
        self.comparison = SessionComparison(codec: configuration.codec)
        self.warnings = WarningLimiter(clock: configuration.codec.configuration.clock)
        let codec = configuration.codec.configuration
        var dictionaryIDs: [UInt8] = []
        if case .zstd(let ring, _) = codec.compression {
            dictionaryIDs = ring.entries.map(\.dictionary).filter { !$0.isBuiltIn }.map(\.id)
        }
        self.metrics = SessionFlowMetrics(
            configuration.metrics, keyIDs: codec.keyRing.entries.map(\.key.id), dictionaryIDs: dictionaryIDs)
    }

    /// Reads and opens the session the request carries.
    /// - Parameters:
    ///   - cookieFields: Every `Cookie` field value, in order.
    ///   - authorizationFields: Every `Authorization` field value, in order.
    ///   - asksForToken: Whether the request carries the token mode's field (a client asking
    ///     for a token).
    ///   - host: The `Host` field (or `:authority`), possibly with a port; empty when missing.
    ///   - logger: The request's logger.
    package func open(
        cookieFields: [String], authorizationFields: [String], asksForToken: Bool, host: String, logger: Logger
    ) -> SessionVisit<Session> {
        let token = configuration.tokenMode == nil ? nil : SessionTokenMode.bearerToken(in: authorizationFields)
        let isTokenRequest = configuration.tokenMode != nil && (token != nil || asksForToken)
        // Parsed once: for reading the session, and for finding the chunks a write must delete.
        let requestCookies = configuration.cookies.parseCookieHeaders(isTokenRequest ? [] : cookieFields)
        var visit = SessionVisit<Session>(isTokenRequest: isTokenRequest, requestCookies: requestCookies, host: host)
        let incoming =
            token.map { IncomingSession(token: $0, codec: configuration.tokenCodec) }
            ?? IncomingSession(requestCookies: requestCookies, cookies: configuration.cookies)
        switch incoming {
        case .absent:
            visit.carriesNoSession = true
        case .rejected(let reason, let refusal):
            metrics.recordRefused(refusal)
            logger.debug(
                "Sealed session rejected; continuing without a session", metadata: ["sealed_cookie.reason": "\(reason)"]
            )
        case .conflicting(let reason):
            metrics.recordRefused(.conflict)
            // A warning, not debug: someone who can seal valid sessions planted one. Rate-limited,
            // since the request is what triggers it.
            logger.log(
                level: warnings.allows("conflicting sessions") ? .warning : .debug,
                "Two session cookies opened to different sessions (cookie tossing?); continuing without a session",
                metadata: ["sealed_cookie.reason": "\(reason)"])
        case .opened(let opened):
            metrics.recordOpened(opened.header, isFromCache: opened.isFromCache)
            if configuration.revocation == nil {
                visit.loaded = loaded(opened)
            } else {
                visit.unchecked = opened
            }
        }
        return visit
    }

    /// `visit` once the revocation check has judged its session; `visit` itself when there is
    /// nothing to check.
    package func checkRevocation(of visit: SessionVisit<Session>, logger: Logger) async -> SessionVisit<Session> {
        guard let opened = visit.unchecked, let revocation = configuration.revocation else { return visit }
        var visit = visit
        visit.unchecked = nil
        switch await revocation.verdict(on: opened, clockSkew: .seconds(configuration.codec.clockSkewSeconds)) {
        case .valid:
            visit.loaded = loaded(opened)
        case .revoked:
            metrics.recordRefused(.revoked)
            logger.debug(
                "Sealed session revoked; continuing without a session", metadata: ["sealed_cookie.reason": "revoked"])
        case .unknown(let error):
            metrics.recordRefused(.storeUnavailable)
            let isWarning = RevocationVerdict.logsAsWarning(error) { warnings.allows("revocation check failed") }
            logger.log(
                level: isWarning ? .warning : .debug,
                "Revocation check failed; continuing without a session, cookie left as sent",
                metadata: ["sealed_cookie.reason": "\(error)"])
            visit.isChecked = false
        }
        return visit
    }

    /// The one write the response makes, given the session the handler left.
    /// - Parameters:
    ///   - visit: The request's visit, from ``checkRevocation(of:logger:)``.
    ///   - session: The session after the handler, or nil when there is none.
    ///   - expiresIn: Its `expiresIn` after the handler.
    ///   - logger: The request's logger.
    /// - Throws: ``SessionStoreFailure`` (logged at error level) when the session cannot be
    ///   stored for the application's own reasons: answer 500.
    package func write(
        after visit: SessionVisit<Session>, session: Session?, expiresIn: Duration?, logger: Logger
    ) throws(SessionStoreFailure) -> SessionWrite {
        // The revocation check could not tell: the cookie stays exactly as the client sent it.
        guard visit.isChecked else { return .none }
        let outcome = SessionOutcome.decide(
            current: session,
            expiresIn: expiresIn,
            loaded: visit.loaded,
            comparison: comparison,
            defaultLifetimeMinutes: configuration.codec.lifetimeMinutes,
            isRenewalDue: { loaded in
                guard let fraction = configuration.renewalFraction else { return false }
                return loaded.isDueForRenewal(fraction: fraction, now: configuration.codec.now())
            })
        switch outcome {
        case .unchanged:
            return .none
        case .seal(let session, let serialized, let minutes, let startedAt, let reason):
            logger.trace("Sealing session", metadata: ["sealed_cookie.reason": "\(reason.rawValue)"])
            if let tokenMode = configuration.tokenMode, visit.isTokenRequest {
                do {
                    // The token codec has the cookie codec's serializer: the bytes compared are
                    // the bytes sealed.
                    let token = try configuration.tokenCodec.seal(
                        session, serialized: serialized?.bytes, lifetimeMinutes: minutes, sessionStartedAt: startedAt)
                    metrics.recordSealed(reason)
                    return .token(field: tokenMode.responseHeader, value: token)
                } catch {
                    throw storeFailure(error.description, logger: logger)
                }
            }
            do {
                let headers = try configuration.cookies.sessionCookieHeaders(
                    for: session, serialized: serialized?.bytes, lifetimeMinutes: minutes,
                    sessionStartedAt: startedAt,
                    requestHost: CookieScope.hostName(fromHostHeader: visit.host),
                    requestCookies: visit.requestCookies)
                metrics.recordSealed(reason)
                metrics.recordCookies(byteCount: headers.sessionByteCount, budgetShare: headers.budgetShare)
                return .setCookies(headers.values)
            } catch {
                // The one scope check of the request. The Host header is the client's to
                // choose: a host outside the scope is request input, and the browser would
                // ignore the cookie anyway.
                guard case .hostOutsideScope = error else { throw storeFailure(error.description, logger: logger) }
                logger.debug(
                    "Session cookie not set: the request's Host is outside the cookie scope",
                    metadata: ["sealed_cookie.reason": "\(error)"])
                return .none
            }
        case .clear:
            // A token request's client drops its token; there is no cookie to delete.
            guard !visit.isTokenRequest else { return .none }
            return .deleteCookies(configuration.cookies.deletionHeaders(requestCookies: visit.requestCookies))
        }
    }

    /// Counts a seal the adapter made itself, for Vapor's driver, where Vapor decides when to
    /// seal and writes the cookie: `byteCount` is what the driver knows of the cookie (its name and
    /// value), `budgetShare` its share of the one cookie the driver may write.
    package func recordSeal(_ reason: SessionOutcome<Session>.Reason, byteCount: Int, budgetShare: Double) {
        metrics.recordSealed(reason)
        metrics.recordCookies(byteCount: byteCount, budgetShare: budgetShare)
    }

    /// The session handed to the handler, counted as opened.
    private func loaded(_ opened: OpenedSession<Session>) -> LoadedSession<Session> {
        metrics.recordLoaded()
        return LoadedSession(opened, digest: opened.digest)
    }

    /// Logs why the session could not be stored; the adapter answers 500.
    private func storeFailure(_ reason: String, logger: Logger) -> SessionStoreFailure {
        logger.error("Session not stored, answering 500: \(reason)")
        return SessionStoreFailure(reason: reason)
    }
}

/// One request's pass through ``SessionRequestFlow``: what was read before the handler, kept
/// for the write after it.
package struct SessionVisit<Session: Sendable>: Sendable {
    /// Whether the response carries a token rather than cookies.
    let isTokenRequest: Bool
    /// The request's parsed `Cookie` fields, to find the chunks a write must delete.
    let requestCookies: RequestCookies
    /// The `Host` field, possibly with a port; empty when missing.
    let host: String
    /// A session that opened and still awaits the revocation check.
    var unchecked: OpenedSession<Session>?
    /// The session to hand to the handler: opened, and not revoked.
    package internal(set) var loaded: LoadedSession<Session>?
    /// False when the revocation check could not tell: the response must leave the cookie alone.
    var isChecked = true
    /// Whether the request carried no session cookie (or token) at all, as opposed to one that
    /// did not open (logged by the flow): an adapter that expected one can say why.
    package internal(set) var carriesNoSession = false

    /// Whether ``SessionRequestFlow/checkRevocation(of:logger:)`` has a check to make: the one
    /// asynchronous step, which an adapter working on futures takes only then.
    package var needsRevocationCheck: Bool { unchecked != nil }

    init(isTokenRequest: Bool, requestCookies: RequestCookies, host: String) {
        self.isTokenRequest = isTokenRequest
        self.requestCookies = requestCookies
        self.host = host
    }
}
