public import Foundation

extension SessionCodec {
    /// Seals `session` into a cookie value (unpadded base64url) under the key that seals now
    /// (``KeyRing/sealingKey(at:)`` at the configured clock), compressed with the dictionary
    /// active now when the codec compresses with zstd.
    ///
    /// Each call uses a fresh random nonce, so sealing the same session twice gives different
    /// values.
    /// - Parameters:
    ///   - session: The session to seal.
    ///   - lifetime: How long the value stays valid, in whole minutes from 1 minute to 400 days;
    ///     nil for the configured lifetime (a longer "remember me" session, say).
    ///   - sessionStartedAt: When the session began (``EnvelopeHeader/sessionStartedAt`` of the
    ///     value it was opened from); nil for now, a new session. Every value carries it, to the
    ///     second, so that ``SessionCodecConfiguration/maxSessionAge`` and revocation count from
    ///     the login however often the session is sealed again. A start after now (another
    ///     node's clock ahead) counts as now; one more than 400 days ago as 400 days.
    /// - Throws: a usage error: ``SessionCodecError/serializationFailed(reason:)``,
    ///   ``SessionCodecError/sessionTooLarge(size:limit:)``,
    ///   ``SessionCodecError/sealedValueTooLarge(length:limit:)``,
    ///   ``SessionCodecError/invalidConfiguration(setting:allowed:)`` (the lifetime),
    ///   ``SessionCodecError/clockOutOfRange``, or (the clock set back before every activation)
    ///   ``SessionCodecError/noActiveKey(at:firstActivation:)`` or
    ///   ``SessionCodecError/noActiveDictionary(at:firstActivation:)``.
    public func seal(
        _ session: Session, lifetime: Duration? = nil, sessionStartedAt: Date? = nil
    ) throws(SessionCodecError) -> String {
        let minutes = try lifetime.map { duration throws(SessionCodecError) in try Self.envelopeMinutes(of: duration) }
        return try seal(session, serialized: nil, lifetimeMinutes: minutes, sessionStartedAt: sessionStartedAt)
    }

    /// ``seal(_:lifetime:sessionStartedAt:)`` for a caller that already holds the session's
    /// bytes from `serialize(_:)` (to compare them with an earlier version, say): `serialized`,
    /// when not nil, is sealed instead of serializing `session` again. The caller keeps and
    /// wipes it. The lifetime is in the envelope's whole minutes (nil for the configured one),
    /// the unit the request flow keeps it in.
    package func seal(
        _ session: Session, serialized: SessionBytes?, lifetimeMinutes minutes: UInt32?, sessionStartedAt: Date? = nil
    ) throws(SessionCodecError) -> String {
        if let minutes, !(1...EnvelopeHeader.maxLifetimeMinutes).contains(minutes) {
            throw .invalidConfiguration(setting: "lifetime", allowed: "whole minutes from 1 minute to 400 days")
        }
        // 1. Serialize, unless the caller did. The bytes are sealed from the variable that
        // wipes them, with no second reference that would make the wipe copy them first.
        if let serialized {
            try checkSize(of: serialized)
            return try seal(serialized: serialized, lifetimeMinutes: minutes, sessionStartedAt: sessionStartedAt)
        }
        var owned = try serialize(session)
        defer { owned.zeroize() }
        return try seal(serialized: owned, lifetimeMinutes: minutes, sessionStartedAt: sessionStartedAt)
    }

    private func seal(
        serialized: SessionBytes, lifetimeMinutes minutes: UInt32?, sessionStartedAt: Date?
    ) throws(SessionCodecError) -> String {
        // 2-5. Compress, pad and encrypt into one buffer: header | nonce | ciphertext+tag.
        let envelope = try makeEnvelope(
            serialized, lifetimeMinutes: minutes ?? lifetimeMinutes, sessionStartedAt: sessionStartedAt)

        // 6. Text, within the limit an opener enforces.
        let length = Base64URL.encodedLength(of: envelope.count)
        guard length <= state.configuration.maxValueLength else {
            throw .sealedValueTooLarge(length: length, limit: state.configuration.maxValueLength)
        }
        return Base64URL.encode(envelope)
    }

    /// The serializer's bytes, within the decompression cap. The caller wipes them
    /// (`zeroize()`) when done.
    package func serialize(_ session: Session) throws(SessionCodecError) -> SessionBytes {
        var serialized: SessionBytes
        do {
            let (body, secrets) = try serializer.serializeKeepingSecretsApart(session)
            serialized = SessionBytes(body: body, secrets: secrets)
        } catch {
            throw .serializationFailed(reason: String(describing: type(of: error)))
        }
        do throws(SessionCodecError) {
            try checkSize(of: serialized)
        } catch {
            serialized.zeroize()
            throw error
        }
        return serialized
    }

    /// Refuses serialized bytes over the decompression cap: they could never be opened.
    private func checkSize(of serialized: SessionBytes) throws(SessionCodecError) {
        guard serialized.count <= state.configuration.maxDecompressedBytes else {
            throw .sessionTooLarge(size: serialized.count, limit: state.configuration.maxDecompressedBytes)
        }
    }

    /// header | nonce | ciphertext+tag for `serialized`, built in one allocation: the payload is
    /// compressed (or copied), padded and encrypted in place, so no plaintext copy is left
    /// behind.
    func makeEnvelope(
        _ serialized: SessionBytes, lifetimeMinutes: UInt32, sessionStartedAt: Date? = nil
    ) throws(SessionCodecError) -> [UInt8] {
        // One reading of the clock decides the issue time, the key and the dictionary, so that a
        // value sealed at an activation time is all old or all new.
        let now = state.configuration.clock()
        let issuedAt = try Self.envelopeSeconds(of: now)
        let key = try sealingKey(at: now)
        let sealingCompression = try state.compressors.sealingCompression(at: now)
        let ageSeconds = Self.sessionAgeSeconds(issuedAt: issuedAt, startedAt: sessionStartedAt)
        // The header as it will be if compression is kept; storing may make it shorter (no
        // dictionary byte), which is settled below.
        let expected = EnvelopeHeader(
            compression: sealingCompression ?? .none, isPadded: state.configuration.padding != .none,
            hasSecretSection: !serialized.secrets.isEmpty, keyID: key.id, issuedAtSeconds: issuedAt,
            lifetimeMinutes: lifetimeMinutes, sessionAgeSeconds: ageSeconds)
        var payloadStart = expected.byteCount + XChaCha20Poly1305.nonceByteCount
        var envelope: [UInt8] = []
        // Two LEB128 lengths of at most 4 bytes each, then padding.
        let plaintextBound = BlockPadding.paddedLength(of: 8 + serialized.count, for: state.configuration.padding)
        envelope.reserveCapacity(payloadStart + plaintextBound + XChaCha20Poly1305.tagByteCount)
        envelope.append(contentsOf: repeatElement(0, count: payloadStart))

        // 2. The secret section, never compressed; then the body, compressed when that makes it
        // smaller, else as it is.
        if !serialized.secrets.isEmpty {
            LEB128.encode(UInt64(serialized.secrets.count), into: &envelope)
            envelope += serialized.secrets
        }
        let compression = state.compressors.compress(serialized.body, with: sealingCompression, appendingTo: &envelope)
        if compression == .none { envelope += serialized.body }
        let header = EnvelopeHeader(
            compression: compression, isPadded: expected.isPadded, hasSecretSection: expected.hasSecretSection,
            keyID: key.id, issuedAtSeconds: issuedAt, lifetimeMinutes: lifetimeMinutes, sessionAgeSeconds: ageSeconds)
        let headerBytes = header.encoded()
        if headerBytes.count < expected.byteCount {
            dropFront(expected.byteCount - headerBytes.count, of: &envelope)
            payloadStart -= expected.byteCount - headerBytes.count
        }

        // 3. Pad, when configured.
        BlockPadding.pad(&envelope, from: payloadStart, padding: state.configuration.padding)

        // 4. Header.
        envelope.replaceSubrange(0..<headerBytes.count, with: headerBytes)

        // 5. Encrypt in place, with AAD = header | bound context [| dictionary digest].
        let headerByteCount = headerBytes.count
        let payloadEnd = envelope.count
        envelope.append(contentsOf: repeatElement(0, count: XChaCha20Poly1305.tagByteCount))
        envelope.withUnsafeMutableBytes { out in
            let nonce = UnsafeMutableRawBufferPointer(rebasing: out[headerByteCount..<payloadStart])
            fillNonce(nonce)
            withAuthenticatedData(
                header: UnsafeRawBufferPointer(rebasing: out[..<headerByteCount]), compression: compression
            ) { aad in
                XChaCha20Poly1305.seal(
                    UnsafeRawBufferPointer(rebasing: out[payloadStart..<payloadEnd]), authenticating: aad,
                    nonce: UnsafeRawBufferPointer(nonce), key: key.encryptionKey,
                    into: UnsafeMutableRawBufferPointer(rebasing: out[payloadStart...]))
            }
        }
        return envelope
    }

    /// Seconds from the session's start to `issuedAt`, 0 for a new session. The start is taken
    /// down to its whole second, so that re-sealing never makes a session younger: its start
    /// never moves forward. A start after `issuedAt` (another node's clock ahead) counts as
    /// `issuedAt`; one more than 400 days before it as 400 days, which no maximum age accepts.
    static func sessionAgeSeconds(issuedAt: UInt32, startedAt: Date?) -> UInt32 {
        guard let startedAt else { return 0 }
        let start = startedAt.timeIntervalSince1970.rounded(.down)
        // Compared as doubles: a start from an application may lie anywhere, NaN included.
        guard start < Double(issuedAt) else { return 0 }
        return UInt32(min(Double(issuedAt) - start, Double(EnvelopeHeader.maxSessionAgeSeconds)))
    }

    /// Removes the first `count` bytes of `envelope` (reserved header space that went unused),
    /// wiping the bytes that the shift leaves behind in its spare capacity.
    private func dropFront(_ count: Int, of envelope: inout [UInt8]) {
        envelope.withUnsafeMutableBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            base.copyMemory(from: base + count, byteCount: bytes.count - count)
            (base + bytes.count - count).initializeMemory(as: UInt8.self, repeating: 0, count: count)
        }
        envelope.removeLast(count)
    }
}
