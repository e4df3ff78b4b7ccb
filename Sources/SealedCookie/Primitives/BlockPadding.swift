import CSodium

/// ISO/IEC 7816-4 padding through libsodium's `sodium_pad`/`sodium_unpad`: a 0x80 byte, then
/// zeros up to the next multiple of the block size (always at least one byte is added).
enum BlockPadding {
    /// Pads `bytes[start...]` in place to a multiple of `blockSize`.
    static func pad(_ bytes: inout [UInt8], from start: Int = 0, blockSize: Int) {
        let unpadded = bytes.count - start
        let total = (unpadded / blockSize + 1) * blockSize
        bytes.append(contentsOf: repeatElement(0, count: total - unpadded))
        var paddedLength = 0
        bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            _ = sodium_pad(&paddedLength, base + start, unpadded, blockSize, total)
        }
    }

    /// The length of `bytes` without its padding, or nil when the padding is not well formed
    /// within the last `blockSize` bytes.
    static func unpaddedLength(of bytes: UnsafeRawBufferPointer, blockSize: Int) -> Int? {
        guard blockSize > 0, let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        var unpadded = 0
        let status = sodium_unpad(&unpadded, base, bytes.count, min(blockSize, bytes.count))
        return status == 0 ? unpadded : nil
    }
}
