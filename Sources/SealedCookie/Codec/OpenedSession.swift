/// A session opened by ``SessionCodec/open(_:)``, with what its envelope said.
public struct OpenedSession<Session: Sendable>: Sendable {
    /// The session.
    public let session: Session
    /// The authenticated header: key id, issue and expiry times, flags.
    public let header: EnvelopeHeader
    /// Whether the value should be sealed again on this response: an older key or an older
    /// dictionary of the rings opened it, or it is of an older wire format (v1 or v2). Re-sealing migrates users
    /// through rotations and upgrades without logging anyone out.
    public let needsResealing: Bool
    /// The digest of the plaintext bytes the session was read from, kept so that the request
    /// flow can tell a changed session without serializing the loaded one again; nil unless it
    /// was opened for the flow (`open(_:digesting:)`), and nil for an `Equatable` session type,
    /// whose changes `==` tells (see `SessionComparison`).
    package let digest: SessionDigest?
    /// Whether the codec's cache of opened values gave it (the same value opened before), for
    /// the request flow's metrics.
    package var isFromCache = false
}
