/// A session opened by ``SessionCodec/openWithDetails(_:)``, with what its envelope said.
public struct OpenedSession<Session: Sendable>: Sendable {
    /// The session.
    public var session: Session
    /// The authenticated header: key id, issue and expiry times, flags.
    public var header: EnvelopeHeader
    /// Whether an older key of the ring opened the value. Re-seal the session (with the primary
    /// key) on this response so that key rotation migrates users without logging anyone out.
    public var needsResealing: Bool
}
