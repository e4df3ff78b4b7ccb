import CSodiumFloor

/// The floor: libsodium's XChaCha20-Poly1305 and libsodium's base64url alone (no header, no
/// compression, no serialization), the least work any encrypted cookie must do.
struct Floor: @unchecked Sendable {
    // @unchecked: the key is written once in `init` and only read afterwards.
    private var key = [UInt8](repeating: 0, count: Int(crypto_aead_xchacha20poly1305_ietf_KEYBYTES))
    private let variant = Int32(sodium_base64_VARIANT_URLSAFE_NO_PADDING)

    init() {
        precondition(sodium_init() >= 0)
        crypto_aead_xchacha20poly1305_ietf_keygen(&key)
    }

    /// nonce | ciphertext | tag, base64url.
    func seal(_ plaintext: [UInt8]) -> String {
        let nonceCount = Int(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
        var box = [UInt8](
            repeating: 0, count: nonceCount + plaintext.count + Int(crypto_aead_xchacha20poly1305_ietf_ABYTES))
        box.withUnsafeMutableBufferPointer { out in
            guard let base = out.baseAddress else { return }
            randombytes_buf(base, nonceCount)
            _ = crypto_aead_xchacha20poly1305_ietf_encrypt(
                base + nonceCount, nil, plaintext, UInt64(plaintext.count), nil, 0, nil, base, key)
        }
        let length = sodium_base64_encoded_len(box.count, variant)
        // `length` counts the terminating NUL, which the string leaves out.
        var text = [UInt8](repeating: 0, count: length)
        text.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return }
            _ = sodium_bin2base64(base, length, box, box.count, variant)
        }
        return String(decoding: text.dropLast(), as: UTF8.self)
    }

    /// The plaintext, or nil when the value does not authenticate.
    func open(_ value: String) -> [UInt8]? {
        var box = [UInt8](repeating: 0, count: value.utf8.count * 3 / 4)
        var boxCount = 0
        let decoded = value.withCString { text in
            sodium_base642bin(&box, box.count, text, value.utf8.count, nil, &boxCount, nil, variant)
        }
        let nonceCount = Int(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
        let tagCount = Int(crypto_aead_xchacha20poly1305_ietf_ABYTES)
        guard decoded == 0, boxCount >= nonceCount + tagCount else { return nil }
        var plaintext = [UInt8](repeating: 0, count: boxCount - nonceCount - tagCount)
        let status = box.withUnsafeBufferPointer { input -> Int32 in
            guard let base = input.baseAddress else { return -1 }
            return crypto_aead_xchacha20poly1305_ietf_decrypt(
                &plaintext, nil, nil, base + nonceCount, UInt64(boxCount - nonceCount), nil, 0, base, key)
        }
        return status == 0 ? plaintext : nil
    }
}
