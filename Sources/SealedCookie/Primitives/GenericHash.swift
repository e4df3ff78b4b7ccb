import CSodium

/// Unkeyed BLAKE2b with libsodium's `crypto_generichash`.
enum GenericHash {
    /// The digest length: 32 bytes, libsodium's recommended size.
    static let byteCount = Int(crypto_generichash_BYTES)

    /// The 32-byte digest of `bytes`.
    static func digest(_ bytes: [UInt8]) -> [UInt8] {
        digest(parts: [bytes])
    }

    /// The 32-byte digest of the parts, each preceded by its length (8 bytes, little-endian),
    /// so that no two lists of parts hash the same bytes.
    static func digest(parts: [[UInt8]]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: byteCount)
        // The state is an over-aligned C struct Swift cannot import: sized and aligned by hand.
        let state = UnsafeMutableRawPointer.allocate(byteCount: crypto_generichash_statebytes(), alignment: 64)
        defer { state.deallocate() }
        let statePointer = OpaquePointer(state)
        // A 32-byte output and no key: the calls cannot fail.
        _ = crypto_generichash_init(statePointer, nil, 0, byteCount)
        for part in parts {
            withUnsafeBytes(of: UInt64(part.count).littleEndian) { length in
                _ = crypto_generichash_update(statePointer, length.baseAddress?.assumingMemoryBound(to: UInt8.self), 8)
            }
            part.withUnsafeBufferPointer {
                _ = crypto_generichash_update(statePointer, $0.baseAddress, UInt64($0.count))
            }
        }
        digest.withUnsafeMutableBufferPointer { out in
            guard let output = out.baseAddress else { return }
            _ = crypto_generichash_final(statePointer, output, out.count)
        }
        return digest
    }
}
