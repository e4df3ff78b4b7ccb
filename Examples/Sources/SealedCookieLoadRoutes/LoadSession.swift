#if PostgreSQL
public import SealedCookie
public import SealedCookieExampleModel
public import SealedCookieMacros

/// The load test's session: about 1 KB once filled at login (a user, roles, a visit counter and
/// incompressible filler), with the JSON code `@SessionJSON` generates, the configuration the
/// README recommends. Its own type, not the example app's `ExampleSession`: the root package
/// compiles the example app for its tests, which would then need the `Macros` trait (and
/// swift-syntax) too.
@SessionJSON
public struct LoadSession: Codable, Sendable, Equatable {
    /// The user's name, which is also what revocation is keyed by.
    public var user: String
    /// The user's roles.
    public var roles: [String]
    /// How many times `/load/change` touched the session.
    public var visits: Int
    /// Random characters that grow the session to the chosen size.
    public var filler: String

    /// A fresh session right after login, with `fillerCharacters` of filler.
    public init(user: String, fillerCharacters: Int) {
        self.user = user
        self.roles = ["customer", "loadtest"]
        self.visits = 0
        self.filler = Filler.random(characters: fillerCharacters)
    }
}

/// The load test's sessions on every node, whatever its framework: the example node's cookie
/// layer (key ring, root domain, compression, budget) under another cookie name, so they never
/// mix with the example app's `session` cookie.
public enum LoadSessions {
    /// The cookie's name.
    public static let cookieName = "load"

    /// The middleware configuration of one node, made as `ExampleCookies` and the example nodes
    /// make theirs.
    ///
    /// - Parameters:
    ///   - keyRing: The cluster's key ring.
    ///   - rootDomain: The cluster's root domain (the cookie's `Domain`), nil for host-only.
    ///   - isSecure: The cookie's `Secure` attribute; off for the plain-HTTP load test.
    ///   - revocation: The revocation check, over the node's store.
    ///   - dictionaries: The node's zstd dictionaries, nil for the codec's default compression.
    /// - Throws: A codec, scope or cookie configuration error.
    public static func configuration(
        keyRing: KeyRing, rootDomain: String?, isSecure: Bool, revocation: SessionRevocationList<LoadSession>?,
        dictionaries: SessionDictionaryRing?
    ) throws -> SealedSessionConfiguration<LoadSession> {
        let codec = try SessionCodec<LoadSession>(
            configuration: SessionCodecConfiguration(
                cookieName: cookieName, keyRing: keyRing,
                compression: dictionaries.map { .zstd(dictionaries: $0) } ?? .default))
        let scope = try rootDomain.map { try CookieScope.rootDomain($0) } ?? .hostOnly
        let cookies = try SessionCookies(
            codec: codec, configuration: SessionCookiesConfiguration(scope: scope, secure: isSecure, maxChunkCount: 2))
        return try SealedSessionConfiguration(
            cookies: cookies, tokenMode: SessionTokenMode(), revocation: revocation)
    }

    /// The reply of every load route, session or not: the same small JSON, so that the routes
    /// differ only in what the middleware does.
    public static func reply(node: String, user: String, visits: Int) -> NodeReply {
        NodeReply(node: node, user: user, message: "visit \(visits)")
    }
}
#endif
