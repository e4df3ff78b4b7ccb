/// Why a ``SessionKey`` or a ``KeyRing`` could not be made.
///
/// Descriptions name the problem and what to do; they never contain key material.
public enum SessionKeyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The key id is outside 0...15 (the wire format has four bits for it).
    case keyIDOutOfRange(UInt8)
    /// The decoded key is not 32 bytes long.
    case wrongLength(expected: Int, actual: Int)
    /// The text is neither 43 characters of unpadded base64url nor 64 hexadecimal digits.
    case invalidEncoding
    /// A key-ring entry is not of the form `ID:KEY` or `ID:KEY@TIME`.
    case invalidEntry(position: Int)
    /// The activation time of the key-ring entry at `position` (counted from 1) is not RFC 3339
    /// to the second, such as `2026-12-10T00:00:00Z`.
    case invalidActivation(position: Int)
    /// The activation time of the key-ring entry at `position` (counted from 1) has an offset
    /// other than UTC: every node must read the same instant, so ring text is written in UTC.
    case activationNotUTC(position: Int)
    /// The key file could not be read.
    case unreadableFile(path: String)
    /// The key file is larger than a key file can be.
    case fileTooLarge(path: String, limit: Int)
    /// The environment variable is not set or is empty.
    case missingEnvironmentVariable(String)
    /// Two keys in one ring have the same id, so the id in a cookie could not pick one.
    case duplicateKeyID(UInt8)
    /// A key ring needs at least one key.
    case emptyRing
    /// libsodium could not be initialised or could not allocate guarded memory.
    case secureMemoryUnavailable

    public var description: String {
        switch self {
        case .keyIDOutOfRange(let id):
            "key id \(id) is out of range: use an id from 0 to 15"
        case .wrongLength(let expected, let actual):
            "a session key must be \(expected) bytes, this one is \(actual): generate one with `sealed-cookie keygen`"
        case .invalidEncoding:
            "a session key must be 43 characters of unpadded base64url or 64 hexadecimal digits"
        case .invalidEntry(let position):
            "key-ring entry \(position) is not of the form ID:KEY or ID:KEY@TIME (for example 1:<43 base64url characters>)"
        case .invalidActivation(let position):
            "key-ring entry \(position) has an activation time that is not RFC 3339 to the second: write it as \(ActivationTime.example)"
        case .activationNotUTC(let position):
            "key-ring entry \(position) has an activation time with an offset other than UTC: write it in UTC, as \(ActivationTime.example)"
        case .unreadableFile(let path):
            "cannot read the key file at \(path): check the path and its permissions"
        case .fileTooLarge(let path, let limit):
            "the key file at \(path) is over \(limit) bytes, so it is not a key file: check the path"
        case .missingEnvironmentVariable(let name):
            "the environment variable \(name) is not set or is empty: set it to the key (or key ring)"
        case .duplicateKeyID(let id):
            "two keys in the ring have id \(id): give every key its own id"
        case .emptyRing:
            "a key ring needs at least one key"
        case .secureMemoryUnavailable:
            "libsodium could not be initialised or could not allocate guarded memory for a key"
        }
    }
}
