/// What a ``SessionCodec`` was made with and derived from its configuration, checked once by
/// its initializer, shared by every copy of the codec.
final class SessionCodecState: Sendable {
    let configuration: SessionCodecConfiguration
    /// The authenticated data after the header: LEB128(name length) | name | purpose.
    let boundContext: [UInt8]
    let lifetimeMinutes: UInt32
    let clockSkewSeconds: Int64
    let maxSessionAgeSeconds: Int64?
    let compressors: Compressors
    /// Where nonces come from: libsodium's CSPRNG, or a fixed sequence for known-answer tests.
    let fillNonce: @Sendable (UnsafeMutableRawBufferPointer) -> Void

    init(
        configuration: SessionCodecConfiguration, boundContext: [UInt8], lifetimeMinutes: UInt32,
        clockSkewSeconds: Int64, maxSessionAgeSeconds: Int64?, compressors: Compressors,
        fillNonce: @escaping @Sendable (UnsafeMutableRawBufferPointer) -> Void
    ) {
        self.configuration = configuration
        self.boundContext = boundContext
        self.lifetimeMinutes = lifetimeMinutes
        self.clockSkewSeconds = clockSkewSeconds
        self.maxSessionAgeSeconds = maxSessionAgeSeconds
        self.compressors = compressors
        self.fillNonce = fillNonce
    }

    /// This state with nonces from `fillNonce`: a new object, so that codecs copied before keep
    /// theirs (the codec stays a value).
    func replacing(fillNonce: @escaping @Sendable (UnsafeMutableRawBufferPointer) -> Void) -> SessionCodecState {
        SessionCodecState(
            configuration: configuration, boundContext: boundContext, lifetimeMinutes: lifetimeMinutes,
            clockSkewSeconds: clockSkewSeconds, maxSessionAgeSeconds: maxSessionAgeSeconds, compressors: compressors,
            fillNonce: fillNonce)
    }
}
