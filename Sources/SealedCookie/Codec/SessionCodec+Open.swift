import Foundation

extension SessionCodec {
    /// Opens a cookie value sealed by a codec with the same cookie name, purpose and a key still
    /// in the ring.
    ///
    /// Any string is safe to pass: checks run cheapest first (length, base64url, header, key id,
    /// dictionary id, expiry, session age) before the authenticated decryption, and nothing is
    /// allocated beyond ``SessionCodecConfiguration/maxValueLength`` and
    /// ``SessionCodecConfiguration/maxDecompressedBytes``.
    ///
    /// ```swift
    /// let opened = try codec.open(cookieValue)
    /// let session = opened.session
    /// if opened.needsResealing { /* seal it again: older key, older dictionary or format */ }
    /// ```
    ///
    /// - Returns: The session with what its authenticated header says (issue time, expiry, the
    ///   session's start) and whether it should be sealed again.
    /// - Throws: an opening error of ``SessionCodecError``; log it, never show it to the client.
    public func open(_ value: String) throws(SessionCodecError) -> OpenedSession<Session> {
        try open(value, digesting: false)
    }

    /// ``open(_:)`` for the request flow, which tells later whether the handler changed the
    /// session: with `digesting`, the opened session carries the digest of the plaintext it was
    /// read from (``OpenedSession/digest``), taken while the bytes are at hand so that nothing
    /// is serialized again to compare. An `Equatable` session type gets none, since `==` tells.
    /// Without it, opening hashes nothing: an application that only opens pays for no digest.
    package func open(_ value: String, digesting: Bool) throws(SessionCodecError) -> OpenedSession<Session> {
        // 1. Length and shape, before decoding anything.
        let length = value.utf8.count
        guard length <= state.configuration.maxValueLength else {
            throw .valueTooLarge(length: length, limit: state.configuration.maxValueLength)
        }
        guard
            length >= Base64URL.encodedLength(of: Self.envelopeOverhead(headerByteCount: EnvelopeHeader.minByteCount))
        else { throw .malformed }
        // One reading of the clock decides both the times' check and whether to re-seal, so that
        // a key activating between two readings cannot make them disagree.
        let now = state.configuration.clock()
        // A value opened before: only what depends on the time is decided again. An entry made
        // without the digest serves only opens that need none.
        if let cached = openedValues?.entry(for: value), cached.isDigested || !digesting {
            try checkTimes(of: cached.header, at: now)
            return OpenedSession(
                session: cached.session, header: cached.header, needsResealing: needsResealing(cached.header, at: now),
                digest: digesting ? cached.digest : nil, isFromCache: true)
        }
        guard var envelope = Base64URL.decode(value) else { throw .malformed }
        defer { envelope.zeroize() }
        var (header, serialized) = try openEnvelope(&envelope, at: now)
        defer { serialized.zeroize() }

        // 6. Deserialize.
        let session: Session
        do {
            session = try serializer.deserialize(body: serialized.body, secrets: serialized.secrets)
        } catch {
            throw .deserializationFailed(reason: Self.summary(of: error))
        }
        let digest = digesting && !(Session.self is any Equatable.Type) ? SessionDigest(of: serialized) : nil
        openedValues?.insert(
            OpenedValueCache.Entry(
                value: Array(value.utf8), session: session, header: header, digest: digest,
                isDigested: digesting || Session.self is any Equatable.Type))
        return OpenedSession(
            session: session, header: header, needsResealing: needsResealing(header, at: now), digest: digest)
    }

    /// Whether a value with this header should be sealed again: it is of an older wire format, or its
    /// key or its dictionary ranks below the one sealing now (see
    /// `sealedUnderOlderKeyOrDictionary(_:at:)`).
    private func needsResealing(_ header: EnvelopeHeader, at now: Date) -> Bool {
        header.version != EnvelopeHeader.currentVersion || sealedUnderOlderKeyOrDictionary(header, at: now)
    }

    /// Stages 2 to 5 of opening: checks the header, key, dictionary and times, decrypts in
    /// place (the plaintext overwrites the ciphertext in `envelope`), unpads, splits off the
    /// secret section and decompresses; returns the header and the serialized session. `now` is
    /// the clock's reading the times are checked against.
    func openEnvelope(_ envelope: inout [UInt8], at now: Date) throws(SessionCodecError) -> (
        EnvelopeHeader, SessionBytes
    ) {
        // 2. Header, key, dictionary and times.
        let (header, headerByteCount) = try envelope.withUnsafeBytesTyped { bytes throws(SessionCodecError) in
            try EnvelopeHeader.parse(bytes)
        }
        let cipherStart = headerByteCount + XChaCha20Poly1305.nonceByteCount
        guard envelope.count >= cipherStart + XChaCha20Poly1305.tagByteCount else { throw .malformed }
        guard let key = state.configuration.keyRing.key(withID: header.keyID) else { throw .unknownKeyID(header.keyID) }
        if let id = header.compression.dictionaryID, state.compressors.dictionaries[header.compression] == nil {
            throw .unknownDictionaryID(id)
        }
        try checkTimes(of: header, at: now)

        // 3. Authenticated decryption, in place: the plaintext overwrites the ciphertext.
        let plaintextEnd = envelope.count - XChaCha20Poly1305.tagByteCount
        let authentic = envelope.withUnsafeMutableBytes { bytes in
            withAuthenticatedData(
                header: UnsafeRawBufferPointer(rebasing: bytes[..<headerByteCount]), compression: header.compression
            ) { aad in
                XChaCha20Poly1305.open(
                    UnsafeRawBufferPointer(rebasing: bytes[cipherStart...]), authenticating: aad,
                    nonce: UnsafeRawBufferPointer(rebasing: bytes[headerByteCount..<cipherStart]),
                    key: key.encryptionKey,
                    into: UnsafeMutableRawBufferPointer(rebasing: bytes[cipherStart..<plaintextEnd]))
            }
        }
        guard authentic else { throw .authenticationFailed }

        // 4-5. Unpad, split off the secret section, decompress.
        let serialized = try envelope.withUnsafeBytesTyped { bytes throws(SessionCodecError) in
            try payload(UnsafeRawBufferPointer(rebasing: bytes[cipherStart..<plaintextEnd]), header: header)
        }
        return (header, serialized)
    }

    /// The serialized session in an authenticated plaintext:
    /// `[LEB128(n) secrets(n)] body [padding]`.
    private func payload(_ plaintext: UnsafeRawBufferPointer, header: EnvelopeHeader) throws(SessionCodecError)
        -> SessionBytes
    {
        var end = plaintext.count
        if header.isPadded {
            // Version 1 padded in blocks of at most 1024 bytes; version 2 may pad to a size class.
            guard let unpadded = BlockPadding.unpaddedLength(of: plaintext, window: header.version == 1 ? 1024 : nil)
            else { throw .invalidPayload }
            end = unpadded
        }
        var start = 0
        var secrets: [UInt8] = []
        if header.hasSecretSection {
            // Read within the unpadded bytes only, so `next` can never pass `end`.
            guard
                let (length, next) = LEB128.decode(
                    UnsafeRawBufferPointer(rebasing: plaintext[..<end]), at: 0, maxBytes: 4),
                length > 0, length <= UInt64(end - next)
            else { throw .invalidPayload }
            start = next + Int(length)
            secrets = Array(plaintext[next..<start])
        }
        let body = UnsafeRawBufferPointer(rebasing: plaintext[start..<end])
        do throws(SessionCodecError) {
            switch header.compression {
            case .none:
                return SessionBytes(body: Array(body), secrets: secrets)
            case .deflate, .zstd, .zstdBuiltIn:
                let cap = state.configuration.maxDecompressedBytes
                return SessionBytes(
                    body: try state.compressors.decompress(body, as: header.compression, cap: cap), secrets: secrets)
            }
        } catch {
            secrets.zeroize()
            throw error
        }
    }

    /// Rejects a header issued beyond the skew in the future, expired beyond the skew, or whose
    /// session began longer ago than the maximum age (and the skew), at `date`.
    private func checkTimes(of header: EnvelopeHeader, at date: Date) throws(SessionCodecError) {
        let now = Int64(try Self.envelopeSeconds(of: date))
        if now + clockSkewSeconds < Int64(header.issuedAtSeconds) {
            throw .notYetValid(issuedAt: header.issuedAt)
        }
        if now >= header.expiresAtSeconds + clockSkewSeconds {
            throw .expired(at: header.expiresAt)
        }
        if let maxSessionAgeSeconds, now >= header.sessionStartedAtSeconds + maxSessionAgeSeconds + clockSkewSeconds {
            throw .sessionTooOld(startedAt: header.sessionStartedAt)
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
