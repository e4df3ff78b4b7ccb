/// The size limits a session cookie must respect, in bytes, and the exact way they are counted.
///
/// **Per cookie**:
/// - `nameValueByteCount = utf8(name) + utf8(value)` must be at most ``maxNameValueByteCount``
///   (default 4096). This is the rule of RFC 6265bis section 5.6 and what Chrome and Firefox
///   enforce; the `=` between them is not counted, so the largest accepted cookie named `s` has
///   a 4095-byte value.
/// - When ``maxSetCookieByteCount`` is set (default 4093), `utf8(headerValue)`, the whole
///   Set-Cookie header value `name=value; Domain=…; Path=…; …` (without the `Set-Cookie: `
///   field name or the line break), must be at most that. 4093 is the conservative figure
///   Werkzeug and ASP.NET use for older browsers (reportedly Safari). Set it to nil to apply
///   only the browser rule.
///
/// **Per request**: the browser sends every cookie of the site in
/// one `Cookie` header line, which proxies limit (nginx and Apache default to 8190 bytes). The
/// session's share of that line is counted as
///
/// ```
/// 8 ("Cookie: ") + 2 (CRLF) + for each session cookie: utf8(name) + 1 ("=") + utf8(value) + 2 ("; ")
/// ```
///
/// and must be at most ``requestHeaderByteCount`` minus ``otherCookiesReserve``, the room kept
/// for the site's other cookies (analytics, consent, CSRF tokens …).
public struct CookieBudget: Sendable, Equatable {
    /// The most bytes of name plus value for one cookie; default 4096.
    public var maxNameValueByteCount: Int
    /// The most bytes of one whole Set-Cookie header value, or nil for no such limit; default
    /// 4093.
    public var maxSetCookieByteCount: Int?
    /// The request-header line budget; default 8190, the nginx and Apache default.
    public var requestHeaderByteCount: Int
    /// Bytes of the request-header budget kept for the site's other cookies; default 2048.
    public var otherCookiesReserve: Int

    /// Makes a budget; the defaults keep a session cookie inside what every current browser
    /// stores and what default proxies accept.
    public init(
        maxNameValueByteCount: Int = 4096,
        maxSetCookieByteCount: Int? = 4093,
        requestHeaderByteCount: Int = 8190,
        otherCookiesReserve: Int = 2048
    ) {
        self.maxNameValueByteCount = maxNameValueByteCount
        self.maxSetCookieByteCount = maxSetCookieByteCount
        self.requestHeaderByteCount = requestHeaderByteCount
        self.otherCookiesReserve = otherCookiesReserve
    }

    /// Bytes of the request's `Cookie` line that `cookies` take, counted as described above.
    package static func requestByteCount(of cookies: [SetCookie]) -> Int {
        cookies.reduce(8 + 2) { $0 + $1.nameValueByteCount + 1 + 2 }
    }

    /// Checks one cookie against the per-cookie limits.
    /// - Throws: ``CookieBudgetError/nameValueTooLarge(name:byteCount:limit:)`` or
    ///   ``CookieBudgetError/setCookieTooLarge(name:byteCount:limit:)``.
    package func check(_ cookie: SetCookie) throws(CookieBudgetError) {
        let nameValue = cookie.nameValueByteCount
        guard nameValue <= maxNameValueByteCount else {
            throw .nameValueTooLarge(name: cookie.name, byteCount: nameValue, limit: maxNameValueByteCount)
        }
        if let maxSetCookieByteCount {
            let line = cookie.headerValue.utf8.count
            guard line <= maxSetCookieByteCount else {
                throw .setCookieTooLarge(name: cookie.name, byteCount: line, limit: maxSetCookieByteCount)
            }
        }
    }

    /// Checks that `cookies` (one session's cookies) leave the reserve free in the
    /// request-header budget.
    /// - Throws: ``CookieBudgetError/requestHeaderTooLarge(byteCount:reserve:limit:)``.
    package func check(requestCookies cookies: [SetCookie]) throws(CookieBudgetError) {
        let bytes = Self.requestByteCount(of: cookies)
        // Subtracted with a check: a budget used on its own (outside ``SessionCookies``, which
        // validates it) may hold any Int, and no value may trap.
        let (room, overflow) = requestHeaderByteCount.subtractingReportingOverflow(otherCookiesReserve)
        guard !overflow, bytes <= room else {
            throw .requestHeaderTooLarge(byteCount: bytes, reserve: otherCookiesReserve, limit: requestHeaderByteCount)
        }
    }

    /// The longest value a cookie named `name` can carry when its attributes take
    /// `attributeByteCount` bytes of the Set-Cookie header value (everything after the value).
    func maxValueByteCount(name: String, attributeByteCount: Int) -> Int {
        let nameCount = name.utf8.count
        var limit = maxNameValueByteCount - nameCount
        if let maxSetCookieByteCount {
            limit = min(limit, maxSetCookieByteCount - nameCount - 1 - attributeByteCount)
        }
        return max(0, limit)
    }
}
