public import Foundation
public import SealedCookie

/// The cookie layer every node of the example cluster builds the same way, whatever its framework:
/// one cookie name, one codec configuration, one cookie configuration.
public enum ExampleCookies {
    /// The cookie's name.
    public static let cookieName = "session"

    /// The cookie layer of one node.
    ///
    /// - Parameters:
    ///   - keyRing: The cluster's key ring.
    ///   - rootDomain: The cluster's root domain (the cookie's `Domain`), nil for host-only.
    ///   - isSecure: The cookie's `Secure` attribute; off only for plain-HTTP demos and tests.
    ///   - maxChunkCount: How many cookies a session may be split over.
    ///   - maxSessionAge: The absolute session timeout, nil for none.
    ///   - clock: The time source, injected by tests.
    ///   - dictionaries: zstd dictionaries (`--dictionary`), nil for the codec's default compression.
    /// - Throws: A codec, scope or cookie configuration error.
    public static func make(
        keyRing: KeyRing, rootDomain: String?, isSecure: Bool, maxChunkCount: Int, maxSessionAge: Duration?,
        clock: @escaping @Sendable () -> Date, dictionaries: SessionDictionaryRing? = nil
    ) throws -> SessionCookies<ExampleSession> {
        let codec = try SessionCodec<ExampleSession>(
            configuration: SessionCodecConfiguration(
                cookieName: cookieName, keyRing: keyRing, maxSessionAge: maxSessionAge,
                compression: dictionaries.map { .zstd(dictionaries: $0) } ?? .default, clock: clock))
        let scope = try rootDomain.map { try CookieScope.rootDomain($0) } ?? .hostOnly
        return try SessionCookies(
            codec: codec,
            configuration: SessionCookiesConfiguration(scope: scope, secure: isSecure, maxChunkCount: maxChunkCount))
    }
}
