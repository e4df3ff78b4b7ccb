import CZstd

/// A reusable zstd compression context bound to one digested dictionary, writing the stripped
/// frames of wire format v2: no magic number, no checksum, no dictionary id, no content size.
///
/// Its workspace keeps the last input's literals until the next call or until it is freed:
/// libzstd offers no call to clear them, and zeroing the whole workspace (about 270 KiB) would
/// cost more than compressing (the Security notes article, "Plaintext in memory").
final class ZstdCompressor {
    private let context: OpaquePointer

    /// Makes a context that compresses with `dictionary`, at the level it was digested for.
    init?(dictionary: ZstdDigestedDictionary) {
        guard let digested = dictionary.compression, let context = ZSTD_createCCtx() else { return nil }
        self.context = context
        let settings: [(ZSTD_cParameter, Int32)] = [
            (czstd_c_format, Int32(ZSTD_f_zstd1_magicless.rawValue)),
            (ZSTD_c_checksumFlag, 0),
            (ZSTD_c_dictIDFlag, 0),
            (ZSTD_c_contentSizeFlag, 0),
        ]
        for (parameter, value) in settings where ZSTD_isError(ZSTD_CCtx_setParameter(context, parameter, value)) != 0 {
            ZSTD_freeCCtx(context)
            return nil
        }
        // Sticky: every later frame of this context uses the dictionary.
        guard ZSTD_isError(ZSTD_CCtx_refCDict(context, digested)) == 0 else {
            ZSTD_freeCCtx(context)
            return nil
        }
    }

    deinit { ZSTD_freeCCtx(context) }

    /// Compresses `input` and appends the frame to `output`, as long as that adds fewer than
    /// `limit` bytes; returns false (and leaves `output` as it was) when it would not.
    func compress(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8], limit: Int) -> Bool {
        guard limit > 0 else { return false }
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: limit))
        let produced = output.withUnsafeMutableBytes { out in
            ZSTD_compress2(context, out.baseAddress.map { $0 + start }, limit, input.baseAddress, input.count)
        }
        // An error here is "destination too small" (not smaller than the limit) or an
        // allocation failure; both mean "store instead".
        guard ZSTD_isError(produced) == 0, produced < limit else {
            ZSTD_CCtx_reset(context, ZSTD_reset_session_only)
            output.removeSubrange(start...)
            return false
        }
        output.removeSubrange((start + produced)...)
        return true
    }
}
