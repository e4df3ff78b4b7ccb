public import Foundation

/// A check the application provides to refuse sessions that were revoked after they started.
///
/// A sealed session lives in the client until it expires, so a copy taken before logout keeps
/// opening. The `SealedSessionMiddleware` of either framework calls the check after every successful open; a session
/// the check reports as revoked is treated as absent (the handler sees no session), exactly like
/// an expired one.
///
/// The check is given the session's *start* (the login), which every sealed value carries and
/// which sliding renewal, rotation and changes keep: so "revoked up to T" covers every session
/// that started (logged in) at or before T, and no renewal escapes it, even one made by a node
/// that could not tell the session was revoked (a failed lookup, or a stale answer).
///
/// Back it with the application's own store, keyed by something the session carries. A per-user
/// "valid after" time is enough for "log out everywhere" and password changes:
///
/// ```swift
/// struct DatabaseRevocation: SessionRevocationCheck {
///     let database: Database
///     func isRevoked(_ session: UserSession, startedAt: Date) async throws -> Bool {
///         // SELECT sessions_valid_after FROM users WHERE id = $1
///         guard let validAfter = try await database.sessionsValidAfter(userID: session.userID) else {
///             return false
///         }
///         return startedAt <= validAfter
///     }
/// }
/// ```
///
/// ``SessionRevocationList`` does this over a ``SessionRevocationStore`` shared by the cluster,
/// with a short cache, a timeout and a policy for when the store is down.
public protocol SessionRevocationCheck<Session>: Sendable {
    /// The application's session type.
    associatedtype Session: Sendable

    /// Whether `session`, which started at `startedAt`, has been revoked.
    ///
    /// - Parameters:
    ///   - session: The session that was just opened and authenticated.
    ///   - startedAt: The earliest time the session may have started: the start its
    ///     authenticated envelope carries (``EnvelopeHeader/sessionStartedAt``: the login, whole
    ///     seconds, kept across sliding renewal, rotation and every change, so renewing never
    ///     moves it past a revocation) less the codec's
    ///     ``SealedCookie/SessionCodecConfiguration/clockSkew``. A node whose clock runs ahead,
    ///     within the skew every node accepts, stamps later times than it should; without the
    ///     allowance its sessions started just before a revocation would survive it. The price:
    ///     a session started within the skew *after* a revocation is refused too, so a user who
    ///     logs in again right after "log out everywhere" may have to log in once more after
    ///     the skew has passed (compare a per-user generation counter stored in the session if
    ///     that matters).
    /// - Returns: `true` to treat the request as having no session.
    /// - Throws: Any error from the store, when it cannot tell. The middlewares then treat the
    ///   request as having no session, and send no `Set-Cookie` for it (whatever the handler did),
    ///   so an outage neither deletes nor replaces the user's cookie, nor lets a revoked session
    ///   through, nor fails the request with a 500.
    func isRevoked(_ session: Session, startedAt: Date) async throws -> Bool
}

extension SessionRevocationCheck {
    /// ``isRevoked(_:startedAt:)`` for a value just opened, with the session's start less the
    /// codec's clock skew (see the parameter's documentation), as both middlewares call it.
    package func verdict(on opened: OpenedSession<Session>, clockSkew: Duration) async -> RevocationVerdict {
        let earliest = opened.header.sessionStartedAt.addingTimeInterval(-Double(clockSkew.components.seconds))
        do {
            return try await isRevoked(opened.session, startedAt: earliest) ? .revoked : .valid
        } catch {
            return .unknown(error)
        }
    }
}
