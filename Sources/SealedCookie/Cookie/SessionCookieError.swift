/// Why ``SessionCookies`` could not be made, could not write a session, or could not read one.
///
/// Reading errors (``isUsageError`` false) describe the untrusted request: log them at debug
/// level and carry on without a session; never send them to the client. Writing and
/// configuration errors mean the application must change something. No description contains a
/// cookie value or key material.
public enum SessionCookieError: Error, Equatable, Sendable, CustomStringConvertible {
    // MARK: Configuration

    /// The cookie attributes break a browser rule (for example `__Host-` with a root domain).
    case invalidCookieAttributes(SetCookieError)
    /// A configuration value is out of range; the text says which and what is allowed.
    case invalidConfiguration(String)

    // MARK: Writing

    /// The request host is outside the cookie scope (the browser would ignore the cookie).
    case scope(CookieScopeError)
    /// Sealing failed (see the codec error).
    case codec(SessionCodecError)
    /// A cookie or the request's cookies would be over a size limit.
    case overBudget(CookieBudgetError)
    /// The sealed session needs more cookies than ``SessionCookiesConfiguration/maxChunkCount``
    /// allows: `capacity` is what that many cookies can carry within the per-cookie limits.
    case sessionTooLarge(sealedLength: Int, capacity: Int, maxChunkCount: Int)

    // MARK: Reading (untrusted input)

    /// The request's `Cookie` header broke a parsing limit.
    case header(CookieHeaderError)
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
    /// Two candidates opened to different sessions. One of them was planted: a user of the same
    /// application who controls a sibling subdomain can set his own valid cookie for the root
    /// domain with a longer `Path`, which browsers send first, so taking either would risk
    /// acting for the wrong user. Log it at warning level, rate-limited, and treat the request
    /// as having no session.
    case conflictingSessions(candidateCount: Int)

    /// Whether the error comes from the application or its configuration rather than from the
    /// request.
    public var isUsageError: Bool {
        switch self {
        case .invalidCookieAttributes, .invalidConfiguration, .scope, .overBudget, .sessionTooLarge: true
        case .codec(let error): error.isUsageError
        case .header, .missingChunk, .tooManyChunks, .malformedChunkMarker, .unreadable,
            .conflictingSessions:
            false
        }
    }

    public var description: String {
        switch self {
        case .invalidCookieAttributes(let error):
            "invalid session cookie attributes: \(error)"
        case .invalidConfiguration(let reason):
            "invalid session cookie configuration: \(reason)"
        case .scope(let error):
            "cannot set the session cookie: \(error)"
        case .codec(let error):
            "cannot seal the session: \(error)"
        case .overBudget(let error):
            "the session does not fit: \(error)"
        case .sessionTooLarge(let sealedLength, let capacity, let maxChunkCount):
            "the sealed session is \(sealedLength) characters, but \(maxChunkCount) cookie(s) hold at most \(capacity) within the per-cookie limits; store less in the session, or raise maxChunkCount (the request-header budget still applies)"
        case .header(let error):
            "the session was not read: \(error)"
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
            "\(candidateCount) session cookies were tried and two opened to different sessions, so one was planted (a sibling subdomain can set a cookie for the root domain); no session was read"
        }
    }
}
