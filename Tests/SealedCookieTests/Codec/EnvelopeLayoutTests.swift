import Foundation
import Testing

@testable import SealedCookie

/// Rebuilds sealed values from the wire format's definition with the primitives, so that the
/// single-buffer seal and in-place open keep writing and reading exactly wire format v2.
@Suite("Envelope layout")
struct EnvelopeLayoutTests {
    static let nonce = [UInt8](repeating: 0x24, count: 24)
    static let now = Date(timeIntervalSince1970: 1_732_467_890)

    func codec(
        compression: SessionCodecConfiguration.Compression, padding: SessionCodecConfiguration.Padding
    ) throws -> SessionCodec<[UInt8]> {
        let key = try SessionKey(id: 3, bytes: (0..<32).map { UInt8($0) })
        var codec = try SessionCodec(
            configuration: .init(
                cookieName: "sid", keyRing: KeyRing(primary: key), purpose: "shop", lifetime: .seconds(90 * 60),
                compression: compression, padding: padding, clock: { Self.now }),
            serializer: BytesSerializer())
        codec.fillNonce = { buffer in buffer.copyBytes(from: Self.nonce) }
        return codec
    }

    /// The value as SPEC.md defines it, built step by step.
    func expected(
        _ serialized: [UInt8], codec: SessionCodec<[UInt8]>, compress: Bool, padding: SessionCodecConfiguration.Padding
    ) -> String {
        var payload = serialized
        if compress {
            var deflated: [UInt8] = []
            LEB128.encode(UInt64(serialized.count), into: &deflated)
            let deflater = Deflater(level: 6, memoryLevel: 5)
            _ = serialized.withUnsafeBytes { deflater?.deflate($0, appendingTo: &deflated, limit: serialized.count) }
            payload = deflated
        }
        BlockPadding.pad(&payload, from: 0, padding: padding)
        // Control byte 11 | compression | key id 3; issued-at; LEB128(90 × 8 + padded flag).
        let issuedAt: [UInt8] = [0x67, 0x43, 0x5C, 0xB2]
        let lifetimeAndFlags = 90 * 8 + (padding == .none ? 0 : 1)
        let headerBytes =
            [0xC0 | (compress ? 0x10 : 0) | 3] + issuedAt + [
                UInt8(lifetimeAndFlags & 0x7F | 0x80), UInt8(lifetimeAndFlags >> 7),
            ]
        let aad = headerBytes + [3] + Array("sid".utf8) + Array("shop".utf8)
        var sealed = [UInt8](repeating: 0, count: payload.count + 16)
        payload.withUnsafeBytes { plain in
            aad.withUnsafeBytes { aadBytes in
                Self.nonce.withUnsafeBytes { nonce in
                    sealed.withUnsafeMutableBytes { out in
                        XChaCha20Poly1305.seal(
                            plain, authenticating: aadBytes, nonce: nonce,
                            key: codec.configuration.keyRing.primary.encryptionKey, into: out)
                    }
                }
            }
        }
        return Base64URL.encode(headerBytes + Self.nonce + sealed)
    }

    @Test(
        "seal writes wire format v3 and open reads it",
        arguments: [
            (true, .none), (false, .none), (true, .block(64)), (false, .block(16)), (true, .sizeClasses),
        ] as [(Bool, SessionCodecConfiguration.Padding)])
    func layout(compress: Bool, padding: SessionCodecConfiguration.Padding) throws {
        let codec = try codec(compression: compress ? .deflate(minimumSize: 64, level: 6) : .disabled, padding: padding)
        let serialized = Array(String(repeating: #"{"user":"u1","roles":["a","b"]}"#, count: 6).utf8)
        let value = try codec.seal(serialized)
        #expect(value == expected(serialized, codec: codec, compress: compress, padding: padding))
        #expect(try codec.open(value).session == serialized)
    }
}
