import CSodium

extension [UInt8] {
    /// Overwrites the bytes with zeros (`sodium_memzero`, which the compiler cannot elide).
    package mutating func zeroize() {
        withUnsafeMutableBytes { buffer in
            if let base = buffer.baseAddress { sodium_memzero(base, buffer.count) }
        }
    }

    /// `withUnsafeBytes` for a body with a typed error (the standard one only rethrows `any Error`).
    func withUnsafeBytesTyped<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try withUnsafeBytes { raw in Result { () throws(E) in try body(raw) } }.get()
    }
}
