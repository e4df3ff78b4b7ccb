import CZlib

/// A reusable raw-inflate (RFC 1951) stream that never writes past a caller's buffer.
///
/// A call that completes with `Z_FINISH` keeps no output in zlib's state (zlib documents that it
/// then uses no sliding window); one that fails may have copied output into the window, so every
/// block but the stream's state structure (Huffman tables and a few input bits) is zeroed after
/// a failure, and every block when freed.
final class Inflater {
    enum Failure: Error {
        /// The data inflates to more bytes than the buffer holds.
        case outputTooLarge
        /// The data is not a complete, valid deflate stream, or has bytes after its end.
        case corrupt
    }

    private let stream: UnsafeMutablePointer<z_stream>
    /// zlib's blocks for this stream, for wiping.
    let blocks: UnsafeMutablePointer<czlib_blocks>

    init?() {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        blocks = .allocate(capacity: 1)
        blocks.initialize(to: czlib_blocks())
        guard czlib_inflate_init_raw(stream, blocks) == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            blocks.deallocate()
            return nil
        }
    }

    deinit {
        inflateEnd(stream)  // Frees every block through czlib_free, which zeroes it.
        stream.deinitialize(count: 1)
        stream.deallocate()
        blocks.deallocate()
    }

    /// Inflates `input` into exactly `output`: succeeds only when the stream ends having written
    /// every byte of `output` and consumed every byte of `input`.
    func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws(Failure) {
        do {
            try inflateWhole(input, into: output)
        } catch {
            czlib_wipe(blocks, stream, .max)  // Rare (a payload that lies about its length): wipe it all.
            throw error
        }
    }

    private func inflateWhole(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer)
        throws(Failure)
    {
        guard inflateReset(stream) == Z_OK else { throw .corrupt }
        defer {
            stream.pointee.next_in = nil
            stream.pointee.next_out = nil
        }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(output.count)
        var status = CZlib.inflate(stream, Z_FINISH)
        if status != Z_STREAM_END && stream.pointee.avail_out == 0 {
            // The buffer is full but the stream goes on: one spare byte tells "exactly full"
            // (the stream ends) apart from "would write more".
            var spare: UInt8 = 0
            status = withUnsafeMutablePointer(to: &spare) { sparePointer in
                stream.pointee.next_out = sparePointer
                stream.pointee.avail_out = 1
                return CZlib.inflate(stream, Z_FINISH)
            }
            if stream.pointee.avail_out == 0 { throw .outputTooLarge }
        } else if stream.pointee.avail_out != 0 {
            // Ended short of the expected length.
            throw .corrupt
        }
        guard status == Z_STREAM_END, stream.pointee.avail_in == 0 else { throw .corrupt }
    }
}
