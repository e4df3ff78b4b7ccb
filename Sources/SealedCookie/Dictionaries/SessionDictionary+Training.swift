import CZstd

extension SessionDictionary {
    /// The fewest samples training accepts; zstd advises a few thousand.
    public static let minimumSampleCount = 8

    /// Trains a dictionary of at most `size` bytes on sample sessions (their serialized bytes)
    /// with zstd's fastCover, and stores `id` in it. Deterministic: the same samples in the same
    /// order give the same bytes. About a second for a thousand samples.
    ///
    /// Train on sessions that look like the application's real ones, with made-up values;
    /// about a hundred times `size` in samples in all gives the best dictionaries.
    /// - Throws: ``SessionDictionaryError/tooFewSamples(count:minimum:)``,
    ///   ``SessionDictionaryError/invalidSize(byteCount:limit:)`` or
    ///   ``SessionDictionaryError/trainingFailed(reason:)``.
    public static func train(samples: [[UInt8]], size: Int = 8192, id: UInt8) throws(SessionDictionaryError)
        -> SessionDictionary
    {
        guard samples.count >= minimumSampleCount else {
            throw .tooFewSamples(count: samples.count, minimum: minimumSampleCount)
        }
        guard (256...maxByteCount).contains(size) else { throw .invalidSize(byteCount: size, limit: maxByteCount) }
        let sizes = samples.map(\.count)
        let joined = samples.flatMap { $0 }
        var parameters = ZDICT_fastCover_params_t()
        parameters.d = 8
        parameters.steps = 4
        parameters.zParams.compressionLevel = 3
        parameters.zParams.dictID = zstdIDBase + UInt32(id)
        var dictionary = [UInt8](repeating: 0, count: size)
        let written = dictionary.withUnsafeMutableBytes { out in
            joined.withUnsafeBytes { input in
                sizes.withUnsafeBufferPointer { sizes in
                    ZDICT_optimizeTrainFromBuffer_fastCover(
                        out.baseAddress, out.count, input.baseAddress, sizes.baseAddress, UInt32(sizes.count),
                        &parameters)
                }
            }
        }
        guard ZDICT_isError(written) == 0 else {
            throw .trainingFailed(reason: String(cString: ZDICT_getErrorName(written)))
        }
        return try SessionDictionary(id: id, bytes: Array(dictionary.prefix(written)))
    }
}
