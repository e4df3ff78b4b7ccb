/// Each stage of ``SessionCodec/seal(_:)`` and ``SessionCodec/open(_:)`` on its own, so the
/// benchmark suite can show what share of the time each one takes. Not part of the API: the
/// names and shapes may change with the pipeline.
@_spi(Benchmarks)
extension SessionCodec {
    /// Stage 1 of seal: the serializer (body and secret section).
    public func serializeStage(_ session: Session) throws(SessionCodecError) -> (body: [UInt8], secrets: [UInt8]) {
        let serialized = try serialize(session)
        return (serialized.body, serialized.secrets)
    }

    /// Stage 2 of seal: LEB128 length | deflate or zstd frame, or nil when not kept.
    public func compressStage(_ body: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        return state.compressors.compress(body, appendingTo: &output) == .none ? nil : output
    }

    /// The inverse of stage 2, as stage 5 of open runs it: the body from what
    /// ``compressStage(_:)`` made, compressed the way this codec seals.
    public func decompressStage(_ compressed: [UInt8]) throws(SessionCodecError) -> [UInt8] {
        try compressed.withUnsafeBytesTyped { bytes throws(SessionCodecError) in
            try state.compressors.decompress(
                bytes, as: state.compressors.sealingCompression ?? .none, cap: state.configuration.maxDecompressedBytes)
        }
    }

    /// Stages 2 to 5 of seal: header | nonce | ciphertext+tag from serialized bytes.
    public func envelopeStage(_ serialized: (body: [UInt8], secrets: [UInt8])) throws(SessionCodecError) -> [UInt8] {
        try makeEnvelope(
            SessionBytes(body: serialized.body, secrets: serialized.secrets), lifetimeMinutes: lifetimeMinutes)
    }

    /// Stage 6 of seal: base64url.
    public static func encodeStage(_ envelope: [UInt8]) -> String {
        Base64URL.encode(envelope)
    }

    /// Stage 1 of open: base64url back to the envelope.
    public static func decodeStage(_ value: String) -> [UInt8]? {
        Base64URL.decode(value)
    }

    /// Stages 2 to 5 of open: header checks, decryption and decompression, from a decoded
    /// envelope (left holding the plaintext) to the serialized session.
    public func openEnvelopeStage(_ envelope: inout [UInt8]) throws(SessionCodecError) -> (
        body: [UInt8], secrets: [UInt8]
    ) {
        let serialized = try openEnvelope(&envelope, at: state.configuration.clock()).1
        return (serialized.body, serialized.secrets)
    }
}
