public import SealedCookie

/// Everything ``SealedSessionMiddleware`` needs: the codec, the cookie settings, and the optional
/// sliding renewal, token mode and revocation check.
///
/// Every node of a cluster needs the same codec configuration (cookie name, purpose, key ring)
/// and cookie settings; nothing else is shared.
public struct SealedSessionConfiguration<Session: Sendable & Codable>: Sendable {
    /// Seals and opens sessions; its lifetime is the default for new sessions.
    public var codec: SessionCodec<Session>
    /// The cookie's scope and attributes.
    public var cookie: SessionCookieSettings
    /// The fraction of its lifetime after which an unchanged session is sealed again with a
    /// fresh lifetime (sliding expiry), or nil to let sessions expire on schedule.
    ///
    /// Renewal happens when *more* than this fraction has passed: with `0.5` and a one-day
    /// lifetime, the first request after twelve hours gets a new cookie. `0` renews on every
    /// request. Default `0.5`.
    public var renewalFraction: Double?
    /// Token mode (`Authorization: Bearer`), or nil to accept cookies only. Default nil.
    public var tokenMode: SessionTokenMode?
    /// A revocation check called after every successful open, or nil. Default nil.
    public var revocation: (any SessionRevocationCheck<Session>)?

    /// Makes a configuration.
    /// - Parameters:
    ///   - codec: The codec, shared by every node.
    ///   - cookie: The cookie's scope and attributes.
    ///   - renewalFraction: See ``renewalFraction``.
    ///   - tokenMode: See ``tokenMode``.
    ///   - revocation: See ``revocation``.
    public init(
        codec: SessionCodec<Session>,
        cookie: SessionCookieSettings,
        renewalFraction: Double? = 0.5,
        tokenMode: SessionTokenMode? = nil,
        revocation: (any SessionRevocationCheck<Session>)? = nil
    ) {
        self.codec = codec
        self.cookie = cookie
        self.renewalFraction = renewalFraction
        self.tokenMode = tokenMode
        self.revocation = revocation
    }
}
