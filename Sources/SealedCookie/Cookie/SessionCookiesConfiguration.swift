/// How ``SessionCookies`` writes and reads the session cookie: scope, attributes, size budget,
/// chunking and parsing limits.
///
/// The defaults are the secure ones: `Path=/`, `Secure`, `HttpOnly`, `SameSite=Lax`,
/// `Max-Age` and `Expires` from the codec's lifetime, one cookie (no chunking), and the
/// ``CookieBudget`` defaults.
public struct SessionCookiesConfiguration: Sendable {
    /// Whether the cookie outlives the browser session.
    public enum Persistence: Sendable, Equatable {
        /// `Max-Age` and `Expires` follow the sealed value's lifetime (both, for browsers that
        /// only read `Expires`).
        case persistent
        /// Neither attribute: the browser drops the cookie when it closes; the sealed value
        /// still expires after the codec's lifetime.
        case browserSession
    }

    /// Which hosts receive the cookie.
    public var scope: CookieScope
    /// The `Path` attribute; default `/`. Written as the browser sends it: a space or a
    /// character that URLs percent-encode is refused (`/a%20b`, not `/a b`).
    public var path: String
    /// `Secure`; default true. Turn off only for local development over plain HTTP.
    public var isSecure: Bool
    /// `HttpOnly`; default true.
    public var isHTTPOnly: Bool
    /// `SameSite`; default ``SameSite/lax``.
    public var sameSite: SameSite?
    /// `Partitioned` (CHIPS); default false.
    public var isPartitioned: Bool
    /// Whether the cookie carries `Max-Age` and `Expires`; default ``Persistence/persistent``.
    public var persistence: Persistence
    /// The size limits; see ``CookieBudget`` for the exact accounting. ``SessionCookies``
    /// refuses a per-cookie limit above ``browserNameValueLimit``, and a request budget above
    /// what ``maxCookieHeaderByteCount`` lets it read back.
    public var budget: CookieBudget
    /// How many cookies one session may be split over (`name`, `name.1` … `name.N-1`), 1 to
    /// 32; default 1, which turns chunking off. The request-header budget usually allows at
    /// most 2, and the codec's ``SessionCodecConfiguration/maxValueLength`` must be large
    /// enough for the sealed value (about `maxChunkCount × 4096`).
    public var maxChunkCount: Int
    /// The longest `Cookie` header (all its fields together) that is parsed, 1 to 1 MiB;
    /// default 16 KiB. Raise it with a raised request budget.
    public var maxCookieHeaderByteCount: Int
    /// The most cookies a request's `Cookie` header may hold before it is refused unparsed,
    /// 1 to 4096; default 256.
    public var maxCookieCount: Int
    /// How many candidate values (duplicates planted by sibling hosts, and their chunk
    /// combinations) may reach the authenticated decryption, 1 to 64; default 8. Candidates
    /// the cheap checks reject before it do not count. When the attempts run out with another
    /// candidate left to try and a session already opened, the request has no session
    /// (``SessionCookieError/conflictingSessions(candidateCount:)``), never the one that
    /// opened: planted junk that uses up the attempts can log a user out, not swap his session.
    /// With 1, any second value after the one that opened (but a copy of it) gives no session;
    /// each attempt more lets one more value that fails be tried first.
    public var maxOpenAttempts: Int

    /// Makes a configuration; only the scope has no default.
    public init(
        scope: CookieScope,
        path: String = "/",
        secure: Bool = true,
        httpOnly: Bool = true,
        sameSite: SameSite? = .lax,
        partitioned: Bool = false,
        persistence: Persistence = .persistent,
        budget: CookieBudget = CookieBudget(),
        maxChunkCount: Int = 1,
        maxCookieHeaderByteCount: Int = 16 * 1024,
        maxCookieCount: Int = 256,
        maxOpenAttempts: Int = 8
    ) {
        self.scope = scope
        self.path = path
        self.isSecure = secure
        self.isHTTPOnly = httpOnly
        self.sameSite = sameSite
        self.isPartitioned = partitioned
        self.persistence = persistence
        self.budget = budget
        self.maxChunkCount = maxChunkCount
        self.maxCookieHeaderByteCount = maxCookieHeaderByteCount
        self.maxCookieCount = maxCookieCount
        self.maxOpenAttempts = maxOpenAttempts
    }

    /// The parsing limits as the `Cookie` header parser takes them.
    package var cookieHeaderLimits: CookieHeader.Limits {
        CookieHeader.Limits(maxByteCount: maxCookieHeaderByteCount, maxPairCount: maxCookieCount)
    }
}
