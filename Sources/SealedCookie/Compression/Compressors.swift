/// The compression side of a codec: pooled deflate and zstd contexts, and each dictionary of
/// the ring digested once, shared by every copy of the codec.
struct Compressors: Sendable {
    /// What new values are compressed with. Stored as plain optionals rather than an enum with
    /// class payloads: such an enum keeps its case in the pointers' spare bits, which hides them
    /// from LeakSanitizer (a false leak in the fuzz targets).
    let sealingCompression: EnvelopeHeader.Compression?
    let deflateMinimumSize: Int
    let deflaters: StreamPool<Deflater>?
    let zstdCompressors: StreamPool<ZstdCompressor>?
    let inflaters: StreamPool<Inflater>
    let zstdDecompressors: StreamPool<ZstdDecompressor>
    /// Digested dictionaries by id; empty when the codec has none.
    let dictionaries: [UInt8: ZstdDigestedDictionary]

    init(configuration: SessionCodecConfiguration) throws(SessionCodecError) {
        var dictionaries: [UInt8: ZstdDigestedDictionary] = [:]
        var deflateMinimumSize = 0
        var deflaters: StreamPool<Deflater>?
        var zstdCompressors: StreamPool<ZstdCompressor>?
        switch configuration.compression {
        case .disabled:
            sealingCompression = nil
        case .deflate(let minimumSize, let level):
            guard minimumSize >= 0, (1...9).contains(level) else {
                throw .invalidConfiguration(
                    setting: "compression", allowed: "deflate with minimumSize 0 or more and level 1 to 9")
            }
            sealingCompression = .deflate
            deflateMinimumSize = minimumSize
            // memLevel 5: a 4096-entry hash table, cleared on every reset (memLevel 8 clears 64 KiB).
            // Cookie-sized input compresses to the same bytes on the corpus; see docs/benchmarks.md.
            deflaters = StreamPool(capacity: 16) { Deflater(level: Int32(level), memoryLevel: 5) }
        case .zstd(let ring, let level):
            guard (1...19).contains(level) else {
                throw .invalidConfiguration(setting: "compression", allowed: "zstd with level 1 to 19")
            }
            for dictionary in ring.all {
                let isPrimary = dictionary.id == ring.primary.id
                guard
                    let digested = ZstdDigestedDictionary(
                        bytes: dictionary.bytes, compressionLevel: isPrimary ? Int32(level) : nil)
                else { throw .librariesUnavailable }
                dictionaries[dictionary.id] = digested
            }
            guard let primary = dictionaries[ring.primary.id] else { throw .librariesUnavailable }
            sealingCompression = .zstd(dictionaryID: ring.primary.id)
            zstdCompressors = StreamPool(capacity: 16) { ZstdCompressor(dictionary: primary) }
        }
        self.deflateMinimumSize = deflateMinimumSize
        self.deflaters = deflaters
        self.zstdCompressors = zstdCompressors
        self.dictionaries = dictionaries
        self.inflaters = StreamPool(capacity: 16) { Inflater() }
        let windowLogMax = ZstdDecompressor.windowLogMax(forCap: configuration.maxDecompressedBytes)
        self.zstdDecompressors = StreamPool(capacity: 16) { ZstdDecompressor(windowLogMax: windowLogMax) }
    }

    /// Appends LEB128(length) | compressed `body` to `output` and returns how it compressed;
    /// or leaves `output` as it was and returns `.none` when compression is off, the body is
    /// under the threshold, or the result would not be smaller.
    func compress(_ body: [UInt8], appendingTo output: inout [UInt8]) -> EnvelopeHeader.Compression {
        let start = output.count
        LEB128.encode(UInt64(body.count), into: &output)
        let limit = body.count - (output.count - start)
        var done = false
        if let deflaters, body.count >= deflateMinimumSize {
            done = body.withUnsafeBytes { input in
                deflaters.withStream { $0.deflate(input, appendingTo: &output, limit: limit) } == true
            }
        } else if let zstdCompressors {
            done = body.withUnsafeBytes { input in
                zstdCompressors.withStream { $0.compress(input, appendingTo: &output, limit: limit) } == true
            }
        }
        guard done, let sealingCompression else {
            output.removeSubrange(start...)
            return .none
        }
        return sealingCompression
    }

    /// LEB128(length) | compressed data -> exactly `length` bytes, refusing lengths over `cap`
    /// before allocating.
    func decompress(
        _ payload: UnsafeRawBufferPointer, as compression: EnvelopeHeader.Compression, cap: Int
    ) throws(SessionCodecError) -> [UInt8] {
        guard let (declared, start) = LEB128.decode(payload, at: 0, maxBytes: 4), declared > 0 else {
            throw .invalidPayload
        }
        guard declared <= UInt64(cap) else { throw .decompressionLimitExceeded(declared: Int(declared), limit: cap) }
        let input = UnsafeRawBufferPointer(rebasing: payload[start...])
        var output = [UInt8](repeating: 0, count: Int(declared))
        let outcome: Bool? = output.withUnsafeMutableBytes { out in
            switch compression {
            case .none:
                return false
            case .deflate:
                return inflaters.withStream { inflater in (try? inflater.inflate(input, into: out)) != nil }
            case .zstd(let id):
                guard let dictionary = dictionaries[id] else { return false }
                return zstdDecompressors.withStream { decompressor in
                    (try? decompressor.decompress(input, dictionary: dictionary, into: out)) != nil
                }
            }
        }
        switch outcome {
        case true?: return output
        case false?:
            output.zeroize()
            throw .invalidPayload
        case nil: throw .librariesUnavailable
        }
    }
}
