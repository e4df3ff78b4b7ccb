/// Everything the session middlewares (Hummingbird's and Vapor's `SealedSessionMiddleware`)
/// need: the cookie layer (codec, scope, attributes, budget), and the optional sliding renewal,
/// token mode and revocation check.
///
/// Every node of a cluster, Vapor or Hummingbird, needs the same codec configuration (cookie
/// name, purpose, key ring) and cookie configuration; nothing else is shared.
///
/// ```swift
/// let configuration = try SealedSessionConfiguration<UserSession>(
///     cookieName: "__Secure-session",
///     keyRing: try KeyRing(environmentVariable: "SESSION_KEYS"),
///     rootDomain: "example.com")
/// ```
///
/// For compression dictionaries, padding, chunking or other budgets, build the cookie layer
/// yourself and pass it to ``init(cookies:renewalFraction:tokenMode:revocation:metrics:)``.
///
/// Every property is a constant checked by the initializer, so no setting can leave another
/// stale (the token codec is made from the cookie codec) or skip a check: make a new
/// configuration to change one.
public struct SealedSessionConfiguration<Session: Codable & Sendable>: Sendable {
    /// Reads and writes the session cookie; its codec's lifetime is the default for new sessions.
    public let cookies: SessionCookies<Session>
    /// The fraction of its lifetime after which an unchanged session is sealed again with a
    /// fresh lifetime (sliding expiry), or nil to let sessions expire on schedule.
    ///
    /// Renewal happens when *more* than this fraction has passed: with `0.5` and a one-day
    /// lifetime, the first request after twelve hours gets a new cookie. `0` renews on every
    /// request. From 0 to 1. Default `0.5`.
    public let renewalFraction: Double?
    /// Token mode (`Authorization: Bearer`), or nil to accept cookies only. Default nil.
    public let tokenMode: SessionTokenMode?
    /// A revocation check called after every successful open, or nil. Default nil.
    public let revocation: (any SessionRevocationCheck<Session>)?
    /// Where the middleware records sessions opened and refused, re-seals and cookie sizes
    /// (see <doc:Metrics>). Default: swift-metrics' `MetricsSystem` as bootstrapped when the
    /// configuration is made.
    public let metrics: SessionMetrics

    /// The codec that seals and opens sessions.
    public var codec: SessionCodec<Session> { cookies.codec }
    /// The codec of ``tokenMode``: the cookie codec's configuration and serializer under the
    /// purpose `token:` + its purpose, so that a token (readable by the client's JavaScript)
    /// never opens as the HttpOnly cookie, nor a cookie value as a token.
    public let tokenCodec: SessionCodec<Session>

    /// The common setup in one call: JSON sessions under `cookieName`, sealed with `keyRing`,
    /// in secure cookies shared by every host under `rootDomain`.
    ///
    /// - Parameters:
    ///   - cookieName: The cookie name, the same on every node.
    ///   - keyRing: The keys, the same on every node.
    ///   - rootDomain: The domain whose hosts all share the session, or nil for host-only.
    ///   - renewalFraction: See ``renewalFraction``.
    ///   - tokenMode: See ``tokenMode``.
    ///   - revocation: See ``revocation``.
    ///   - metrics: See ``metrics``.
    /// - Throws: the errors of ``SessionCookies/init(cookieName:keyRing:rootDomain:lifetime:)``
    ///   and ``init(cookies:renewalFraction:tokenMode:revocation:metrics:)``.
    public init(
        cookieName: String,
        keyRing: KeyRing,
        rootDomain: String?,
        renewalFraction: Double? = 0.5,
        tokenMode: SessionTokenMode? = nil,
        revocation: (any SessionRevocationCheck<Session>)? = nil,
        metrics: SessionMetrics = SessionMetrics()
    ) throws(SessionCookieError) {
        try self.init(
            cookies: SessionCookies(cookieName: cookieName, keyRing: keyRing, rootDomain: rootDomain),
            renewalFraction: renewalFraction, tokenMode: tokenMode, revocation: revocation, metrics: metrics)
    }

    /// Makes a configuration from a cookie layer built by hand.
    /// - Parameters:
    ///   - cookies: The cookie layer, made from the codec and the cookie configuration.
    ///   - renewalFraction: See ``renewalFraction``.
    ///   - tokenMode: See ``tokenMode``.
    ///   - revocation: See ``revocation``.
    ///   - metrics: See ``metrics``.
    /// - Throws: ``SessionCookieError/invalidConfiguration(setting:allowed:)`` for a renewal
    ///   fraction outside 0 to 1 (NaN included) or a token field that is not a field name, or
    ///   ``SessionCookieError/codec(_:)`` if the token codec cannot be made (it has the cookie
    ///   codec's configuration, which was already checked).
    public init(
        cookies: SessionCookies<Session>,
        renewalFraction: Double? = 0.5,
        tokenMode: SessionTokenMode? = nil,
        revocation: (any SessionRevocationCheck<Session>)? = nil,
        metrics: SessionMetrics = SessionMetrics()
    ) throws(SessionCookieError) {
        if let renewalFraction, !(0...1).contains(renewalFraction) {
            throw .invalidConfiguration(
                setting: "renewalFraction", allowed: "from 0 to 1, or nil (is \(renewalFraction))")
        }
        if let tokenMode, !tokenMode.isValid {
            throw .invalidConfiguration(
                setting: "tokenMode.responseHeader",
                allowed: "an HTTP field name (RFC 9110 token; is '\(tokenMode.responseHeader)')")
        }
        do {
            self.tokenCodec = try cookies.codec.tokenCodec()
        } catch {
            throw .codec(error)
        }
        self.cookies = cookies
        self.renewalFraction = renewalFraction
        self.tokenMode = tokenMode
        self.revocation = revocation
        self.metrics = metrics
    }
}
