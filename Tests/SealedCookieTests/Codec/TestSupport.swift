import Foundation

@testable import SealedCookie

/// Shared fixtures for the codec tests.
enum Fixture {
    /// The four sizes of the sample corpus (the repository's Corpus/ folder).
    static let corpusNames = ["tiny", "small", "medium", "large"]

    /// A sample document of Corpus/, as stored (compact JSON): the one copy that the tool and
    /// the benchmarks read too.
    static func corpus(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpus/\(name).json")
        guard let data = try? Data(contentsOf: url) else { throw FixtureError.missing(name) }
        return Array(data)
    }

    /// A key whose 32 bytes are 0x00, 0x01, … 0x1F (the SPEC.md test-vector key).
    static func sequentialKey(id: UInt8 = 1) throws -> SessionKey {
        try SessionKey(id: id, bytes: (0..<32).map { UInt8($0) })
    }

    /// A fixed clock.
    static func clock(_ seconds: TimeInterval) -> @Sendable () -> Date {
        { Date(timeIntervalSince1970: seconds) }
    }

    /// 2026-11-24T00:00:00Z, the issue time used by the tests.
    static let now: TimeInterval = 1_795_478_400

    /// A byte codec over `ring` with the given options, at a fixed time.
    static func bytesCodec(
        ring: KeyRing, name: String = "session", purpose: String = "session",
        compression: SessionCodecConfiguration.Compression = .default,
        padding: SessionCodecConfiguration.Padding = .none, maxSessionAge: Duration? = nil,
        lifetime: Duration = .seconds(3600), skew: Duration = .seconds(60),
        maxDecompressedBytes: Int = 64 * 1024, at time: TimeInterval = now
    ) throws -> SessionCodec<[UInt8]> {
        try SessionCodec(
            configuration: SessionCodecConfiguration(
                cookieName: name, keyRing: ring, purpose: purpose, lifetime: lifetime, maxSessionAge: maxSessionAge,
                clockSkew: skew, compression: compression, padding: padding, maxDecompressedBytes: maxDecompressedBytes,
                clock: clock(time)),
            serializer: BytesSerializer())
    }

    /// A nonce of 0x00, 0x01, … 0x17 for known-answer vectors.
    static let sequentialNonce: @Sendable (UnsafeMutableRawBufferPointer) -> Void = { buffer in
        for index in buffer.indices { buffer[index] = UInt8(index) }
    }

    /// A raw-content dictionary made of two corpus documents (tests only need it to be one).
    static func dictionary(id: UInt8 = 1) throws -> SessionDictionary {
        try SessionDictionary(id: id, bytes: corpus("small") + corpus("medium"))
    }

    /// Deflate level 6 from 64 bytes: the default before the generic dictionary, and what
    /// nodes of older versions seal with.
    static let deflate = SessionCodecConfiguration.Compression.deflate(minimumSize: 64, level: 6)

    /// zstd level 3 with `dictionary` as the only one of the ring.
    static func zstd(_ dictionary: SessionDictionary, older: [SessionDictionary] = []) throws
        -> SessionCodecConfiguration.Compression
    {
        .zstd(dictionaries: try SessionDictionaryRing(primary: dictionary, older: older))
    }

    enum FixtureError: Error { case missing(String) }
}

/// Seals a plaintext exactly as given, behind a header exactly as given, so tests can make
/// authentic values that no encoder would write (bad padding, corrupt frames, lying lengths).
struct RawSealer {
    let key: SessionKey
    private let sealRaw: @Sendable ([UInt8], EnvelopeHeader) -> String?

    init<Session>(key: SessionKey, codec: SessionCodec<Session>) {
        self.key = key
        self.sealRaw = {
            codec.sealRaw($0, header: $1, nonce: [UInt8](repeating: 7, count: XChaCha20Poly1305.nonceByteCount))
        }
    }

    /// header | nonce | XChaCha20-Poly1305(plaintext), base64url, with the authenticated data
    /// SPEC.md defines; empty when the codec's ring lacks the key.
    func seal(_ plaintext: [UInt8], header: EnvelopeHeader) -> String {
        sealRaw(plaintext, header) ?? ""
    }

    /// A current-version header for `key` issued at the fixture time, lifetime 60 minutes.
    func header(
        _ compression: EnvelopeHeader.Compression, padded: Bool = false, secrets: Bool = false, ageSeconds: UInt32 = 0
    ) -> EnvelopeHeader {
        EnvelopeHeader(
            compression: compression, isPadded: padded, hasSecretSection: secrets, keyID: key.id,
            issuedAtSeconds: UInt32(Fixture.now), lifetimeMinutes: 60, sessionAgeSeconds: ageSeconds)
    }
}

/// `LEB128(declared) || body`.
func lengthPrefixed(_ declared: Int, _ body: [UInt8]) -> [UInt8] {
    var payload: [UInt8] = []
    LEB128.encode(UInt64(declared), into: &payload)
    return payload + body
}

/// Runs `body` and returns the codec error it threw, or nil when it threw none.
func codecError<T>(_ body: () throws -> T) -> SessionCodecError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error as? SessionCodecError
    }
}
