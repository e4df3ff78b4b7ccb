public import Foundation

/// The authenticated header at the front of every sealed value (wire format v1, SPEC.md).
///
/// ```
/// byte 0      : version (bits 7-6, 01) | compressed (bit 5) | padded (bit 4) | key id (bits 3-0)
/// bytes 1-4   : issued-at, Unix seconds, unsigned 32-bit big-endian
/// bytes 5-7   : lifetime in minutes, unsigned LEB128 (1 to 3 bytes, canonical, 1...576000)
/// ```
///
/// Readable without a key (``EnvelopeHeader/init(sealedValue:)``), for debugging tools; the
/// header is only trustworthy once the value has been opened.
public struct EnvelopeHeader: Sendable, Equatable {
    /// The format version this library writes and reads.
    public static let currentVersion: UInt8 = 1
    /// The longest lifetime an envelope may carry: 400 days, the cap RFC 6265bis puts on cookies.
    public static let maxLifetimeMinutes: UInt32 = 400 * 24 * 60
    /// The shortest and longest encoded header.
    static let minByteCount = 6
    static let maxByteCount = 8

    /// Whether the payload is raw deflate behind its length.
    public var isCompressed: Bool
    /// Whether the payload carries ISO/IEC 7816-4 padding.
    public var isPadded: Bool
    /// The id of the key that sealed the value.
    public var keyID: UInt8
    /// When the value was sealed, in Unix seconds.
    public var issuedAtSeconds: UInt32
    /// How long after `issuedAt` the value expires, in minutes.
    public var lifetimeMinutes: UInt32

    /// When the value was sealed.
    public var issuedAt: Date { Date(timeIntervalSince1970: TimeInterval(issuedAtSeconds)) }
    /// When the value expires: `issuedAt` plus the lifetime.
    public var expiresAt: Date { Date(timeIntervalSince1970: TimeInterval(expiresAtSeconds)) }
    var expiresAtSeconds: Int64 { Int64(issuedAtSeconds) + Int64(lifetimeMinutes) * 60 }

    init(isCompressed: Bool, isPadded: Bool, keyID: UInt8, issuedAtSeconds: UInt32, lifetimeMinutes: UInt32) {
        self.isCompressed = isCompressed
        self.isPadded = isPadded
        self.keyID = keyID
        self.issuedAtSeconds = issuedAtSeconds
        self.lifetimeMinutes = lifetimeMinutes
    }

    /// Reads the header of a sealed value without opening it: no key is needed and nothing is
    /// verified, but the whole value must be well-formed base64url and long enough for an
    /// envelope (values over 1 MiB are refused).
    public init(sealedValue: String) throws(SessionCodecError) {
        let limit = 1 << 20
        guard sealedValue.utf8.count <= limit else { throw .valueTooLarge(length: sealedValue.utf8.count, limit: limit) }
        guard let bytes = Base64URL.decode(sealedValue),
            bytes.count >= Self.minByteCount + XChaCha20Poly1305.nonceByteCount + XChaCha20Poly1305.tagByteCount
        else { throw .malformed }
        self = try bytes.withUnsafeBytesTyped { raw throws(SessionCodecError) in try Self.parse(raw).header }
    }

    /// The encoded header bytes.
    func encoded(into bytes: inout [UInt8]) {
        bytes.append(
            Self.currentVersion << 6 | (isCompressed ? 0x20 : 0) | (isPadded ? 0x10 : 0) | keyID & 0x0F)
        bytes.append(UInt8(truncatingIfNeeded: issuedAtSeconds >> 24))
        bytes.append(UInt8(truncatingIfNeeded: issuedAtSeconds >> 16))
        bytes.append(UInt8(truncatingIfNeeded: issuedAtSeconds >> 8))
        bytes.append(UInt8(truncatingIfNeeded: issuedAtSeconds))
        LEB128.encode(UInt64(lifetimeMinutes), into: &bytes)
    }

    /// Writes the encoded header over the first bytes of `bytes` (which must be long enough),
    /// the same bytes as ``encoded(into:)`` appends.
    func write(into bytes: inout [UInt8]) {
        bytes[0] = Self.currentVersion << 6 | (isCompressed ? 0x20 : 0) | (isPadded ? 0x10 : 0) | keyID & 0x0F
        bytes[1] = UInt8(truncatingIfNeeded: issuedAtSeconds >> 24)
        bytes[2] = UInt8(truncatingIfNeeded: issuedAtSeconds >> 16)
        bytes[3] = UInt8(truncatingIfNeeded: issuedAtSeconds >> 8)
        bytes[4] = UInt8(truncatingIfNeeded: issuedAtSeconds)
        var index = 5
        var remaining = lifetimeMinutes
        while remaining >= 0x80 {
            bytes[index] = UInt8(truncatingIfNeeded: remaining) | 0x80
            remaining >>= 7
            index += 1
        }
        bytes[index] = UInt8(remaining)
    }

    /// Parses a header from the front of `bytes`; returns it and its length in bytes.
    static func parse(_ bytes: UnsafeRawBufferPointer) throws(SessionCodecError) -> (header: Self, byteCount: Int) {
        guard bytes.count >= minByteCount else { throw .malformed }
        let first = bytes[0]
        guard first >> 6 == currentVersion else { throw .unsupportedVersion(first >> 6) }
        let issued = UInt32(bytes[1]) << 24 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 8 | UInt32(bytes[4])
        guard let (lifetime, next) = LEB128.decode(bytes, at: 5, maxBytes: 3),
            (1...UInt64(maxLifetimeMinutes)).contains(lifetime)
        else { throw .malformed }
        let header = Self(
            isCompressed: first & 0x20 != 0, isPadded: first & 0x10 != 0, keyID: first & 0x0F,
            issuedAtSeconds: issued, lifetimeMinutes: UInt32(lifetime))
        return (header, next)
    }
}
