import CZstd

/// A dictionary digested once for compression at one level and for decompression; read-only
/// after creation, so one instance serves every thread (zstd.h: CDict and DDict "can be
/// created once and shared by multiple threads concurrently").
final class ZstdDigestedDictionary: @unchecked Sendable {
    /// For compressing; only the dictionary that seals has one (it costs about 25 times the
    /// dictionary's size in memory).
    let compression: OpaquePointer?
    let decompression: OpaquePointer
    /// BLAKE2b-256 of the bytes, bound into the authenticated data of every value that uses them.
    let digest: [UInt8]

    /// Digests `bytes`, a zstd-format dictionary when they begin with its magic number, raw
    /// content otherwise (zstd's automatic rule), for decompression and, when
    /// `compressionLevel` is given, for compression at that level. Nil when zstd refuses them.
    init?(bytes: [UInt8], compressionLevel: Int32?) {
        guard let decompression = bytes.withUnsafeBytes({ ZSTD_createDDict($0.baseAddress, $0.count) }) else {
            return nil
        }
        var compression: OpaquePointer?
        if let compressionLevel {
            compression = bytes.withUnsafeBytes { ZSTD_createCDict($0.baseAddress, $0.count, compressionLevel) }
            if compression == nil {
                ZSTD_freeDDict(decompression)
                return nil
            }
        }
        self.compression = compression
        self.decompression = decompression
        self.digest = GenericHash.digest(bytes)
    }

    deinit {
        if let compression { ZSTD_freeCDict(compression) }
        ZSTD_freeDDict(decompression)
    }
}
