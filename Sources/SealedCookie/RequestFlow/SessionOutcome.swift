package import Foundation

/// What the response must do about the session once the handler has run.
package enum SessionOutcome<Session: Sendable> {
    /// Why a session is sealed again.
    package enum Reason: String {
        case created, changed, rotated, renewed
    }

    /// Nothing: the client's cookie (or token) is still right.
    case unchanged
    /// Seal the session for `lifetimeMinutes` and send it; `serialized`, when not nil, holds its
    /// bytes from the comparison, to seal instead of serializing it again; `startedAt` is when
    /// the session began, nil for a new one.
    case seal(Session, serialized: SerializedSession?, lifetimeMinutes: UInt32, startedAt: Date?, reason: Reason)
    /// The handler cleared the session: delete the cookie.
    case clear

    /// Compares the session after the handler with the one the request carried.
    ///
    /// - Parameters:
    ///   - current: The session in the context after the handler, and its `expiresIn`.
    ///   - loaded: The session the request carried, if one opened.
    ///   - compare: Whether a session differs from the loaded one, and its bytes if it was
    ///     serialized to tell.
    ///   - defaultLifetimeMinutes: The lifetime when the handler gave none, in whole minutes.
    ///   - isRenewalDue: Whether the loaded session is due for sliding renewal.
    package static func decide(
        current: (session: Session, expiresIn: Duration?)?,
        loaded: LoadedSession<Session>?,
        compare: (Session, LoadedSession<Session>) -> (isChanged: Bool, serialized: SerializedSession?),
        defaultLifetimeMinutes: UInt32,
        isRenewalDue: (LoadedSession<Session>) -> Bool
    ) -> Self {
        guard let current else { return loaded == nil ? .unchanged : .clear }
        let minutes = current.expiresIn.map(lifetimeMinutes) ?? defaultLifetimeMinutes
        guard let loaded else {
            return .seal(current.session, serialized: nil, lifetimeMinutes: minutes, startedAt: nil, reason: .created)
        }
        let (isChanged, serialized) = compare(current.session, loaded)
        let seal = { (reason: Reason) in
            Self.seal(
                current.session, serialized: serialized, lifetimeMinutes: minutes, startedAt: loaded.startedAt,
                reason: reason)
        }
        if isChanged || minutes != loaded.lifetimeMinutes { return seal(.changed) }
        if loaded.needsResealing { return seal(.rotated) }
        if isRenewalDue(loaded) { return seal(.renewed) }
        return .unchanged
    }

    /// The handler's `expiresIn` as an envelope carries it, converted once: whole minutes,
    /// rounded up, from one minute to ``EnvelopeHeader/maxLifetimeMinutes``.
    package static func lifetimeMinutes(of expiresIn: Duration) -> UInt32 {
        let maxMinutes = Int64(EnvelopeHeader.maxLifetimeMinutes)
        let parts = expiresIn.components
        let seconds = min(parts.seconds, maxMinutes * 60) + (parts.attoseconds > 0 ? 1 : 0)
        return UInt32(min(max((seconds + 59) / 60, 1), maxMinutes))
    }
}
