import CZlib

/// A reusable raw-deflate (RFC 1951) stream.
final class Deflater {
    private let stream: UnsafeMutablePointer<z_stream>

    /// - Parameters:
    ///   - level: zlib compression level, 1...9.
    ///   - memoryLevel: zlib `memLevel`; its hash table (2^(memLevel+7) entries) is cleared on
    ///     every reset, so a small value keeps short inputs cheap.
    init?(level: Int32, memoryLevel: Int32) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard czlib_deflate_init_raw(stream, level, memoryLevel) == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            return nil
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Deflates `input` and appends the result to `output`, as long as that adds fewer than
    /// `limit` bytes; returns false (and leaves `output` as it was) when it would not.
    func deflate(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8], limit: Int) -> Bool {
        guard deflateReset(stream) == Z_OK, limit > 0 else { return false }
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: limit))
        var finished = false
        output.withUnsafeMutableBufferPointer { out in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(input.count)
            stream.pointee.next_out = out.baseAddress.map { $0 + start }
            stream.pointee.avail_out = uInt(limit)
            finished = CZlib.deflate(stream, Z_FINISH) == Z_STREAM_END
        }
        let produced = limit - Int(stream.pointee.avail_out)
        stream.pointee.next_in = nil
        stream.pointee.next_out = nil
        guard finished, produced < limit else {
            output.removeSubrange(start...)
            return false
        }
        output.removeSubrange((start + produced)...)
        return true
    }
}
