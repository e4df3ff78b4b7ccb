import CSodium

/// ISO/IEC 7816-4 padding through libsodium's `sodium_pad`/`sodium_unpad`: a 0x80 byte, then
/// zeros up to the padded length (always at least one byte is added).
enum BlockPadding {
    /// The length `unpadded` bytes pad to: the next multiple of a block, or the next size class.
    static func paddedLength(of unpadded: Int, for padding: SessionCodecConfiguration.Padding) -> Int {
        switch padding {
        case .none:
            return unpadded
        case .block(let size):
            return (unpadded / size + 1) * size
        case .sizeClasses:
            // 32, 48, 64, 96, 128, 192, …: each class a power of two or one and a half times one.
            var power = 32
            while true {
                if unpadded < power { return power }
                if unpadded < power + power / 2 { return power + power / 2 }
                power *= 2
            }
        }
    }

    /// Pads `bytes[start...]` in place to `paddedLength(of:for:)`.
    static func pad(_ bytes: inout [UInt8], from start: Int, padding: SessionCodecConfiguration.Padding) {
        let unpadded = bytes.count - start
        let total = paddedLength(of: unpadded, for: padding)
        guard total > unpadded else { return }
        bytes.append(contentsOf: repeatElement(0, count: total - unpadded))
        var paddedLength = 0
        bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            // One block of the whole padded length: the marker lands right after the data.
            _ = sodium_pad(&paddedLength, base + start, unpadded, total, total)
        }
    }

    /// The length of `bytes` without its padding, or nil when the padding is not well formed
    /// within the last `window` bytes (the whole of them when `window` is nil).
    static func unpaddedLength(of bytes: UnsafeRawBufferPointer, window: Int?) -> Int? {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), !bytes.isEmpty else { return nil }
        var unpadded = 0
        let status = sodium_unpad(&unpadded, base, bytes.count, min(window ?? bytes.count, bytes.count))
        return status == 0 ? unpadded : nil
    }
}
