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
        try seal(session, lifetimeMinutes: lifetimeMinutes)
    }

    /// Seals `session` with a lifetime other than the configured one (for example a longer
    /// "remember me" session), in whole minutes from 1 minute to 400 days.
    public func seal(_ session: Session, lifetime: Duration) throws(SessionCodecError) -> String {
        let parts = lifetime.components
        guard parts.attoseconds == 0, parts.seconds % 60 == 0,
            (1...Int64(EnvelopeHeader.maxLifetimeMinutes)).contains(parts.seconds / 60)
        else {
            throw .invalidConfiguration("lifetime must be a whole number of minutes from 1 minute to 400 days")
        }
        return try seal(session, lifetimeMinutes: UInt32(parts.seconds / 60))
    }

    private func seal(_ session: Session, lifetimeMinutes: UInt32) throws(SessionCodecError) -> String {
        // 1. Serialize.
        var serialized: [UInt8]
        do {
            serialized = try serializer.serialize(session)
        } catch {
            throw .serializationFailed(reason: String(describing: type(of: error)))
        }
        defer { serialized.zeroize() }
        guard serialized.count <= configuration.maxDecompressedBytes else {
            throw .sessionTooLarge(size: serialized.count, limit: configuration.maxDecompressedBytes)
        }

        // 2. Compress, when that makes it smaller.
        var compressed = compress(serialized)
        defer { compressed?.zeroize() }

        // 3. Header.
        let key = configuration.keyRing.primary
        let header = EnvelopeHeader(
            isCompressed: compressed != nil, isPadded: configuration.paddingBlockSize != nil, keyID: key.id,
            issuedAtSeconds: try currentSeconds(), lifetimeMinutes: lifetimeMinutes)
        var envelope: [UInt8] = []
        envelope.reserveCapacity(Self.envelopeOverhead(headerByteCount: EnvelopeHeader.maxByteCount) + serialized.count + 1024)
        header.encoded(into: &envelope)
        let headerByteCount = envelope.count

        // 4. Pad, when configured (into a copy of the payload).
        var padded: [UInt8]?
        defer { padded?.zeroize() }
        if let block = configuration.paddingBlockSize {
            var payload = compressed ?? serialized
            BlockPadding.pad(&payload, blockSize: block)
            padded = payload
        }

        // 5. Encrypt: header | nonce | ciphertext+tag, with AAD = header | bound context.
        let aad = envelope + boundContext
        let payloadCount = padded?.count ?? compressed?.count ?? serialized.count
        let cipherStart = headerByteCount + XChaCha20Poly1305.nonceByteCount
        envelope.append(contentsOf: repeatElement(0, count: cipherStart - headerByteCount + payloadCount + XChaCha20Poly1305.tagByteCount))
        envelope.withUnsafeMutableBytes { out in
            let nonce = UnsafeMutableRawBufferPointer(rebasing: out[headerByteCount..<cipherStart])
            fillNonce(nonce)
            let encrypt = { (plain: UnsafeRawBufferPointer) in
                aad.withUnsafeBytes { aadBytes in
                    XChaCha20Poly1305.seal(
                        plain, authenticating: aadBytes, nonce: UnsafeRawBufferPointer(nonce), key: key.encryptionKey,
                        into: UnsafeMutableRawBufferPointer(rebasing: out[cipherStart...]))
                }
            }
            // Borrow whichever payload is final, without an extra reference that would stop the
            // deferred zeroize from wiping the buffer in place.
            if padded != nil {
                padded?.withUnsafeBytes(encrypt)
            } else if compressed != nil {
                compressed?.withUnsafeBytes(encrypt)
            } else {
                serialized.withUnsafeBytes(encrypt)
            }
        }

        // 6. Text, and check it can be opened again.
        let length = Base64URL.encodedLength(of: envelope.count)
        guard length <= configuration.maxValueLength else {
            throw .sealedValueTooLarge(length: length, limit: configuration.maxValueLength)
        }
        return Base64URL.encode(envelope)
    }

    /// LEB128(serialized length) | raw deflate, or nil when compression is off, the session is
    /// under the threshold, or the result would not be smaller.
    private func compress(_ serialized: [UInt8]) -> [UInt8]? {
        guard case .whenSmaller(let minimumSize, _) = configuration.compression, serialized.count >= minimumSize,
            let deflaters
        else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(serialized.count)
        LEB128.encode(UInt64(serialized.count), into: &output)
        let limit = serialized.count - output.count
        let done = serialized.withUnsafeBytes { input in
            deflaters.withStream { $0.deflate(input, appendingTo: &output, limit: limit) }
        }
        return done == true ? output : nil
    }
}
