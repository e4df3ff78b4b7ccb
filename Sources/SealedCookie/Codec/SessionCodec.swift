import Foundation

/// Seals a session into a cookie value and opens it again: serialize, compress, pad, encrypt
/// and authenticate with XChaCha20-Poly1305, then base64url.
///
/// ```swift
/// struct UserSession: Codable, Sendable { var userID: String; var roles: [String] }
///
/// let codec = try SessionCodec<UserSession>(configuration: .init(
///     cookieName: "session",
///     keyRing: try KeyRing(environmentVariable: "SESSION_KEYS")))
/// let value = try codec.seal(UserSession(userID: "u1", roles: ["admin"]))
/// let session = try codec.open(value).session
/// ```
///
/// The codec is a value type that is cheap to copy and safe to share between tasks; make one
/// at start-up and use it for every request. The wire format is specified in SPEC.md.
public struct SessionCodec<Session: Sendable>: Sendable {
    /// Everything but the serializer, in one shared object: the request flow copies its codecs
    /// on every request, and a copy then retains this one reference rather than every field of
    /// the configuration. Seal and open read its fields in place (`state.compressors`): a
    /// property that forwarded them would copy the struct it returns, retaining its fields, on
    /// every call.
    private(set) var state: SessionCodecState
    let serializer: any SessionSerializer<Session>
    /// The values opened last and their sessions; nil when the configuration keeps none.
    let openedValues: OpenedValueCache<Session>?

    /// The configuration the codec was made with.
    public var configuration: SessionCodecConfiguration { state.configuration }
    var lifetimeMinutes: UInt32 { state.lifetimeMinutes }
    var clockSkewSeconds: Int64 { state.clockSkewSeconds }
    var maxSessionAgeSeconds: Int64? { state.maxSessionAgeSeconds }
    /// The configured clock's time, read in place: `configuration.clock()` would copy the whole
    /// configuration (retaining its key ring and dictionaries) on every request.
    func now() -> Date { state.configuration.clock() }
    /// Testing hook for known-answer vectors: where nonces come from. Production code cannot
    /// set it (internal); it is libsodium's CSPRNG.
    var fillNonce: @Sendable (UnsafeMutableRawBufferPointer) -> Void {
        get { state.fillNonce }
        set { state = state.replacing(fillNonce: newValue) }
    }

    /// Makes a codec with a custom serializer.
    /// - Throws: ``SessionCodecError/invalidConfiguration(setting:allowed:)`` naming the value out of range;
    ///   ``SessionCodecError/noActiveKey(at:firstActivation:)`` or
    ///   ``SessionCodecError/noActiveDictionary(at:firstActivation:)`` when, by the configured clock,
    ///   every key or dictionary activates later.
    public init(configuration: SessionCodecConfiguration, serializer: some SessionSerializer<Session>)
        throws(SessionCodecError)
    {
        let name = Array(configuration.cookieName.utf8)
        guard (1...4096).contains(name.count) else {
            throw .invalidConfiguration(setting: "cookieName", allowed: "1 to 4096 bytes")
        }
        let minutes = try Self.envelopeMinutes(of: configuration.lifetime)
        let skew = configuration.clockSkew.components
        guard skew.attoseconds == 0, (0...3600).contains(skew.seconds) else {
            throw .invalidConfiguration(setting: "clockSkew", allowed: "whole seconds from 0 to 3600")
        }
        if let age = configuration.maxSessionAge {
            let parts = age.components
            guard parts.attoseconds == 0, (60...Int64(EnvelopeHeader.maxLifetimeMinutes) * 60).contains(parts.seconds)
            else {
                throw .invalidConfiguration(
                    setting: "maxSessionAge", allowed: "whole seconds from 1 minute to 400 days, or nil")
            }
        }
        if case .block(let size) = configuration.padding, !(1...1024).contains(size) {
            throw .invalidConfiguration(setting: "padding", allowed: "a block size from 1 to 1024")
        }
        guard (1...(16 << 20)).contains(configuration.maxDecompressedBytes) else {
            throw .invalidConfiguration(setting: "maxDecompressedBytes", allowed: "1 byte to 16 MiB")
        }
        guard (64...(1 << 20)).contains(configuration.maxValueLength) else {
            throw .invalidConfiguration(setting: "maxValueLength", allowed: "64 to 1048576 characters")
        }
        guard (0...65536).contains(configuration.openedValueCacheCapacity) else {
            throw .invalidConfiguration(setting: "openedValueCacheCapacity", allowed: "0 to 65536 values")
        }
        guard LibSodium.isReady else { throw .librariesUnavailable }

        var context: [UInt8] = []
        LEB128.encode(UInt64(name.count), into: &context)
        context += name
        context += Array(configuration.purpose.utf8)
        let compressors = try Compressors(configuration: configuration)
        self.state = SessionCodecState(
            configuration: configuration, boundContext: context, lifetimeMinutes: minutes,
            clockSkewSeconds: skew.seconds, maxSessionAgeSeconds: configuration.maxSessionAge?.components.seconds,
            compressors: compressors, fillNonce: SecureRandom.fill)
        self.serializer = serializer
        self.openedValues =
            configuration.openedValueCacheCapacity > 0
            ? OpenedValueCache(capacity: configuration.openedValueCacheCapacity) : nil
        // A ring whose every key (or dictionary) activates later fails here, at start-up,
        // rather than on the first request.
        let now = configuration.clock()
        _ = try sealingKey(at: now)
        _ = try compressors.sealingCompression(at: now)
    }

    /// The codec for bearer tokens: this one's configuration and serializer under the purpose
    /// `token:` + its purpose, so that a token (readable by the client's JavaScript) never opens
    /// as the HttpOnly cookie, nor a cookie value as a token.
    package func tokenCodec() throws(SessionCodecError) -> SessionCodec<Session> {
        var tokenConfiguration = configuration
        tokenConfiguration.purpose = "token:" + tokenConfiguration.purpose
        var codec = try SessionCodec(configuration: tokenConfiguration, serializer: serializer)
        codec.fillNonce = fillNonce
        return codec
    }

    /// A lifetime as the envelope carries it: whole minutes from 1 to 400 days.
    static func envelopeMinutes(of lifetime: Duration) throws(SessionCodecError) -> UInt32 {
        let parts = lifetime.components
        guard parts.attoseconds == 0, parts.seconds % 60 == 0,
            (1...Int64(EnvelopeHeader.maxLifetimeMinutes)).contains(parts.seconds / 60)
        else {
            throw .invalidConfiguration(setting: "lifetime", allowed: "whole minutes from 1 minute to 400 days")
        }
        return UInt32(parts.seconds / 60)
    }

    /// `date` in Unix seconds, as the envelope carries it.
    static func envelopeSeconds(of date: Date) throws(SessionCodecError) -> UInt32 {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds >= 0, seconds <= Double(UInt32.max) else { throw .clockOutOfRange }
        return UInt32(seconds)
    }

    /// Calls `body` with the authenticated data in one contiguous buffer on the stack:
    /// header | bound context, then for a value compressed with a dictionary that dictionary's
    /// BLAKE2b digest, so that a value never decompresses with other bytes under the same id.
    func withAuthenticatedData<R>(
        header: UnsafeRawBufferPointer, compression: EnvelopeHeader.Compression,
        _ body: (UnsafeRawBufferPointer) -> R
    ) -> R {
        var digest: [UInt8] = []
        // Stored and deflated values have no dictionary: no table lookup on their path.
        if compression.dictionaryID != nil, let dictionary = state.compressors.dictionaries[compression] {
            digest = dictionary.digest
        }
        return withUnsafeTemporaryAllocation(
            byteCount: header.count + state.boundContext.count + digest.count, alignment: 1
        ) { aad in
            aad.copyMemory(from: header)
            state.boundContext.withUnsafeBytes { context in
                UnsafeMutableRawBufferPointer(rebasing: aad[header.count...]).copyMemory(from: context)
            }
            digest.withUnsafeBytes { digest in
                UnsafeMutableRawBufferPointer(rebasing: aad[(header.count + state.boundContext.count)...]).copyMemory(
                    from: digest)
            }
            return body(UnsafeRawBufferPointer(aad))
        }
    }

    /// The fixed bytes around the payload: header, nonce and tag.
    static func envelopeOverhead(headerByteCount: Int) -> Int {
        headerByteCount + XChaCha20Poly1305.nonceByteCount + XChaCha20Poly1305.tagByteCount
    }
}

extension SessionCodec where Session: Codable {
    /// Makes a codec that serializes sessions as JSON (``JSONSessionSerializer``).
    /// - Throws: as ``init(configuration:serializer:)``.
    public init(configuration: SessionCodecConfiguration) throws(SessionCodecError) {
        try self.init(configuration: configuration, serializer: JSONSessionSerializer<Session>())
    }
}
