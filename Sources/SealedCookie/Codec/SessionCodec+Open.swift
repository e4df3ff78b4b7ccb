extension SessionCodec {
    /// Opens a cookie value sealed by a codec with the same cookie name, purpose and a key still
    /// in the ring.
    ///
    /// Any string is safe to pass: checks run cheapest first (length, base64url, header, key id,
    /// expiry) before the authenticated decryption, and nothing is allocated beyond
    /// ``SessionCodecConfiguration/maxValueLength`` and
    /// ``SessionCodecConfiguration/maxDecompressedBytes``.
    /// - Throws: an opening error of ``SessionCodecError``; log it, never show it to the client.
    public func open(_ value: String) throws(SessionCodecError) -> Session {
        try openWithDetails(value).session
    }

    /// Opens a cookie value as ``open(_:)`` does, and also returns what its header said and
    /// whether it should be re-sealed under the primary key.
    public func openWithDetails(_ value: String) throws(SessionCodecError) -> OpenedSession<Session> {
        // 1. Length and shape, before decoding anything.
        let length = value.utf8.count
        guard length <= configuration.maxValueLength else {
            throw .valueTooLarge(length: length, limit: configuration.maxValueLength)
        }
        guard length >= Base64URL.encodedLength(of: Self.envelopeOverhead(headerByteCount: EnvelopeHeader.minByteCount)),
            var envelope = Base64URL.decode(value)
        else { throw .malformed }
        defer { envelope.zeroize() }
        var (header, serialized) = try openEnvelope(&envelope)
        defer { serialized.zeroize() }

        // 5. Deserialize.
        let session: Session
        do {
            session = try serializer.deserialize(serialized)
        } catch {
            throw .deserializationFailed(reason: Self.summary(of: error))
        }
        return OpenedSession(
            session: session, header: header, needsResealing: header.keyID != configuration.keyRing.primary.id)
    }

    /// Stages 2 to 4 of opening: checks the header, key and times, decrypts in place (the
    /// plaintext overwrites the ciphertext in `envelope`), unpads and inflates; returns the
    /// header and the serialized session.
    func openEnvelope(_ envelope: inout [UInt8]) throws(SessionCodecError) -> (EnvelopeHeader, [UInt8]) {
        // 2. Header, key and times.
        let (header, headerByteCount) = try envelope.withUnsafeBytesTyped { bytes throws(SessionCodecError) in
            try EnvelopeHeader.parse(bytes)
        }
        let cipherStart = headerByteCount + XChaCha20Poly1305.nonceByteCount
        guard envelope.count >= cipherStart + XChaCha20Poly1305.tagByteCount else { throw .malformed }
        guard let key = configuration.keyRing.key(withID: header.keyID) else { throw .unknownKeyID(header.keyID) }
        try checkTimes(of: header)

        // 3. Authenticated decryption, in place: the plaintext overwrites the ciphertext.
        let plaintextEnd = envelope.count - XChaCha20Poly1305.tagByteCount
        let authentic = envelope.withUnsafeMutableBytes { bytes in
            withAuthenticatedData(header: UnsafeRawBufferPointer(rebasing: bytes[..<headerByteCount])) { aad in
                XChaCha20Poly1305.open(
                    UnsafeRawBufferPointer(rebasing: bytes[cipherStart...]), authenticating: aad,
                    nonce: UnsafeRawBufferPointer(rebasing: bytes[headerByteCount..<cipherStart]),
                    key: key.encryptionKey, into: UnsafeMutableRawBufferPointer(rebasing: bytes[cipherStart..<plaintextEnd]))
            }
        }
        guard authentic else { throw .authenticationFailed }

        // 4. Unpad and inflate.
        var payloadEnd = plaintextEnd
        if header.isPadded {
            guard
                let unpadded = envelope.withUnsafeBytes({ bytes in
                    BlockPadding.unpaddedLength(of: UnsafeRawBufferPointer(rebasing: bytes[cipherStart..<plaintextEnd]), blockSize: 1024)
                })
            else { throw .invalidPayload }
            payloadEnd = cipherStart + unpadded
        }
        let serialized: [UInt8]
        if header.isCompressed {
            serialized = try envelope.withUnsafeBytesTyped { bytes throws(SessionCodecError) in
                try inflate(UnsafeRawBufferPointer(rebasing: bytes[cipherStart..<payloadEnd]))
            }
        } else {
            serialized = Array(envelope[cipherStart..<payloadEnd])
        }
        return (header, serialized)
    }

    /// Rejects a header issued beyond the skew in the future, or expired beyond the skew.
    private func checkTimes(of header: EnvelopeHeader) throws(SessionCodecError) {
        let now = Int64(try currentSeconds())
        if now + clockSkewSeconds < Int64(header.issuedAtSeconds) {
            throw .notYetValid(issuedAt: header.issuedAt)
        }
        if now >= header.expiresAtSeconds + clockSkewSeconds {
            throw .expired(at: header.expiresAt)
        }
    }

    /// LEB128(length) | raw deflate -> exactly `length` bytes, refusing lengths over the cap
    /// before allocating.
    private func inflate(_ payload: UnsafeRawBufferPointer) throws(SessionCodecError) -> [UInt8] {
        guard let (declared, start) = LEB128.decode(payload, at: 0, maxBytes: 4) else { throw .invalidPayload }
        guard declared <= UInt64(configuration.maxDecompressedBytes) else {
            throw .decompressionLimitExceeded(limit: configuration.maxDecompressedBytes)
        }
        var output = [UInt8](repeating: 0, count: Int(declared))
        let result: Result<Void, Inflater.Failure>? = output.withUnsafeMutableBytes { out in
            inflaters.withStream { inflater in
                Result { () throws(Inflater.Failure) in
                    try inflater.inflate(UnsafeRawBufferPointer(rebasing: payload[start...]), into: out)
                }
            }
        }
        switch result {
        case .success: return output
        case .failure(.outputTooLarge): throw .decompressionLimitExceeded(limit: configuration.maxDecompressedBytes)
        case .failure(.corrupt): throw .invalidPayload
        case nil: throw .compressionUnavailable
        }
    }

    /// What went wrong in a deserializer, without the session's contents.
    private static func summary(of error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return String(describing: type(of: error)) }
        let (kind, context): (String, DecodingError.Context?) =
            switch decoding {
            case .typeMismatch(_, let context): ("type mismatch", context)
            case .valueNotFound(_, let context): ("value missing", context)
            case .keyNotFound(let key, let context): ("key '\(key.stringValue)' missing", context)
            case .dataCorrupted(let context): ("data corrupted", context)
            @unknown default: ("decoding error", nil)
            }
        let path = context?.codingPath.map(\.stringValue).joined(separator: ".") ?? ""
        return path.isEmpty ? kind : "\(kind) at \(path)"
    }
}
