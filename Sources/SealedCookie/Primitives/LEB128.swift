/// Unsigned LEB128 integers: seven bits a byte, least significant group first, high bit set on
/// every byte but the last. Decoding accepts only the shortest (canonical) form.
enum LEB128 {
    static func encode(_ value: UInt64, into bytes: inout [UInt8]) {
        var remaining = value
        while remaining >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: remaining) | 0x80)
            remaining >>= 7
        }
        bytes.append(UInt8(remaining))
    }

    static func encodedCount(of value: UInt64) -> Int {
        var count = 1
        var remaining = value >> 7
        while remaining > 0 {
            count += 1
            remaining >>= 7
        }
        return count
    }

    /// Reads a canonical value of at most `maxBytes` bytes from `bytes[offset...]`; returns the
    /// value and the offset after it, or nil when truncated, too long or not canonical.
    static func decode(
        _ bytes: UnsafeRawBufferPointer, at offset: Int, maxBytes: Int
    ) -> (value: UInt64, next: Int)? {
        var value: UInt64 = 0
        var index = offset
        var shift: UInt64 = 0
        while index < bytes.count, index - offset < maxBytes {
            let byte = bytes[index]
            value |= UInt64(byte & 0x7F) << shift
            index += 1
            if byte & 0x80 == 0 {
                // A final zero byte after the first one means a longer form than needed.
                if byte == 0 && index - offset > 1 { return nil }
                return (value, index)
            }
            shift += 7
        }
        return nil
    }
}
