public import Foundation

/// Why a session could not be sealed or a cookie value could not be opened.
///
/// Opening errors describe untrusted input: expect them, log them at debug level, and treat the
/// request as having no session; never send the reason to the client. Sealing errors
/// (``isUsageError``) mean the application or its configuration must change. No description
/// contains key material or session contents.
public enum SessionCodecError: Error, Equatable, Sendable, CustomStringConvertible {
    // MARK: Opening (untrusted input)

    /// The value is not canonical unpadded base64url, or is too short to hold an envelope, or
    /// its header is not well formed.
    case malformed
    /// The value is longer than ``SessionCodecConfiguration/maxValueLength``; it was rejected
    /// before any decoding.
    case valueTooLarge(length: Int, limit: Int)
    /// The envelope's format version is not one this library reads.
    case unsupportedVersion(UInt8)
    /// No key in the ring has the envelope's key id (the key was rotated out, or the value
    /// comes from another deployment).
    case unknownKeyID(UInt8)
    /// The envelope expired (the clock skew allowance included).
    case expired(at: Date)
    /// The envelope was issued further in the future than the clock skew allows.
    case notYetValid(issuedAt: Date)
    /// The ciphertext, header, cookie name or purpose do not match the authentication tag:
    /// tampered, or sealed for another cookie, purpose or key.
    case authenticationFailed
    /// The compressed session declares more bytes than the decompression cap, or inflates past
    /// what it declares; nothing beyond the cap was allocated.
    case decompressionLimitExceeded(limit: Int)
    /// The authenticated payload's padding or compressed data is not well formed.
    case invalidPayload
    /// The serializer could not read the session (for example its type changed since sealing).
    case deserializationFailed(reason: String)

    // MARK: Sealing and configuration (the application's side)

    /// The serializer could not write the session.
    case serializationFailed(reason: String)
    /// The serialized session is larger than the decompression cap, so it could never be opened.
    case sessionTooLarge(size: Int, limit: Int)
    /// The sealed value would be longer than ``SessionCodecConfiguration/maxValueLength``.
    case sealedValueTooLarge(length: Int, limit: Int)
    /// A configuration value is out of range; the text says which and what is allowed.
    case invalidConfiguration(String)
    /// The clock reads a time that wire format v1 cannot carry (before 1970 or after 2106).
    case clockOutOfRange
    /// zlib could not allocate a stream.
    case compressionUnavailable

    /// Whether the error comes from the application or its configuration rather than from the
    /// value being opened.
    public var isUsageError: Bool {
        switch self {
        case .serializationFailed, .sessionTooLarge, .sealedValueTooLarge, .invalidConfiguration, .clockOutOfRange,
            .compressionUnavailable:
            true
        default:
            false
        }
    }

    public var description: String {
        switch self {
        case .malformed:
            "the cookie value is not a well-formed sealed session (bad base64url, too short, or bad header)"
        case .valueTooLarge(let length, let limit):
            "the cookie value is \(length) characters, over the limit of \(limit); rejected before decoding"
        case .unsupportedVersion(let version):
            "the cookie value uses format version \(version), which this library does not read"
        case .unknownKeyID(let id):
            "no key with id \(id) is in the key ring (rotated out, or sealed by another deployment)"
        case .expired(let date):
            "the session expired at \(date.formatted(.iso8601))"
        case .notYetValid(let date):
            "the session was issued in the future (\(date.formatted(.iso8601))), beyond the clock skew allowance"
        case .authenticationFailed:
            "the cookie value failed authentication: tampered, or sealed for another cookie name, purpose or key"
        case .decompressionLimitExceeded(let limit):
            "the session would inflate past the decompression limit of \(limit) bytes"
        case .invalidPayload:
            "the authenticated payload has invalid padding or compressed data"
        case .deserializationFailed(let reason):
            "the session could not be deserialized: \(reason)"
        case .serializationFailed(let reason):
            "the session could not be serialized: \(reason)"
        case .sessionTooLarge(let size, let limit):
            "the serialized session is \(size) bytes, over the decompression limit of \(limit): store less in the session or raise maxDecompressedBytes on every node"
        case .sealedValueTooLarge(let length, let limit):
            "the sealed session is \(length) characters, over maxValueLength \(limit): store less in the session"
        case .invalidConfiguration(let reason):
            "invalid session codec configuration: \(reason)"
        case .clockOutOfRange:
            "the clock reads a time outside 1970...2106, which the envelope cannot carry"
        case .compressionUnavailable:
            "zlib could not allocate a compression stream"
        }
    }
}
