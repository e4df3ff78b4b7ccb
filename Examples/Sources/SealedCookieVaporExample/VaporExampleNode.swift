#if Vapor
public import Foundation
public import SealedCookie
public import SealedCookieExampleModel
import SealedCookieVapor

/// One node of the example app on Vapor: the cookie layer of `ExampleCookies`, as
/// the Hummingbird example node has, so the two serve one cluster.
public struct VaporExampleNode: Sendable {
    /// The node's name, reported in every reply.
    public var name: String
    /// The middleware's configuration.
    public var sessions: SealedSessionConfiguration<ExampleSession>
    /// The revocation list logout writes to, if any.
    public var revocation: SessionRevocationList<ExampleSession>?

    /// Makes a node.
    /// - Parameters:
    ///   - name: The node's name.
    ///   - keyRing: The cluster's key ring.
    ///   - rootDomain: The cookie's Domain, or nil for host-only cookies.
    ///   - isSecure: Whether the cookie is `Secure`.
    ///   - revocation: The revocation list `/logout` writes to, if any; its store is what the nodes share.
    ///   - maxChunkCount: The most cookies one session may take.
    ///   - maxSessionAge: The longest a session lives across renewals, or nil for no limit.
    ///   - renewalFraction: See ``SealedSessionConfiguration/renewalFraction``.
    ///   - clock: The time source.
    ///   - dictionaries: zstd dictionaries, nil for the codec's default compression.
    public init(
        name: String,
        keyRing: KeyRing,
        rootDomain: String?,
        isSecure: Bool = true,
        revocation: SessionRevocationList<ExampleSession>? = nil,
        maxChunkCount: Int = 2,
        maxSessionAge: Duration? = nil,
        renewalFraction: Double? = 0.5,
        clock: @escaping @Sendable () -> Date = { Date() },
        dictionaries: SessionDictionaryRing? = nil
    ) throws {
        let cookies = try ExampleCookies.make(
            keyRing: keyRing, rootDomain: rootDomain, isSecure: isSecure, maxChunkCount: maxChunkCount,
            maxSessionAge: maxSessionAge, clock: clock, dictionaries: dictionaries)
        self.name = name
        self.revocation = revocation
        self.sessions = try SealedSessionConfiguration(
            cookies: cookies, renewalFraction: renewalFraction, tokenMode: SessionTokenMode(), revocation: revocation)
    }
}
#endif
