public import Foundation

/// The authenticated header at the front of every sealed value (SPEC.md, section 3).
///
/// Wire format v3, which every seal writes:
/// ```
/// byte 0      : version 11 (bits 7-6) | compression (bits 5-4) | key id (bits 3-0)
/// bytes 1-4   : issued-at, Unix seconds, unsigned 32-bit big-endian
/// next 1-4    : LEB128(lifetime in minutes × 8 + flags); flags: padded 1, started 2, secrets 4
/// next 1      : dictionary id, only when the compression is zstd (10: the application's
///               dictionary of that id; 11: the built-in one)
/// next 1-4    : LEB128(seconds from the session's start to issued-at), only when flagged
/// ```
/// Version 2 values (read only) are the same but count the session age in minutes; version 1
/// values (read only) have a control byte `01 | compressed | padded | key id` and the plain
/// lifetime.
///
/// Readable without a key (``EnvelopeHeader/init(sealedValue:)``), for debugging tools; the
/// header is only trustworthy once the value has been opened.
public struct EnvelopeHeader: Sendable, Equatable {
    /// How the payload's body is compressed.
    public enum Compression: Sendable, Hashable {
        /// Stored as serialized.
        case none
        /// Raw deflate behind its length.
        case deflate
        /// A stripped zstd frame behind its length, made with the application's dictionary of
        /// this id.
        case zstd(dictionaryID: UInt8)
        /// A stripped zstd frame behind its length, made with the library's built-in dictionary
        /// of this id (``SessionDictionary/generic`` is 1). Built-in ids are their own namespace:
        /// they never collide with an application's.
        case zstdBuiltIn(dictionaryID: UInt8)

        /// The dictionary's id, for either kind of zstd value.
        var dictionaryID: UInt8? {
            switch self {
            case .zstd(let id), .zstdBuiltIn(let id): id
            case .none, .deflate: nil
            }
        }
    }

    /// The format version every seal writes.
    package static let currentVersion: UInt8 = 3
    /// The longest lifetime an envelope may carry: 400 days, the cap RFC 6265bis puts on cookies.
    package static let maxLifetimeMinutes: UInt32 = 400 * 24 * 60
    /// The largest session age an envelope carries: 400 days, in seconds.
    package static let maxSessionAgeSeconds: UInt32 = maxLifetimeMinutes * 60
    /// The shortest header, of either version.
    static let minByteCount = 6

    /// The format version: 3, or 2 or 1 for a value sealed before it.
    public let version: UInt8
    /// How the payload's body is compressed.
    public let compression: Compression
    /// Whether the payload carries ISO/IEC 7816-4 padding.
    public let isPadded: Bool
    /// Whether the payload begins with a secret section (``SessionSecret`` fields).
    public let hasSecretSection: Bool
    /// The id of the key that sealed the value.
    public let keyID: UInt8
    /// When the value was sealed, in Unix seconds.
    package let issuedAtSeconds: UInt32
    /// How long after `issuedAt` the value expires, in minutes.
    package let lifetimeMinutes: UInt32
    /// How many seconds before `issuedAt` the session started (first sealed); 0 when it
    /// started at `issuedAt`. Version 2 counted minutes; its age is read as whole minutes.
    package let sessionAgeSeconds: UInt32

    /// When the value was sealed.
    public var issuedAt: Date { Date(timeIntervalSince1970: TimeInterval(issuedAtSeconds)) }
    /// When the value expires: `issuedAt` plus the lifetime.
    public var expiresAt: Date { Date(timeIntervalSince1970: TimeInterval(expiresAtSeconds)) }
    /// When the session started: its first seal (the login), carried to the second across
    /// renewals, changes and rotations. Absolute timeouts and revocation count from it.
    public var sessionStartedAt: Date { Date(timeIntervalSince1970: TimeInterval(sessionStartedAtSeconds)) }
    var expiresAtSeconds: Int64 { Int64(issuedAtSeconds) + Int64(lifetimeMinutes) * 60 }
    var sessionStartedAtSeconds: Int64 { Int64(issuedAtSeconds) - Int64(sessionAgeSeconds) }

    package init(
        version: UInt8 = currentVersion, compression: Compression, isPadded: Bool, hasSecretSection: Bool = false,
        keyID: UInt8, issuedAtSeconds: UInt32, lifetimeMinutes: UInt32, sessionAgeSeconds: UInt32 = 0
    ) {
        self.version = version
        self.compression = compression
        self.isPadded = isPadded
        self.hasSecretSection = hasSecretSection
        self.keyID = keyID
        self.issuedAtSeconds = issuedAtSeconds
        self.lifetimeMinutes = lifetimeMinutes
        self.sessionAgeSeconds = sessionAgeSeconds
    }

    /// Reads the header of a sealed value without opening it: no key is needed and nothing is
    /// verified, but the whole value must be well-formed base64url and long enough for an
    /// envelope (values over 1 MiB are refused).
    public init(sealedValue: String) throws(SessionCodecError) {
        let limit = 1 << 20
        guard sealedValue.utf8.count <= limit else {
            throw .valueTooLarge(length: sealedValue.utf8.count, limit: limit)
        }
        guard let bytes = Base64URL.decode(sealedValue) else { throw .malformed }
        let (header, byteCount) = try bytes.withUnsafeBytesTyped { raw throws(SessionCodecError) in try Self.parse(raw)
        }
        guard bytes.count >= byteCount + XChaCha20Poly1305.nonceByteCount + XChaCha20Poly1305.tagByteCount else {
            throw .malformed
        }
        self = header
    }

    // MARK: Encoding (version 3 only)

    /// The session age field as this header's version writes it: minutes in version 2, seconds
    /// from version 3 on; 0 for absent.
    private var sessionAgeField: UInt64 {
        version == 2 ? UInt64(sessionAgeSeconds / 60) : UInt64(sessionAgeSeconds)
    }

    /// The LEB128 field after issued-at: lifetime × 8 + flags.
    private var lifetimeAndFlags: UInt64 {
        UInt64(lifetimeMinutes) << 3 | (isPadded ? 1 : 0) | (sessionAgeField > 0 ? 2 : 0) | (hasSecretSection ? 4 : 0)
    }

    /// The encoded length in bytes.
    package var byteCount: Int {
        if version == 1 { return 5 + LEB128.encodedCount(of: UInt64(lifetimeMinutes)) }
        var count = 5 + LEB128.encodedCount(of: lifetimeAndFlags)
        if compression.dictionaryID != nil { count += 1 }
        if sessionAgeField > 0 { count += LEB128.encodedCount(of: sessionAgeField) }
        return count
    }

    /// The encoded header (version 3).
    func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(byteCount)
        let compressionBits: UInt8
        switch compression {
        case .none: compressionBits = 0
        case .deflate: compressionBits = 1
        case .zstd: compressionBits = 2
        case .zstdBuiltIn: compressionBits = 3
        }
        bytes.append(Self.currentVersion << 6 | compressionBits << 4 | keyID & 0x0F)
        bytes.append(UInt8(truncatingIfNeeded: issuedAtSeconds >> 24))
        bytes.append(UInt8(truncatingIfNeeded: issuedAtSeconds >> 16))
        bytes.append(UInt8(truncatingIfNeeded: issuedAtSeconds >> 8))
        bytes.append(UInt8(truncatingIfNeeded: issuedAtSeconds))
        LEB128.encode(lifetimeAndFlags, into: &bytes)
        if let dictionaryID = compression.dictionaryID { bytes.append(dictionaryID) }
        if sessionAgeField > 0 { LEB128.encode(sessionAgeField, into: &bytes) }
        return bytes
    }

    // MARK: Parsing (both versions)

    /// Parses a header from the front of `bytes`; returns it and its length in bytes.
    static func parse(_ bytes: UnsafeRawBufferPointer) throws(SessionCodecError) -> (header: Self, byteCount: Int) {
        guard bytes.count >= minByteCount else { throw .malformed }
        let first = bytes[0]
        let issued = UInt32(bytes[1]) << 24 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 8 | UInt32(bytes[4])
        switch first >> 6 {
        case 1: return try parseVersion1(bytes, first: first, issued: issued)
        case 2, 3: return try parseVersion2Or3(bytes, first: first, issued: issued)
        default: throw .unsupportedVersion(first >> 6)
        }
    }

    private static func parseVersion1(
        _ bytes: UnsafeRawBufferPointer, first: UInt8, issued: UInt32
    ) throws(SessionCodecError) -> (header: Self, byteCount: Int) {
        guard let (lifetime, next) = LEB128.decode(bytes, at: 5, maxBytes: 3),
            (1...UInt64(maxLifetimeMinutes)).contains(lifetime)
        else { throw .malformed }
        let header = Self(
            version: 1, compression: first & 0x20 != 0 ? .deflate : .none, isPadded: first & 0x10 != 0,
            keyID: first & 0x0F, issuedAtSeconds: issued, lifetimeMinutes: UInt32(lifetime))
        return (header, next)
    }

    /// Versions 2 and 3 differ only in the session age's unit: minutes (at most 3 bytes), then
    /// seconds (at most 4), each up to 400 days.
    private static func parseVersion2Or3(
        _ bytes: UnsafeRawBufferPointer, first: UInt8, issued: UInt32
    ) throws(SessionCodecError) -> (header: Self, byteCount: Int) {
        let version = first >> 6
        guard let (field, afterLifetime) = LEB128.decode(bytes, at: 5, maxBytes: 4) else { throw .malformed }
        let lifetime = field >> 3
        guard (1...UInt64(maxLifetimeMinutes)).contains(lifetime) else { throw .malformed }
        var next = afterLifetime
        let compression: Compression
        switch first >> 4 & 0x03 {
        case 0: compression = .none
        case 1: compression = .deflate
        default:
            // Version 2 reserved 11; only version 3 gives it a meaning.
            guard next < bytes.count, first & 0x30 == 0x20 || version == 3 else { throw .malformed }
            compression =
                first & 0x30 == 0x20 ? .zstd(dictionaryID: bytes[next]) : .zstdBuiltIn(dictionaryID: bytes[next])
            next += 1
        }
        var ageSeconds: UInt64 = 0
        if field & 2 != 0 {
            // Present only when above 0: 0 would be a second spelling of "absent".
            let (unit, maxBytes, maxAge): (UInt64, Int, UInt64) =
                version == 2 ? (60, 3, UInt64(maxLifetimeMinutes)) : (1, 4, UInt64(maxSessionAgeSeconds))
            guard let (age, afterAge) = LEB128.decode(bytes, at: next, maxBytes: maxBytes), (1...maxAge).contains(age)
            else { throw .malformed }
            ageSeconds = age * unit
            next = afterAge
        }
        let header = Self(
            version: version, compression: compression, isPadded: field & 1 != 0, hasSecretSection: field & 4 != 0,
            keyID: first & 0x0F, issuedAtSeconds: issued, lifetimeMinutes: UInt32(lifetime),
            sessionAgeSeconds: UInt32(ageSeconds))
        return (header, next)
    }
}
