import Foundation

/// The compression side of a codec: pooled deflate and zstd contexts, and each dictionary of
/// the ring digested once, shared by every copy of the codec. A class: every seal and open
/// reads it from the codec's shared state, and a struct read from there is copied, every pool
/// and dictionary retained, on each call.
final class Compressors: Sendable {
    /// Deflate's threshold and pool, when new values are deflated. The pools are stored as plain
    /// optionals and dictionaries rather than an enum with class payloads: such an enum keeps its
    /// case in the pointers' spare bits, which hides them from LeakSanitizer (a false leak in the
    /// fuzz targets).
    let deflateMinimumSize: Int
    let deflaters: StreamPool<Deflater>?
    /// The zstd ring, when new values are compressed with a dictionary: which one is chosen at
    /// each seal, by time.
    let dictionaryRing: SessionDictionaryRing?
    /// A pool of compressors for each dictionary of the ring, by how a value names it: any of
    /// them may compress, once its activation time comes (or again, should the clock be set back).
    let zstdCompressors: [EnvelopeHeader.Compression: StreamPool<ZstdCompressor>]
    let inflaters: StreamPool<Inflater>
    let zstdDecompressors: StreamPool<ZstdDecompressor>
    /// Digested dictionaries by how a value names them: the ring's, and every built-in one,
    /// which every codec opens so that an application that leaves the default (for its own
    /// dictionary, or deflate) logs nobody out.
    let dictionaries: [EnvelopeHeader.Compression: ZstdDigestedDictionary]
    /// The codec's clock, for the conveniences that compress as a seal would now.
    let clock: @Sendable () -> Date

    init(configuration: SessionCodecConfiguration) throws(SessionCodecError) {
        var dictionaries: [EnvelopeHeader.Compression: ZstdDigestedDictionary] = [:]
        var deflateMinimumSize = 0
        var deflaters: StreamPool<Deflater>?
        var zstdCompressors: [EnvelopeHeader.Compression: StreamPool<ZstdCompressor>] = [:]
        var dictionaryRing: SessionDictionaryRing?
        switch configuration.compression {
        case .disabled:
            break
        case .deflate(let minimumSize, let level):
            guard minimumSize >= 0, (1...9).contains(level) else {
                throw .invalidConfiguration(
                    setting: "compression", allowed: "deflate with minimumSize 0 or more and level 1 to 9")
            }
            deflateMinimumSize = minimumSize
            // memLevel 5: a 4096-entry hash table, cleared on every reset (memLevel 8 clears 64 KiB).
            // Cookie-sized input compresses to the same bytes on the corpus; see docs/benchmarks.md.
            deflaters = StreamPool(capacity: 16) { Deflater(level: Int32(level), memoryLevel: 5) }
        case .zstd(let ring, let level):
            guard (1...19).contains(level) else {
                throw .invalidConfiguration(setting: "compression", allowed: "zstd with level 1 to 19")
            }
            for dictionary in ring.all {
                guard let digested = ZstdDigestedDictionary(bytes: dictionary.bytes, compressionLevel: Int32(level))
                else { throw .librariesUnavailable }
                dictionaries[dictionary.headerCompression] = digested
                zstdCompressors[dictionary.headerCompression] = StreamPool(capacity: 16) {
                    ZstdCompressor(dictionary: digested)
                }
            }
            dictionaryRing = ring
        }
        for builtIn in SessionDictionary.builtIn where dictionaries[builtIn.headerCompression] == nil {
            guard let digested = ZstdDigestedDictionary(bytes: builtIn.bytes, compressionLevel: nil) else {
                throw .librariesUnavailable
            }
            dictionaries[builtIn.headerCompression] = digested
        }
        self.deflateMinimumSize = deflateMinimumSize
        self.deflaters = deflaters
        self.dictionaryRing = dictionaryRing
        self.zstdCompressors = zstdCompressors
        self.dictionaries = dictionaries
        self.clock = configuration.clock
        self.inflaters = StreamPool(capacity: 16) { Inflater() }
        let windowLogMax = ZstdDecompressor.windowLogMax(forCap: configuration.maxDecompressedBytes)
        self.zstdDecompressors = StreamPool(capacity: 16) { ZstdDecompressor(windowLogMax: windowLogMax) }
    }

    /// What a value sealed at `date` is compressed with (when compression makes it smaller):
    /// nil when compression is off, else deflate, or zstd with the dictionary active at `date`.
    /// - Throws: ``SessionCodecError/noActiveDictionary(at:firstActivation:)``.
    func sealingCompression(at date: Date) throws(SessionCodecError) -> EnvelopeHeader.Compression? {
        if deflaters != nil { return .deflate }
        guard let dictionaryRing else { return nil }
        guard let dictionary = dictionaryRing.sealingDictionary(at: date) else {
            throw .noActiveDictionary(at: date, firstActivation: dictionaryRing.firstActivation ?? date)
        }
        return dictionary.headerCompression
    }

    /// What a value sealed now is compressed with; nil when compression is off or no dictionary
    /// is active now.
    var sealingCompression: EnvelopeHeader.Compression? {
        try? sealingCompression(at: clock())
    }

    /// ``compress(_:with:appendingTo:)`` as a seal now would compress.
    func compress(_ body: [UInt8], appendingTo output: inout [UInt8]) -> EnvelopeHeader.Compression {
        compress(body, with: sealingCompression, appendingTo: &output)
    }

    /// Appends LEB128(length) | compressed `body` to `output` and returns how it compressed,
    /// as `compression` (from ``sealingCompression(at:)``) says; or leaves `output` as it was
    /// and returns `.none` when compression is off, the body is under the threshold, or the
    /// result would not be smaller.
    func compress(
        _ body: [UInt8], with compression: EnvelopeHeader.Compression?, appendingTo output: inout [UInt8]
    ) -> EnvelopeHeader.Compression {
        let start = output.count
        LEB128.encode(UInt64(body.count), into: &output)
        let limit = body.count - (output.count - start)
        var done = false
        switch compression {
        case .deflate?:
            if let deflaters, body.count >= deflateMinimumSize {
                done = body.withUnsafeBytes { input in
                    deflaters.withStream { $0.deflate(input, appendingTo: &output, limit: limit) } == true
                }
            }
        case .zstd?, .zstdBuiltIn?:
            if let compression, let compressors = zstdCompressors[compression] {
                done = body.withUnsafeBytes { input in
                    compressors.withStream { $0.compress(input, appendingTo: &output, limit: limit) } == true
                }
            }
        case .none?, nil:
            break
        }
        guard done, let compression else {
            output.removeSubrange(start...)
            return .none
        }
        return compression
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
            case .zstd, .zstdBuiltIn:
                guard let dictionary = dictionaries[compression] else { return false }
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
