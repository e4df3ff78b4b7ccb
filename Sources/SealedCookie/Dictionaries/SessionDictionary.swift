import CZstd
import Foundation

/// A zstd dictionary for one application's sessions: with it, a session compresses to about a
/// third of what deflate makes of it, several times faster.
///
/// Session cookies are small records of one fixed shape; a dictionary holds what they have in
/// common (key names, usual values), so each cookie carries only what is its own. Every node of
/// a cluster needs the same dictionary bytes under the same id, the way it needs the same keys:
/// ship the file with the application.
///
/// ```swift
/// // Trained ahead of time with `sealed-cookie dictionary train`:
/// let dictionary = try SessionDictionary(contentsOfFile: "session.zdict")
/// // Or, to start with one line, raw content from a few sample sessions:
/// let dictionary = try SessionDictionary(id: 1, samples: [UserSession.sample])
///
/// let codec = try SessionCodec<UserSession>(configuration: .init(
///     cookieName: "session", keyRing: keys,
///     compression: .zstd(dictionaries: SessionDictionaryRing(primary: dictionary))))
/// ```
///
/// Build dictionaries from synthetic sessions, never from real users' sessions: a dictionary
/// is not sent anywhere, but it lives in your repository and your binaries.
public struct SessionDictionary: Sendable, CustomStringConvertible {
    /// The largest dictionary accepted: 1 MiB. Gains flatten past 8–32 KiB.
    public static let maxByteCount = 1 << 20
    /// zstd dictionary ids from this value on are SealedCookie's: `32768 + id` (the range
    /// 32768...2^31−1 is free for private use in the zstd format).
    static let zstdIDBase: UInt32 = 32768

    /// The id written in each value's authenticated header, so an opener picks this
    /// dictionary without guessing.
    public let id: UInt8
    /// The dictionary's bytes: a zstd dictionary (trained) or raw content.
    public let bytes: [UInt8]
    /// Whether this is one of the library's own dictionaries (``generic``): its id is in the
    /// built-in namespace, apart from the application's ids, and every codec opens its values.
    public let isBuiltIn: Bool

    /// Makes a dictionary from its bytes: a zstd-format dictionary (as `sealed-cookie
    /// dictionary train` or `zstd --train` writes) or raw content.
    /// - Throws: ``SessionDictionaryError/invalidSize(byteCount:limit:)`` or
    ///   ``SessionDictionaryError/rejectedByZstd``.
    public init(id: UInt8, bytes: [UInt8]) throws(SessionDictionaryError) {
        guard (1...Self.maxByteCount).contains(bytes.count) else {
            throw .invalidSize(byteCount: bytes.count, limit: Self.maxByteCount)
        }
        guard ZstdDigestedDictionary(bytes: bytes, compressionLevel: 3) != nil else { throw .rejectedByZstd }
        self.id = id
        self.bytes = bytes
        self.isBuiltIn = false
    }

    /// A built-in dictionary: bytes the library ships, under their built-in id.
    init(builtInID id: UInt8, bytes: [UInt8]) {
        self.id = id
        self.bytes = bytes
        self.isBuiltIn = true
    }

    /// The id as logs and metrics name it: `3`, or `builtin-1` for a built-in dictionary.
    var label: String { isBuiltIn ? "builtin-\(id)" : "\(id)" }

    /// How a value compressed with this dictionary says so in its header.
    var headerCompression: EnvelopeHeader.Compression {
        isBuiltIn ? .zstdBuiltIn(dictionaryID: id) : .zstd(dictionaryID: id)
    }

    /// Reads a dictionary file. Without `id`, the id is the one `sealed-cookie dictionary
    /// train` stored in the file.
    /// - Throws: ``SessionDictionaryError/missingID(path:)`` when the file carries no
    ///   SealedCookie id and none is given, and the errors of ``init(id:bytes:)``.
    public init(contentsOfFile path: String, id: UInt8? = nil) throws(SessionDictionaryError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadableFile(path: path) }
        defer { try? handle.close() }
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try handle.read(upToCount: Self.maxByteCount + 1) ?? Data())
        } catch {
            throw .unreadableFile(path: path)
        }
        guard let id = id ?? Self.storedID(in: bytes) else { throw .missingID(path: path) }
        try self.init(id: id, bytes: bytes)
    }

    /// Makes a raw-content dictionary from sample sessions serialized as JSON (their
    /// ``SessionSecret`` fields left out, as sealing does): no training step, so an app can
    /// start with one line. Give samples that look like real sessions with made-up values; the
    /// most typical last, since zstd finds recent content cheapest.
    public init<Session: Codable & Sendable>(id: UInt8, samples: [Session]) throws(SessionDictionaryError) {
        let serializer = JSONSessionSerializer<Session>()
        var content: [UInt8] = []
        for sample in samples {
            do {
                content += try serializer.serializeKeepingSecretsApart(sample).body
            } catch {
                throw .sampleNotSerializable(reason: String(describing: type(of: error)))
            }
        }
        try self.init(id: id, bytes: content)
    }

    /// The id SealedCookie stored in a trained dictionary's zstd header, if any.
    static func storedID(in bytes: [UInt8]) -> UInt8? {
        let zstdID = bytes.withUnsafeBytes { ZDICT_getDictID($0.baseAddress, $0.count) }
        guard zstdID >= zstdIDBase, zstdID - zstdIDBase <= UInt32(UInt8.max) else { return nil }
        return UInt8(zstdID - zstdIDBase)
    }

    /// Whether the bytes are a trained zstd dictionary (with entropy tables) rather than raw
    /// content.
    public var isTrained: Bool {
        bytes.withUnsafeBytes { ZDICT_getDictID($0.baseAddress, $0.count) } != 0
    }

    /// A short digest of the bytes (BLAKE2b, 16 hexadecimal digits), to check that every node
    /// has the same dictionary under the same id.
    public var fingerprint: String {
        GenericHash.digest(bytes).prefix(8).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    public var description: String {
        "SessionDictionary(\(isBuiltIn ? "built-in " : "")id: \(id), \(bytes.count) bytes, \(isTrained ? "trained" : "raw content"), \(fingerprint))"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
