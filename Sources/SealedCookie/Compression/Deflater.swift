import CZlib

/// A reusable raw-deflate (RFC 1951) stream.
///
/// zlib keeps the input in its window and the literals in its pending buffer after a call, and
/// a pooled stream lives as long as its codec: after every call the part of each block that
/// can hold plaintext is zeroed (see ``wipePrefix(inputCount:)``), and every block is zeroed
/// when freed. What cannot be wiped between calls without breaking the stream is its state
/// structure: symbol counts of the last input and a few bits of its output.
final class Deflater {
    private let stream: UnsafeMutablePointer<z_stream>
    /// zlib's blocks for this stream, for wiping.
    let blocks: UnsafeMutablePointer<czlib_blocks>
    private let memoryLevel: Int32

    /// - Parameters:
    ///   - level: zlib compression level, 1...9.
    ///   - memoryLevel: zlib `memLevel`; its hash table (2^(memLevel+7) entries) is cleared on
    ///     every reset, so a small value keeps short inputs cheap.
    init?(level: Int32, memoryLevel: Int32) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        blocks = .allocate(capacity: 1)
        blocks.initialize(to: czlib_blocks())
        self.memoryLevel = memoryLevel
        guard czlib_deflate_init_raw(stream, level, memoryLevel, blocks) == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            blocks.deallocate()
            return nil
        }
    }

    deinit {
        deflateEnd(stream)  // Frees every block through czlib_free, which zeroes it.
        stream.deinitialize(count: 1)
        stream.deallocate()
        blocks.deallocate()
    }

    /// How much of each zlib block can hold plaintext after deflating `inputCount` bytes: the
    /// window holds the input from its start, the previous-match table two bytes per input
    /// position, and the pending buffer the output and then, from `2^(memLevel+6)` bytes on,
    /// three bytes per symbol. Zeroing this prefix of every block costs a fraction of
    /// deflating, where zeroing the whole 150 KiB of state would double it.
    func wipePrefix(inputCount: Int) -> Int {
        3 * inputCount + (1 << (Int(memoryLevel) + 6)) + 1024
    }

    /// Deflates `input` and appends the result to `output`, as long as that adds fewer than
    /// `limit` bytes; returns false (and leaves `output` as it was) when it would not.
    func deflate(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8], limit: Int) -> Bool {
        guard deflateReset(stream) == Z_OK, limit > 0 else { return false }
        defer { czlib_wipe(blocks, stream, wipePrefix(inputCount: input.count)) }
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: limit))
        var finished = false
        output.withUnsafeMutableBufferPointer { out in
            stream.pointee.next_in = UnsafeMutablePointer(
                mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
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
