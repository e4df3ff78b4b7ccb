import Foundation
import Testing

@testable import SealedCookie

/// The package-level calls a middleware uses to serialize a session once: `serialize(_:)`,
/// `seal(_:serialized:lifetimeMinutes:)` and ``SessionDigest``.
@Suite("Sealing bytes already serialized")
struct SerializedSealTests {
    static func ring() throws -> KeyRing { try KeyRing(primary: Fixture.sequentialKey()) }

    func bytes(_ body: [UInt8]) -> SessionBytes { SessionBytes(body: body, secrets: []) }

    @Test("the bytes given are sealed, not the session serialized again")
    func sealsTheBytesGiven() throws {
        let codec = try Fixture.bytesCodec(ring: Self.ring())
        let session = try Fixture.corpus("medium")
        var serialized = try codec.serialize(session)
        defer { serialized.zeroize() }
        #expect(serialized == SessionBytes(body: session, secrets: []))
        let value = try codec.seal(session, serialized: serialized, lifetimeMinutes: 120)
        #expect(try codec.open(value).session == session)
        #expect(try EnvelopeHeader(sealedValue: value).lifetimeMinutes == 120)
        // Proof that no serialization happened: other bytes win over the session.
        let other = try codec.seal(session, serialized: bytes([1, 2, 3]), lifetimeMinutes: 120)
        #expect(try codec.open(other).session == [1, 2, 3])
        // Without bytes, the session is serialized as by seal(_:lifetime:).
        #expect(try codec.open(codec.seal(session, serialized: nil, lifetimeMinutes: 1)).session == session)
    }

    @Test("the limits hold for bytes given: decompression cap and lifetime")
    func limits() throws {
        let codec = try Fixture.bytesCodec(ring: Self.ring(), maxDecompressedBytes: 100)
        #expect(throws: SessionCodecError.sessionTooLarge(size: 101, limit: 100)) {
            try codec.seal([], serialized: bytes([UInt8](repeating: 7, count: 101)), lifetimeMinutes: 1)
        }
        #expect(throws: SessionCodecError.sessionTooLarge(size: 101, limit: 100)) {
            try codec.serialize([UInt8](repeating: 7, count: 101))
        }
        for minutes in [0, EnvelopeHeader.maxLifetimeMinutes + 1] {
            #expect(throws: SessionCodecError.self) {
                try codec.seal([], serialized: bytes([1]), lifetimeMinutes: minutes)
            }
        }
    }

    @Test("digests tell bytes apart and match equal bytes")
    func digests() throws {
        let medium = try Fixture.corpus("medium")
        #expect(SessionDigest(of: bytes(medium)) == SessionDigest(of: bytes(Array(medium))))
        #expect(
            SessionDigest(of: bytes(medium))
                != SessionDigest(of: bytes(medium.dropLast() + [medium.last.map { $0 ^ 1 } ?? 0])))
        #expect(SessionDigest(of: bytes([])) == SessionDigest(of: bytes([])))
        #expect(SessionDigest(of: bytes([])) != SessionDigest(of: bytes([0])))
        // The boundary between body and secret section counts: moving a byte across it changes
        // the digest.
        #expect(
            SessionDigest(of: SessionBytes(body: [1, 2], secrets: [3]))
                != SessionDigest(of: SessionBytes(body: [1], secrets: [2, 3])))
    }

    @Test("SessionCookies seals the bytes given too")
    func cookiesSealTheBytesGiven() throws {
        let cookies = try SessionCookiesFixture.cookies()
        let headers = try cookies.setCookieHeaders(
            for: [9, 9], serialized: bytes([4, 5, 6]), lifetimeMinutes: nil, requestHost: "example.com",
            requestCookies: cookies.parseCookieHeaders([]))
        let value = SessionCookiesFixture.nameValue(headers[0]).value
        #expect(try cookies.codec.open(value).session == [4, 5, 6])
        #expect(headers[0].contains("; Max-Age=86400;"))
    }
}
