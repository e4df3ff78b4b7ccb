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
    ///   - current: The session in the context after the handler, nil when there is none.
    ///   - expiresIn: Its `expiresIn` in the context.
    ///   - loaded: The session the request carried, if one opened.
    ///   - comparison: Tells whether `current` differs from `loaded`, and gives its bytes if it
    ///     was serialized to tell.
    ///   - defaultLifetimeMinutes: The lifetime when the handler gave none, in whole minutes.
    ///   - isRenewalDue: Whether the loaded session is due for sliding renewal; asked only of
    ///     a session that is otherwise unchanged.
    package static func decide(
        current: Session?,
        expiresIn: Duration?,
        loaded: LoadedSession<Session>?,
        comparison: SessionComparison<Session>,
        defaultLifetimeMinutes: UInt32,
        isRenewalDue: (LoadedSession<Session>) -> Bool
    ) -> Self {
        // The session and its lifetime come apart, and the comparison is passed rather than
        // its method: on the request path this runs unspecialized, where a tuple of a generic
        // type is a metadata lookup and a partially applied method a copy of its struct.
        guard let current else { return loaded == nil ? .unchanged : .clear }
        let minutes = expiresIn.map(lifetimeMinutes) ?? defaultLifetimeMinutes
        guard let loaded else {
            return .seal(current, serialized: nil, lifetimeMinutes: minutes, startedAt: nil, reason: .created)
        }
        let (isChanged, serialized) = comparison.compare(current, with: loaded)
        let reason: Reason
        if isChanged || minutes != loaded.lifetimeMinutes {
            reason = .changed
        } else if loaded.needsResealing {
            reason = .rotated
        } else if isRenewalDue(loaded) {
            reason = .renewed
        } else {
            return .unchanged
        }
        return .seal(
            current, serialized: serialized, lifetimeMinutes: minutes, startedAt: loaded.startedAt, reason: reason)
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
