import CSodium

/// Subkeys from a master key with `crypto_kdf_derive_from_key` (BLAKE2b), context `SealedCk`.
enum KeyDerivation {
    /// The 8-byte KDF context of the wire format (SPEC.md, "Keys").
    static let context: [CChar] = Array("SealedCk".utf8CString.dropLast())

    /// Subkey ids of the wire format.
    enum Purpose: UInt64 {
        /// The XChaCha20-Poly1305 key that seals and opens session values.
        case encryption = 1
    }

    static func derive(_ purpose: Purpose, from master: SecureBuffer) -> SecureBuffer? {
        SecureBuffer(count: XChaCha20Poly1305.keyByteCount) { subkey in
            master.withUnsafeBytes { masterBytes in
                context.withUnsafeBufferPointer { ctx in
                    guard let out = subkey.baseAddress?.assumingMemoryBound(to: UInt8.self),
                        let ctxBase = ctx.baseAddress,
                        let key = masterBytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
                    else { return false }
                    return crypto_kdf_derive_from_key(out, subkey.count, purpose.rawValue, ctxBase, key) == 0
                }
            }
        }
    }
}
