extension SessionCodec {
    /// Seals `session` into a cookie value (unpadded base64url) under the primary key.
    ///
    /// Each call uses a fresh random nonce, so sealing the same session twice gives different
    /// values.
    /// - Throws: a usage error: ``SessionCodecError/serializationFailed(reason:)``,
    ///   ``SessionCodecError/sessionTooLarge(size:limit:)``,
    ///   ``SessionCodecError/sealedValueTooLarge(length:limit:)`` or
    ///   ``SessionCodecError/clockOutOfRange``.
    public func seal(_ session: Session) throws(SessionCodecError) -> String {
        try seal(session, serialized: nil, lifetimeMinutes: lifetimeMinutes)
    }

    /// Seals `session` with a lifetime other than the configured one (for example a longer
    /// "remember me" session), in whole minutes from 1 minute to 400 days.
    public func seal(_ session: Session, lifetime: Duration) throws(SessionCodecError) -> String {
        try seal(session, serialized: nil, lifetime: lifetime)
    }

    /// ``seal(_:lifetime:)`` for a caller that already holds the session's bytes from
    /// `serialize(_:)` (to compare them with an earlier version, say): `serialized`, when not nil,
    /// is sealed instead of serializing `session` again. The caller keeps and wipes it.
    package func seal(_ session: Session, serialized: [UInt8]?, lifetime: Duration) throws(SessionCodecError) -> String {
        try seal(session, serialized: serialized, lifetimeMinutes: Self.envelopeMinutes(of: lifetime))
    }

    private func seal(_ session: Session, serialized: [UInt8]?, lifetimeMinutes: UInt32) throws(SessionCodecError)
        -> String
    {
        // 1. Serialize, unless the caller did.
        if let serialized {
            try checkSize(of: serialized)
            return try seal(serialized: serialized, lifetimeMinutes: lifetimeMinutes)
        }
        var serialized = try serialize(session)
        defer { serialized.zeroize() }
        return try seal(serialized: serialized, lifetimeMinutes: lifetimeMinutes)
    }

    private func seal(serialized: [UInt8], lifetimeMinutes: UInt32) throws(SessionCodecError) -> String {
        // 2-5. Compress, pad and encrypt into one buffer: header | nonce | ciphertext+tag.
        let envelope = try makeEnvelope(serialized, lifetimeMinutes: lifetimeMinutes)

        // 6. Text, and check it can be opened again.
        let length = Base64URL.encodedLength(of: envelope.count)
        guard length <= configuration.maxValueLength else {
            throw .sealedValueTooLarge(length: length, limit: configuration.maxValueLength)
        }
        return Base64URL.encode(envelope)
    }

    /// The serializer's bytes, within the decompression cap. The caller wipes them
    /// (`zeroize()`) when done.
    package func serialize(_ session: Session) throws(SessionCodecError) -> [UInt8] {
        var serialized: [UInt8]
        do {
            serialized = try serializer.serialize(session)
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
    private func checkSize(of serialized: [UInt8]) throws(SessionCodecError) {
        guard serialized.count <= configuration.maxDecompressedBytes else {
            throw .sessionTooLarge(size: serialized.count, limit: configuration.maxDecompressedBytes)
        }
    }

    /// header | nonce | ciphertext+tag for `serialized`, built in one allocation: the payload is
    /// compressed (or copied), padded and encrypted in place, so no plaintext copy is left
    /// behind.
    func makeEnvelope(_ serialized: [UInt8], lifetimeMinutes: UInt32) throws(SessionCodecError) -> [UInt8] {
        let key = configuration.keyRing.primary
        let issuedAt = try currentSeconds()
        let headerByteCount = 5 + LEB128.encodedCount(of: UInt64(lifetimeMinutes))
        let payloadStart = headerByteCount + XChaCha20Poly1305.nonceByteCount
        var envelope: [UInt8] = []
        envelope.reserveCapacity(
            payloadStart + LEB128.encodedCount(of: UInt64(serialized.count)) + serialized.count
                + (configuration.paddingBlockSize ?? 0) + XChaCha20Poly1305.tagByteCount)
        envelope.append(contentsOf: repeatElement(0, count: payloadStart))

        // 2. Compress, when that makes it smaller; else the serialized bytes as they are.
        let isCompressed = compress(serialized, appendingTo: &envelope)
        if !isCompressed { envelope.append(contentsOf: serialized) }

        // 3. Pad, when configured.
        if let block = configuration.paddingBlockSize {
            BlockPadding.pad(&envelope, from: payloadStart, blockSize: block)
        }

        // 4. Header.
        let header = EnvelopeHeader(
            isCompressed: isCompressed, isPadded: configuration.paddingBlockSize != nil, keyID: key.id,
            issuedAtSeconds: issuedAt, lifetimeMinutes: lifetimeMinutes)
        header.write(into: &envelope)

        // 5. Encrypt in place, with AAD = header | bound context.
        let payloadEnd = envelope.count
        envelope.append(contentsOf: repeatElement(0, count: XChaCha20Poly1305.tagByteCount))
        envelope.withUnsafeMutableBytes { out in
            let nonce = UnsafeMutableRawBufferPointer(rebasing: out[headerByteCount..<payloadStart])
            fillNonce(nonce)
            withAuthenticatedData(header: UnsafeRawBufferPointer(rebasing: out[..<headerByteCount])) { aad in
                XChaCha20Poly1305.seal(
                    UnsafeRawBufferPointer(rebasing: out[payloadStart..<payloadEnd]), authenticating: aad,
                    nonce: UnsafeRawBufferPointer(nonce), key: key.encryptionKey,
                    into: UnsafeMutableRawBufferPointer(rebasing: out[payloadStart...]))
            }
        }
        return envelope
    }

    /// Appends LEB128(serialized length) | raw deflate to `output` and returns true; or leaves
    /// `output` as it was and returns false when compression is off, the session is under the
    /// threshold, or the result would not be smaller.
    func compress(_ serialized: [UInt8], appendingTo output: inout [UInt8]) -> Bool {
        guard case .whenSmaller(let minimumSize, _) = configuration.compression, serialized.count >= minimumSize,
            let deflaters
        else { return false }
        let start = output.count
        LEB128.encode(UInt64(serialized.count), into: &output)
        let limit = serialized.count - (output.count - start)
        let done = serialized.withUnsafeBytes { input in
            deflaters.withStream { $0.deflate(input, appendingTo: &output, limit: limit) }
        }
        guard done == true else {
            output.removeSubrange(start...)
            return false
        }
        return true
    }
}
