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
    /// The session began longer ago than ``SessionCodecConfiguration/maxSessionAge`` (the
    /// clock skew allowance included): the user must log in again, however active.
    case sessionTooOld(startedAt: Date)
    /// The value was compressed with a dictionary whose id is not in the codec's dictionary
    /// ring (retired, not yet deployed on this node, or the codec has no dictionaries).
    case unknownDictionaryID(UInt8)
    /// The ciphertext, header, cookie name or purpose do not match the authentication tag:
    /// tampered, or sealed for another cookie, purpose or key, or compressed with other
    /// dictionary bytes under the same dictionary id.
    case authenticationFailed
    /// The compressed session declares more bytes than the decompression cap; it was refused
    /// before anything was allocated for it.
    case decompressionLimitExceeded(declared: Int, limit: Int)
    /// The authenticated payload's padding, secret section or compressed data is not well
    /// formed: for example a compressed body that yields more or fewer bytes than it declares.
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
    /// A configuration value is out of range: `setting` names it as the configuration spells it
    /// (for example `lifetime`), `allowed` says what it may be.
    case invalidConfiguration(setting: String, allowed: String)
    /// The clock reads a time that the envelope cannot carry (before 1970 or after 2106).
    case clockOutOfRange
    /// No key of the ring is active at `date`: every key's activation time is later, the first
    /// at `firstActivation`. Give one key an earlier activation time, or none.
    case noActiveKey(at: Date, firstActivation: Date)
    /// No dictionary of the zstd ring is active at `date`: every dictionary's activation time is
    /// later, the first at `firstActivation`. Give one dictionary an earlier activation time, or
    /// none.
    case noActiveDictionary(at: Date, firstActivation: Date)
    /// libsodium could not be initialised, or zlib or zstd could not allocate a stream or digest
    /// a dictionary (the process is out of memory).
    case librariesUnavailable

    /// Whether the error comes from the application or its configuration rather than from the
    /// value being opened.
    public var isUsageError: Bool {
        switch self {
        case .serializationFailed, .sessionTooLarge, .sealedValueTooLarge, .invalidConfiguration, .clockOutOfRange,
            .noActiveKey, .noActiveDictionary, .librariesUnavailable:
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
        case .sessionTooOld(let date):
            "the session started at \(date.formatted(.iso8601)), longer ago than the maximum session age"
        case .unknownDictionaryID(let id):
            "no compression dictionary with id \(id) is in the codec's dictionary ring (retired, not deployed on this node, or none configured), or, for a built-in id, in this version of the library"
        case .authenticationFailed:
            "the cookie value failed authentication: tampered, or sealed for another cookie name, purpose, key or dictionary"
        case .decompressionLimitExceeded(let declared, let limit):
            "the compressed session declares \(declared) bytes, over the decompression limit of \(limit); refused before decompressing"
        case .invalidPayload:
            "the authenticated payload has invalid padding, secret section or compressed data (for example it decompresses to more or fewer bytes than it declares)"
        case .deserializationFailed(let reason):
            "the session could not be deserialized: \(reason)"
        case .serializationFailed(let reason):
            "the session could not be serialized: \(reason)"
        case .sessionTooLarge(let size, let limit):
            "the serialized session is \(size) bytes, over the decompression limit of \(limit): store less in the session or raise maxDecompressedBytes on every node"
        case .sealedValueTooLarge(let length, let limit):
            "the sealed session is \(length) characters, over maxValueLength \(limit): store less in the session"
        case .invalidConfiguration(let setting, let allowed):
            "invalid session codec configuration: \(setting) must be \(allowed)"
        case .clockOutOfRange:
            "the clock reads a time outside 1970...2106, which the envelope cannot carry"
        case .noActiveKey(let date, let first):
            "no key of the ring is active at \(date.formatted(.iso8601)): the first activates at \(first.formatted(.iso8601)); give one key an earlier activation time, or none"
        case .noActiveDictionary(let date, let first):
            "no dictionary of the ring is active at \(date.formatted(.iso8601)): the first activates at \(first.formatted(.iso8601)); give one dictionary an earlier activation time, or none"
        case .librariesUnavailable:
            "libsodium could not be initialised, or zlib or zstd could not allocate a stream or digest a dictionary"
        }
    }
}
