#if Hummingbird
public import Foundation
public import SealedCookie
public import SealedCookieExampleModel
import SealedCookieHummingbird

/// One node of the example cluster: its name and what it shares with every other node.
///
/// Every node of a cluster is made with the same key ring, root domain and cookie name, and
/// needs nothing else in common: no session store.
public struct ExampleNode: Sendable {
    /// The node's name, reported in every reply and the `Node` response field.
    public var name: String
    /// The configuration of the session middleware.
    public var sessions: SealedSessionConfiguration<ExampleSession>
    /// Revocation shared with the middleware, so `/logout` can revoke the user's sessions.
    public var revocation: SessionRevocationList<ExampleSession>?

    /// Makes a node.
    ///
    /// - Parameters:
    ///   - name: The node's name.
    ///   - keyRing: The cluster's key ring.
    ///   - rootDomain: The cluster's root domain (the cookie's `Domain`), nil for host-only.
    ///   - isSecure: The cookie's `Secure` attribute; off only for plain-HTTP demos and tests.
    ///   - revocation: The revocation list `/logout` writes to; its store is what the nodes share.
    ///   - maxChunkCount: How many cookies a session may be split over.
    ///   - maxSessionAge: The absolute session timeout, nil for none.
    ///   - clock: The time source, injected by tests.
    ///   - dictionaries: zstd dictionaries, nil for the codec's default compression.
    /// - Throws: A codec, scope or cookie configuration error.
    public init(
        name: String,
        keyRing: KeyRing,
        rootDomain: String?,
        isSecure: Bool = true,
        revocation: SessionRevocationList<ExampleSession>? = nil,
        maxChunkCount: Int = 2,
        maxSessionAge: Duration? = nil,
        clock: @escaping @Sendable () -> Date = { Date() },
        dictionaries: SessionDictionaryRing? = nil
    ) throws {
        let cookies = try ExampleCookies.make(
            keyRing: keyRing, rootDomain: rootDomain, isSecure: isSecure, maxChunkCount: maxChunkCount,
            maxSessionAge: maxSessionAge, clock: clock, dictionaries: dictionaries)
        self.name = name
        self.revocation = revocation
        self.sessions = try SealedSessionConfiguration(
            cookies: cookies, tokenMode: SessionTokenMode(), revocation: revocation)
    }
}
#endif
