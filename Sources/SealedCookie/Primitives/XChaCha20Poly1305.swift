import CSodium

/// Thin wrapper over libsodium's `crypto_aead_xchacha20poly1305_ietf` (detached nonce,
/// combined ciphertext and tag).
enum XChaCha20Poly1305 {
    static let keyByteCount = Int(crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
    static let nonceByteCount = Int(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
    static let tagByteCount = Int(crypto_aead_xchacha20poly1305_ietf_ABYTES)

    /// Encrypts `plaintext` into `output` (exactly `plaintext.count + tagByteCount` bytes).
    static func seal(
        _ plaintext: UnsafeRawBufferPointer,
        authenticating aad: UnsafeRawBufferPointer,
        nonce: UnsafeRawBufferPointer,
        key: SecureBuffer,
        into output: UnsafeMutableRawBufferPointer
    ) {
        precondition(output.count == plaintext.count + tagByteCount && nonce.count == nonceByteCount)
        guard let out = output.baseAddress?.assumingMemoryBound(to: UInt8.self),
            let npub = nonce.baseAddress?.assumingMemoryBound(to: UInt8.self)
        else { return }
        key.withUnsafeBytes { keyBytes in
            guard let k = keyBytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
            _ = crypto_aead_xchacha20poly1305_ietf_encrypt(
                out, nil,
                plaintext.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(plaintext.count),
                aad.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(aad.count),
                nil, npub, k)
        }
    }

    /// Verifies and decrypts `ciphertext` (ciphertext followed by tag) into `output`
    /// (`ciphertext.count - tagByteCount` bytes). Returns false when the tag does not verify.
    static func open(
        _ ciphertext: UnsafeRawBufferPointer,
        authenticating aad: UnsafeRawBufferPointer,
        nonce: UnsafeRawBufferPointer,
        key: SecureBuffer,
        into output: UnsafeMutableRawBufferPointer
    ) -> Bool {
        guard ciphertext.count >= tagByteCount, output.count == ciphertext.count - tagByteCount,
            nonce.count == nonceByteCount,
            let c = ciphertext.baseAddress?.assumingMemoryBound(to: UInt8.self),
            let npub = nonce.baseAddress?.assumingMemoryBound(to: UInt8.self)
        else { return false }
        return key.withUnsafeBytes { keyBytes in
            guard let k = keyBytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return false }
            return crypto_aead_xchacha20poly1305_ietf_decrypt(
                output.baseAddress?.assumingMemoryBound(to: UInt8.self), nil, nil,
                c, UInt64(ciphertext.count),
                aad.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(aad.count),
                npub, k) == 0
        }
    }
}
