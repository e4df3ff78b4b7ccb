import Foundation

@testable import SealedCookie

/// Shared set-up for the session-cookie tests: fixed clock, byte sessions, helpers that play
/// the browser.
enum SessionCookiesFixture {
    /// 2024-01-02 03:04:05 UTC.
    static let now = Date(timeIntervalSince1970: 1_704_164_645)

    static func keyRing(ids: [UInt8] = [1]) throws -> KeyRing {
        let keys = try ids.map { try SessionKey.generate(id: $0) }
        return try KeyRing(primary: keys[0], older: Array(keys.dropFirst()))
    }

    static func codec(
        name: String = "session", keyRing: KeyRing, maxValueLength: Int = 8192,
        clock: @escaping @Sendable () -> Date = { now }
    ) throws -> SessionCodec<[UInt8]> {
        try SessionCodec(
            configuration: SessionCodecConfiguration(
                cookieName: name, keyRing: keyRing, compression: .disabled, maxValueLength: maxValueLength, clock: clock
            ),
            serializer: BytesSerializer())
    }

    static func cookies(
        name: String = "session", keyRing: KeyRing? = nil, maxValueLength: Int = 8192,
        configuration: SessionCookiesConfiguration? = nil, clock: @escaping @Sendable () -> Date = { now }
    ) throws -> SessionCookies<[UInt8]> {
        let ring = try keyRing ?? Self.keyRing()
        return try SessionCookies(
            codec: try codec(name: name, keyRing: ring, maxValueLength: maxValueLength, clock: clock),
            configuration: try configuration ?? SessionCookiesConfiguration(scope: .rootDomain("example.com")))
    }

    /// Deterministic pseudo-random bytes (incompressible, like a sealed payload).
    static func bytes(_ count: Int, seed: UInt64 = 1) -> [UInt8] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        return (0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
    }

    /// What a browser sends back for these Set-Cookie values: `name=value` of every cookie that
    /// is not a deletion, joined with "; ".
    static func cookieHeader(from setCookies: [String]) -> String {
        setCookies.filter { !$0.contains("; Max-Age=0") }
            .map { String($0.prefix { $0 != ";" }) }
            .joined(separator: "; ")
    }

    /// The `name=value` part of a Set-Cookie value.
    static func nameValue(_ setCookie: String) -> (name: String, value: String) {
        let pair = setCookie.prefix { $0 != ";" }
        let name = pair.prefix { $0 != "=" }
        return (String(name), String(pair.dropFirst(name.count + 1)))
    }
}
