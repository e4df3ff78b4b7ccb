import CZstd

/// A reusable zstd decompression context for the stripped frames of wire format v2, that never
/// writes past a caller's buffer and allocates no window of its own.
final class ZstdDecompressor {
    enum Failure: Error {
        /// The frame is corrupt, needs another dictionary, yields more or fewer bytes than the
        /// buffer holds, or is followed by more bytes.
        case invalidFrame
    }

    /// The largest window a frame may declare: 2^20 bytes, or the decompression cap when it is
    /// larger. The output buffer is stable, so zstd allocates no window; this bounds what a
    /// frame may claim all the same.
    static func windowLogMax(forCap cap: Int) -> Int32 {
        var log: Int32 = 20
        while (1 << log) < cap && log < 30 { log += 1 }
        return log
    }

    private let context: OpaquePointer

    init?(windowLogMax: Int32) {
        guard let context = ZSTD_createDCtx() else { return nil }
        self.context = context
        let settings: [(ZSTD_dParameter, Int32)] = [
            (czstd_d_format, Int32(ZSTD_f_zstd1_magicless.rawValue)),
            (czstd_d_stable_out_buffer, 1),
            (ZSTD_d_windowLogMax, windowLogMax),
        ]
        for (parameter, value) in settings where ZSTD_isError(ZSTD_DCtx_setParameter(context, parameter, value)) != 0 {
            ZSTD_freeDCtx(context)
            return nil
        }
    }

    deinit { ZSTD_freeDCtx(context) }

    /// Decompresses exactly one frame, `input` whole, into exactly `output` whole.
    func decompress(
        _ input: UnsafeRawBufferPointer, dictionary: ZstdDigestedDictionary, into output: UnsafeMutableRawBufferPointer
    ) throws(Failure) {
        // A failed earlier call may have left the context mid-frame.
        ZSTD_DCtx_reset(context, ZSTD_reset_session_only)
        guard ZSTD_isError(ZSTD_DCtx_refDDict(context, dictionary.decompression)) == 0 else { throw .invalidFrame }
        var source = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
        var destination = ZSTD_outBuffer(dst: output.baseAddress, size: output.count, pos: 0)
        // With the whole frame and a stable output buffer, one call either ends the frame
        // (returns 0) or fails; a positive result means the frame needs more input or more room.
        let remaining = ZSTD_decompressStream(context, &destination, &source)
        guard ZSTD_isError(remaining) == 0, remaining == 0, source.pos == source.size, destination.pos == output.count
        else { throw .invalidFrame }
    }
}
