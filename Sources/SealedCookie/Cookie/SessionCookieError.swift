/// Why ``SessionCookies`` could not be made, could not write a session, or could not read one.
///
/// Every case carries its detail as values, so an application can switch on what happened:
///
/// ```swift
/// do {
///     headers = try cookies.setCookieHeaders(for: session, requestHost: host, requestCookieHeaders: fields)
/// } catch .requestHeaderTooLarge(let byteCount, _, let limit) {
///     logger.error("session too large: \(byteCount) of \(limit) bytes")
/// } catch {
///     logger.error("\(error)")
/// }
/// ```
///
/// Reading errors (``isUsageError`` false) describe the untrusted request: log them at debug
/// level and carry on without a session; never send them to the client. Writing and
/// configuration errors mean the application must change something. No description contains a
/// cookie value or key material.
public enum SessionCookieError: Error, Equatable, Sendable, CustomStringConvertible {
    // MARK: Configuration

    /// The cookie attributes break a browser rule (for example `__Host-` with a root domain).
    case invalidCookieAttributes(CookieAttributeError)
    /// A configuration value is out of range: `setting` names it as the configuration spells it
    /// (for example `maxChunkCount`), `allowed` says what it may be.
    case invalidConfiguration(setting: String, allowed: String)
    /// The root domain given to ``CookieScope/rootDomain(_:)`` is not a valid domain name.
    case invalidRootDomain(String, reason: DomainNameError)
    /// The root domain is a public suffix (`com`, `co.uk`, `github.io`), where browsers refuse
    /// cookies.
    case rootDomainIsPublicSuffix(String)

    // MARK: Writing

    /// The request host is not the root domain or one of its subdomains, so a browser would
    /// silently ignore the cookie. `host` is cut to 253 bytes.
    case hostOutsideScope(host: String, rootDomain: String)
    /// Sealing failed (see the codec error).
    case codec(SessionCodecError)
    /// One cookie's `name=value` is over the per-cookie limit browsers enforce (the `=` is not
    /// counted).
    case cookieTooLarge(name: String, byteCount: Int, limit: Int)
    /// One whole `Set-Cookie` header value (name, value and attributes) is over
    /// ``CookieBudget/maxSetCookieByteCount``.
    case setCookieTooLarge(name: String, byteCount: Int, limit: Int)
    /// The session's share of the request's `Cookie` header line, plus the reserve for the
    /// site's other cookies, is over the request-header budget.
    case requestHeaderTooLarge(byteCount: Int, reserve: Int, limit: Int)
    /// The sealed session needs more cookies than ``SessionCookiesConfiguration/maxChunkCount``
    /// allows: `capacity` is what that many cookies can carry within the per-cookie limits.
    case sessionTooLarge(sealedLength: Int, capacity: Int, maxChunkCount: Int)

    // MARK: Reading (untrusted input)

    /// The request's `Cookie` header fields together are longer than
    /// ``SessionCookiesConfiguration/maxCookieHeaderByteCount``; they were not parsed.
    case cookieHeaderTooLong(length: Int, limit: Int)
    /// The request carries more cookies than ``SessionCookiesConfiguration/maxCookieCount``;
    /// they were not parsed further.
    case tooManyCookies(limit: Int)
    /// A chunked session is missing the chunk with this index (0 is the cookie with the base
    /// name); no partial session is ever opened.
    case missingChunk(index: Int)
    /// The first cookie announces more chunks than ``SessionCookiesConfiguration/maxChunkCount``.
    case tooManyChunks(count: Int, limit: Int)
    /// The first cookie's chunk marker (`N~`) is not well formed.
    case malformedChunkMarker
    /// The session cookie was present but could not be opened (see the codec error: expired,
    /// tampered, unknown key …). With several candidates, the reason of the first.
    case unreadable(SessionCodecError, candidateCount: Int)
    /// Two candidates opened to different sessions, or one opened while the open-attempt or visit
    /// limit left others untried. Cookies were planted: a user of the same application who
    /// controls a sibling subdomain can set his own valid cookie for the root domain with a
    /// longer `Path`, which browsers send first, behind junk that uses up the limits, so taking
    /// the session would risk acting for the wrong user. Log it at warning level, rate-limited,
    /// and treat the request as having no session.
    case conflictingSessions(candidateCount: Int)

    /// Whether the error comes from the application or its configuration rather than from the
    /// request.
    public var isUsageError: Bool {
        switch self {
        case .invalidCookieAttributes, .invalidConfiguration, .invalidRootDomain, .rootDomainIsPublicSuffix,
            .hostOutsideScope, .cookieTooLarge, .setCookieTooLarge, .requestHeaderTooLarge, .sessionTooLarge:
            true
        case .codec(let error): error.isUsageError
        case .cookieHeaderTooLong, .tooManyCookies, .missingChunk, .tooManyChunks, .malformedChunkMarker, .unreadable,
            .conflictingSessions:
            false
        }
    }

    public var description: String {
        switch self {
        case .invalidCookieAttributes(let error):
            "invalid session cookie attributes: \(error)"
        case .invalidConfiguration(let setting, let allowed):
            "invalid session cookie configuration: \(setting) must be \(allowed)"
        case .invalidRootDomain(_, let reason):
            "invalid root domain for the cookie scope: \(reason)"
        case .rootDomainIsPublicSuffix(let domain):
            "'\(domain)' is a public suffix (it is on the Public Suffix List); browsers refuse cookies scoped to it: use your own registrable domain, such as 'example.\(domain)'"
        case .hostOutsideScope(let host, let rootDomain):
            "cannot set the session cookie: the request host '\(host)' is not \(rootDomain) or a subdomain of it, so the browser would ignore the cookie; serve the site under \(rootDomain) or configure the scope for this host"
        case .codec(let error):
            "cannot seal the session: \(error)"
        case .cookieTooLarge(let name, let byteCount, let limit):
            "the session does not fit: the cookie '\(name)' has \(byteCount) bytes of name and value, over the per-cookie limit of \(limit) that browsers enforce; store less in the session, or allow chunking"
        case .setCookieTooLarge(let name, let byteCount, let limit):
            "the session does not fit: the Set-Cookie header for '\(name)' is \(byteCount) bytes with its attributes, over the limit of \(limit) (set for older browsers); store less in the session, allow chunking, or raise the limit"
        case .requestHeaderTooLarge(let byteCount, let reserve, let limit):
            "the session does not fit: its cookies would take \(byteCount) bytes of the request's Cookie header line; with \(reserve) bytes reserved for the site's other cookies that is over the \(limit)-byte request-header budget (the nginx/Apache default), so proxies would answer 400: store less in the session"
        case .sessionTooLarge(let sealedLength, let capacity, let maxChunkCount):
            "the sealed session is \(sealedLength) characters, but \(maxChunkCount) cookie(s) hold at most \(capacity) within the per-cookie limits; store less in the session, or raise maxChunkCount (the request-header budget still applies)"
        case .cookieHeaderTooLong(let length, let limit):
            "the session was not read: the Cookie header is \(length) bytes, over the limit of \(limit); it was not parsed"
        case .tooManyCookies(let limit):
            "the session was not read: the Cookie header holds more than \(limit) cookies; it was not parsed further"
        case .missingChunk(let index):
            "the session cookie is chunked but chunk \(index) is missing; no session was read"
        case .tooManyChunks(let count, let limit):
            "the session cookie announces \(count) chunks, over the limit of \(limit); no session was read"
        case .malformedChunkMarker:
            "the session cookie's chunk marker is not well formed; no session was read"
        case .unreadable(let error, let candidateCount):
            candidateCount > 1
                ? "none of the \(candidateCount) session cookies could be opened; the first failed with: \(error)"
                : "the session cookie could not be opened: \(error)"
        case .conflictingSessions(let candidateCount):
            "\(candidateCount) session cookies were tried and either two opened to different sessions, or one opened while the open-attempt or visit limit left others untried, so cookies were planted (a sibling subdomain can set a cookie for the root domain); no session was read"
        }
    }
}

extension SessionCookieError {
    /// The flat case for a size limit the budget found broken.
    init(_ error: CookieBudgetError) {
        switch error {
        case .nameValueTooLarge(let name, let byteCount, let limit):
            self = .cookieTooLarge(name: name, byteCount: byteCount, limit: limit)
        case .setCookieTooLarge(let name, let byteCount, let limit):
            self = .setCookieTooLarge(name: name, byteCount: byteCount, limit: limit)
        case .requestHeaderTooLarge(let byteCount, let reserve, let limit):
            self = .requestHeaderTooLarge(byteCount: byteCount, reserve: reserve, limit: limit)
        }
    }

    /// The flat case for a `Cookie` header refused before parsing.
    init(_ error: CookieHeaderError) {
        switch error {
        case .headerTooLong(let length, let limit): self = .cookieHeaderTooLong(length: length, limit: limit)
        case .tooManyPairs(let limit): self = .tooManyCookies(limit: limit)
        }
    }
}
