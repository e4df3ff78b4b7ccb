/// Each stage of ``SessionCodec/seal(_:)`` and ``SessionCodec/open(_:)`` on its own, so the
/// benchmark suite can show what share of the time each one takes. Not part of the API: the
/// names and shapes may change with the pipeline.
@_spi(Benchmarks)
extension SessionCodec {
    /// Stage 1 of seal: the serializer.
    public func serializeStage(_ session: Session) throws(SessionCodecError) -> [UInt8] {
        try serialize(session)
    }

    /// Stage 2 of seal: LEB128 length | raw deflate, or nil when not kept.
    public func compressStage(_ serialized: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(serialized.count)
        return compress(serialized, appendingTo: &output) ? output : nil
    }

    /// Stages 2 to 5 of seal: header | nonce | ciphertext+tag from serialized bytes.
    public func envelopeStage(_ serialized: [UInt8]) throws(SessionCodecError) -> [UInt8] {
        try makeEnvelope(serialized, lifetimeMinutes: lifetimeMinutes)
    }

    /// Stage 6 of seal: base64url.
    public static func encodeStage(_ envelope: [UInt8]) -> String {
        Base64URL.encode(envelope)
    }

    /// Stage 1 of open: base64url back to the envelope.
    public static func decodeStage(_ value: String) -> [UInt8]? {
        Base64URL.decode(value)
    }

    /// Stages 2 to 4 of open: header checks, decryption and inflation, from a decoded
    /// envelope (left holding the plaintext) to the serialized session.
    public func openEnvelopeStage(_ envelope: inout [UInt8]) throws(SessionCodecError) -> [UInt8] {
        try openEnvelope(&envelope).1
    }
}
