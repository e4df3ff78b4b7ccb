import CSodium

/// Random bytes from libsodium's CSPRNG (`randombytes_buf`).
enum SecureRandom {
    static func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        randombytes_buf(base, buffer.count)
    }
}
