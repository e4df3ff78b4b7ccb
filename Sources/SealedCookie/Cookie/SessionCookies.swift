public import Foundation

/// The session lifecycle over cookies: the one entry point a web framework calls.
///
/// It composes a ``SessionCodec`` (sealing), a ``CookieScope`` (which hosts get the cookie),
/// the cookie attributes, a ``CookieBudget`` and, when allowed, chunking. Three calls cover a
/// request:
///
/// ```swift
/// let cookies = try SessionCookies(
///     codec: try SessionCodec<UserSession>(configuration: .init(cookieName: "__Secure-session", keyRing: ring)),
///     configuration: .init(scope: try .rootDomain("example.com")))
///
/// // 1. Reading: the session, or nil when the request carries no session cookie.
/// let cookieHeaders = request.headers[values: .cookie]
/// var opened: OpenedSession<UserSession>?
/// do {
///     opened = try cookies.session(fromCookieHeaders: cookieHeaders)
/// } catch {
///     logger.debug("no session: \(error)")        // untrusted input: never a 4xx/5xx
/// }
///
/// // 2. Writing (after a change, or when `opened?.needsResealing`): append every value.
/// for value in try cookies.setCookieHeaders(for: session, requestHost: host, requestCookieHeaders: cookieHeaders) {
///     response.headers.append(.setCookie, value)
/// }
///
/// // 3. Logging out.
/// for value in cookies.deletionHeaders(requestCookieHeaders: cookieHeaders) {
///     response.headers.append(.setCookie, value)
/// }
/// ```
///
/// The cookie name is the codec's ``SessionCodecConfiguration/cookieName``; every value is
/// sealed under that name.
///
/// ## Chunking
///
/// When ``SessionCookiesConfiguration/maxChunkCount`` is above 1 and the sealed value does not
/// fit one cookie, the one sealed value is cut into consecutive pieces carried by cookies named
/// `name`, `name.1` … `name.N-1`, the first one announcing the count:
///
/// ```
/// unchunked:  name=<sealed value>
/// N chunks:   name=<N>~<piece 0>; name.1=<piece 1>; …; name.N-1=<piece N-1>
/// ```
///
/// `~` never occurs in base64url, so the forms cannot be confused. On reading, a missing chunk
/// is an error (never a partial session); chunks beyond the announced count or beyond
/// ``SessionCookiesConfiguration/maxChunkCount`` are ignored, since any sibling subdomain can
/// plant them where this application's deletions never reach (another `Path`, host-only on
/// that subdomain); mixed or reordered pieces fail authentication. On writing, chunks the
/// request still carries beyond the new count, below `maxChunkCount`, are deleted
/// (`Max-Age=0` with the same Domain and Path). Raise the codec's
/// ``SessionCodecConfiguration/maxValueLength`` (default 8192) to at least
/// `maxChunkCount × 4096` to let it seal and open values that large.
public struct SessionCookies<Session: Sendable>: Sendable {
    /// The codec that seals and opens the cookie value.
    public let codec: SessionCodec<Session>
    /// The configuration and the attributes checked from it, in one shared object: the request
    /// flow copies its cookie layer on every request, and a copy then retains this one
    /// reference rather than every field. Read in place (`state.configuration.budget`), as the
    /// codec reads its own: a forwarding property would copy the struct it returns on each call.
    let state: SessionCookiesState

    /// The scope, attributes, budget and limits.
    public var configuration: SessionCookiesConfiguration { state.configuration }

    /// The base cookie name.
    public var cookieName: String { codec.state.configuration.cookieName }

    /// Makes the entry point, checking the attributes against browser rules once.
    /// - Throws: ``SessionCookieError/invalidCookieAttributes(_:)`` (for example a `__Host-`
    ///   name with a root-domain scope, or `SameSite=None` without `Secure`), or
    ///   ``SessionCookieError/invalidConfiguration(setting:allowed:)`` for an out-of-range limit.
    public init(codec: SessionCodec<Session>, configuration: SessionCookiesConfiguration) throws(SessionCookieError) {
        try configuration.checkLimits()
        // Every rule that does not depend on the value or the time, checked now and only now.
        let attributes: SetCookie
        do {
            attributes = try SetCookie.validated(
                name: codec.configuration.cookieName, value: "", domain: configuration.scope.domainAttribute,
                path: configuration.path, secure: configuration.isSecure, httpOnly: configuration.isHTTPOnly,
                sameSite: configuration.sameSite, partitioned: configuration.isPartitioned)
        } catch {
            throw .invalidCookieAttributes(error)
        }
        self.codec = codec
        self.state = SessionCookiesState(configuration: configuration, attributes: attributes)
    }

    // MARK: 1. Writing

    /// The `Set-Cookie` header values that store `session`: its cookie(s), then deletions for
    /// chunks the browser still holds from a larger session. Append each as its own header.
    ///
    /// - Parameters:
    ///   - session: The session to seal.
    ///   - lifetime: How long it stays valid (whole minutes); nil uses the codec's lifetime.
    ///   - sessionStartedAt: When the session began (``EnvelopeHeader/sessionStartedAt`` of the
    ///     session read from the request), which the value carries for the codec's maximum
    ///     session age and for revocation; nil for a new session.
    ///   - requestHost: The request's host name, without a port (see
    ///     ``CookieScope/hostName(fromHostHeader:)``); it must be inside the scope.
    ///   - requestCookieHeaders: The request's `Cookie` header values, to find stale chunks.
    ///     If they cannot be parsed, deletions are written for every chunk index that could
    ///     exist.
    /// - Throws: a usage error: ``SessionCookieError/hostOutsideScope(host:rootDomain:)``,
    ///   a size error stating sizes and limits (``SessionCookieError/cookieTooLarge(name:byteCount:limit:)``,
    ///   ``SessionCookieError/requestHeaderTooLarge(byteCount:reserve:limit:)``,
    ///   ``SessionCookieError/sessionTooLarge(sealedLength:capacity:maxChunkCount:)`` …), or
    ///   ``SessionCookieError/codec(_:)`` when sealing fails.
    public func setCookieHeaders(
        for session: Session, lifetime: Duration? = nil, sessionStartedAt: Date? = nil, requestHost: String,
        requestCookieHeaders: [String]
    ) throws(SessionCookieError) -> [String] {
        try setCookieHeaders(
            for: session, serialized: nil, lifetimeMinutes: Self.envelopeMinutes(of: lifetime),
            sessionStartedAt: sessionStartedAt, requestHost: requestHost,
            requestCookies: parseCookieHeaders(requestCookieHeaders))
    }

    /// ``setCookieHeaders(for:lifetime:sessionStartedAt:requestHost:requestCookieHeaders:)`` with
    /// the request's `Cookie` fields parsed once by `parseCookieHeaders(_:)`, the lifetime in the
    /// envelope's whole minutes (nil for the codec's), and, when not nil, the session's bytes
    /// from the codec's `serialize(_:)`, sealed instead of serializing it again (the caller keeps
    /// and wipes them).
    package func setCookieHeaders(
        for session: Session, serialized: SessionBytes?, lifetimeMinutes: UInt32?, sessionStartedAt: Date? = nil,
        requestHost: String, requestCookies: RequestCookies
    ) throws(SessionCookieError) -> [String] {
        try sessionCookieHeaders(
            for: session, serialized: serialized, lifetimeMinutes: lifetimeMinutes,
            sessionStartedAt: sessionStartedAt, requestHost: requestHost, requestCookies: requestCookies
        ).values
    }

    /// ``setCookieHeaders(for:serialized:lifetimeMinutes:sessionStartedAt:requestHost:requestCookies:)``
    /// with the sizes the request flow's metrics record.
    package func sessionCookieHeaders(
        for session: Session, serialized: SessionBytes?, lifetimeMinutes: UInt32?, sessionStartedAt: Date? = nil,
        requestHost: String, requestCookies: RequestCookies
    ) throws(SessionCookieError) -> SessionCookieHeaders {
        // 1. Scope.
        try state.configuration.scope.check(host: requestHost)

        // 2. Seal under the base name.
        let minutes = lifetimeMinutes ?? codec.lifetimeMinutes
        let sealed: String
        do {
            sealed = try codec.seal(
                session, serialized: serialized, lifetimeMinutes: minutes, sessionStartedAt: sessionStartedAt)
        } catch {
            throw .codec(error)
        }
        let seconds = Int64(minutes) * 60

        // 3. Attributes.
        var maxAge: Int?
        var expires: Date?
        if state.configuration.persistence == .persistent {
            maxAge = Int(seconds)
            expires = codec.now().addingTimeInterval(TimeInterval(seconds))
        }
        let template: SetCookie
        do {
            template = try state.attributes.with(expires: expires, maxAge: maxAge)
        } catch {
            throw .invalidCookieAttributes(error)
        }

        // 4. Split into as few cookies as the per-cookie limits allow.
        let (cookies, capacity) = try cookies(for: sealed, template: template)

        // 5. The request-header budget.
        do {
            try state.configuration.budget.check(requestCookies: cookies)
        } catch {
            throw SessionCookieError(error)
        }

        // 6. Delete chunks the browser holds beyond the new count.
        let stale = staleChunkIndices(from: cookies.count, requestCookies: requestCookies)
        let values = cookies.map(\.headerValue)
        // Both checks passed, so each share is at most 1 and each divisor positive.
        let budget = state.configuration.budget
        let room = budget.requestHeaderByteCount - budget.otherCookiesReserve
        let share = max(
            Double(sealed.utf8.count) / Double(max(capacity, 1)),
            Double(CookieBudget.requestByteCount(of: cookies)) / Double(max(room, 1)))
        return SessionCookieHeaders(
            values: values + stale.compactMap { try? deletion(of: template, index: $0).headerValue },
            sessionByteCount: values.reduce(0) { $0 + $1.utf8.count }, budgetShare: share)
    }

    /// The cookies carrying `sealed`, checked against the per-cookie limits, and the most
    /// characters of sealed value that the allowed number of cookies could carry.
    private func cookies(
        for sealed: String, template: SetCookie
    ) throws(SessionCookieError) -> (cookies: [SetCookie], capacity: Int) {
        let (budget, cookieName) = (state.configuration.budget, cookieName)  // Captured rather than all of self.
        let attributeByteCount = template.headerValue.utf8.count - template.name.utf8.count - 1
        let capacity = { (index: Int) in
            budget.maxValueByteCount(
                name: CookieChunks.name(base: cookieName, index: index), attributeByteCount: attributeByteCount)
        }
        guard
            let values = CookieChunks.split(
                sealed, maxChunkCount: state.configuration.maxChunkCount, capacity: capacity)
        else {
            if state.configuration.maxChunkCount == 1 {
                // Report the limit the single cookie breaks, with its sizes.
                let single = try named(template, name: cookieName, value: sealed)
                do {
                    try budget.check(single)
                } catch {
                    throw SessionCookieError(error)
                }
            }
            throw .sessionTooLarge(
                sealedLength: sealed.utf8.count,
                capacity: CookieChunks.totalCapacity(
                    maxChunkCount: state.configuration.maxChunkCount, capacity: capacity),
                maxChunkCount: state.configuration.maxChunkCount)
        }
        var cookies: [SetCookie] = []
        for (index, value) in values.enumerated() {
            let cookie = try named(template, name: CookieChunks.name(base: cookieName, index: index), value: value)
            do {
                try budget.check(cookie)
            } catch {
                throw SessionCookieError(error)
            }
            cookies.append(cookie)
        }
        return (
            cookies, CookieChunks.totalCapacity(maxChunkCount: state.configuration.maxChunkCount, capacity: capacity)
        )
    }

    // MARK: 3. Logging out

    /// The `Set-Cookie` header values that delete the session: the base cookie and every chunk
    /// the request carries, each with `Max-Age=0` and the same Domain, Path and other
    /// attributes as when it was set. Append each as its own header.
    ///
    /// Also useful after a reading error, to clear a cookie that will never open.
    /// - Parameter requestCookieHeaders: The request's `Cookie` header values; if they cannot
    ///   be parsed, deletions are written for every chunk index that could exist.
    public func deletionHeaders(requestCookieHeaders: [String]) -> [String] {
        deletionHeaders(requestCookies: parseCookieHeaders(requestCookieHeaders))
    }

    /// ``deletionHeaders(requestCookieHeaders:)`` with the request's `Cookie` fields parsed once
    /// by `parseCookieHeaders(_:)`.
    package func deletionHeaders(requestCookies: RequestCookies) -> [String] {
        ([0] + staleChunkIndices(from: 1, requestCookies: requestCookies))
            .compactMap { try? deletion(of: state.attributes, index: $0).headerValue }
    }

    // MARK: 4. Parsing once

    /// The request's `Cookie` fields parsed within the configured limits, for a caller that
    /// reads the session and writes its cookies on the same request: the `requestCookies:`
    /// variants of the three calls take the result, so the fields are parsed once per request.
    package func parseCookieHeaders(_ fields: [String]) -> RequestCookies {
        RequestCookies(parsing: fields, limits: state.configuration.cookieHeaderLimits)
    }

    // MARK: Helpers

    /// A lifetime as the envelope carries it, nil for the codec's.
    /// - Throws: ``SessionCookieError/codec(_:)`` for a lifetime that is not whole minutes from 1
    ///   minute to 400 days.
    private static func envelopeMinutes(of lifetime: Duration?) throws(SessionCookieError) -> UInt32? {
        do {
            return try lifetime.map { duration throws(SessionCodecError) in
                try SessionCodec<Session>.envelopeMinutes(of: duration)
            }
        } catch {
            throw .codec(error)
        }
    }

    private func named(_ template: SetCookie, name: String, value: String) throws(SessionCookieError) -> SetCookie {
        do {
            return try template.with(name: name, sealedValue: value)
        } catch {
            throw .invalidCookieAttributes(error)
        }
    }

    /// The deletion for chunk `index`, with the template's Domain, Path and flags.
    private func deletion(of template: SetCookie, index: Int) throws(SessionCookieError) -> SetCookie {
        try named(template, name: CookieChunks.name(base: cookieName, index: index), value: "").deletion
    }

    /// Chunk indices of at least `count` that the request carries; every index that could
    /// exist when the header cannot be parsed.
    private func staleChunkIndices(from count: Int, requestCookies: RequestCookies) -> [Int] {
        guard let header = requestCookies.header else {
            return Array(max(count, 1)..<max(count, state.configuration.maxChunkCount))
        }
        // Only indices this configuration can have written: a planted `name.k` beyond them is
        // ignored when reading, so deleting it is pointless and would let a planted name grow
        // every response.
        return CookieChunks.presentIndices(in: header, base: cookieName)
            .filter { $0 >= count && $0 < state.configuration.maxChunkCount }
    }
}
