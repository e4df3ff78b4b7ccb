import CSodium

/// Unkeyed BLAKE2b with libsodium's `crypto_generichash`.
enum GenericHash {
    /// The digest length: 32 bytes, libsodium's recommended size.
    static let byteCount = Int(crypto_generichash_BYTES)

    /// The 32-byte digest of `bytes`.
    static func digest(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: byteCount)
        digest.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { input in
                // A 32-byte output and no key: the call cannot fail.
                guard let output = out.baseAddress else { return }
                _ = crypto_generichash(output, out.count, input.baseAddress, UInt64(input.count), nil, 0)
            }
        }
        return digest
    }
}
