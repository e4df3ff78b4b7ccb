extension SessionCookies where Session: Codable {
    /// The common setup in one call: JSON sessions sealed under `cookieName` with `keyRing`,
    /// the secure cookie defaults (`Secure`, `HttpOnly`, `SameSite=Lax`, `Path=/`), scoped to
    /// `rootDomain` and its subdomains.
    ///
    /// ```swift
    /// let cookies = try SessionCookies<UserSession>(
    ///     cookieName: "__Secure-session",
    ///     keyRing: try KeyRing(environmentVariable: "SESSION_KEYS"),
    ///     rootDomain: "example.com")
    /// ```
    ///
    /// For anything else (compression dictionaries, padding, chunking, budgets) make a
    /// ``SessionCodec`` and a ``SessionCookiesConfiguration`` and use
    /// ``init(codec:configuration:)``.
    /// - Parameters:
    ///   - cookieName: The cookie name, the same on every node.
    ///   - keyRing: The keys, the same on every node.
    ///   - rootDomain: The domain whose hosts all share the session, or nil for a cookie that goes
    ///     back only to the host that set it.
    ///   - lifetime: How long a sealed session stays valid without being sealed again; default
    ///     one day.
    /// - Throws: ``SessionCookieError/codec(_:)`` for a codec setting out of range, or the
    ///   errors of ``CookieScope/rootDomain(_:)`` and ``init(codec:configuration:)``.
    public init(
        cookieName: String, keyRing: KeyRing, rootDomain: String?, lifetime: Duration = .seconds(24 * 60 * 60)
    ) throws(SessionCookieError) {
        let codec: SessionCodec<Session>
        do {
            codec = try SessionCodec(configuration: .init(cookieName: cookieName, keyRing: keyRing, lifetime: lifetime))
        } catch {
            throw .codec(error)
        }
        let scope = try rootDomain.map { (domain) throws(SessionCookieError) in try CookieScope.rootDomain(domain) }
        try self.init(codec: codec, configuration: .init(scope: scope ?? .hostOnly))
    }
}
