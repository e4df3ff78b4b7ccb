public import Foundation

/// A check the application provides to refuse sessions that were revoked after they were sealed.
///
/// A sealed session lives in the client until it expires, so a copy taken before logout keeps
/// opening. ``SealedSessionMiddleware`` calls the check after every successful open; a session
/// the check reports as revoked is treated as absent (the handler sees no session), exactly like
/// an expired one.
///
/// Back it with the application's own store, keyed by something the session carries. A per-user
/// "valid after" time is enough for "log out everywhere" and password changes:
///
/// ```swift
/// struct DatabaseRevocation: SessionRevocationCheck {
///     let database: Database
///     func isRevoked(_ session: UserSession, issuedAt: Date) async throws -> Bool {
///         // SELECT sessions_valid_after FROM users WHERE id = $1
///         guard let validAfter = try await database.sessionsValidAfter(userID: session.userID) else {
///             return false
///         }
///         return issuedAt <= validAfter
///     }
/// }
/// ```
///
/// ``SessionRevocationList`` does this over a ``SessionRevocationStore`` shared by the cluster,
/// with a short cache, a timeout and a policy for when the store is down.
public protocol SessionRevocationCheck<Session>: Sendable {
    /// The application's session type.
    associatedtype Session: Sendable

    /// Whether `session`, sealed at `issuedAt`, has been revoked.
    ///
    /// - Parameters:
    ///   - session: The session that was just opened and authenticated.
    ///   - issuedAt: The earliest time the session may have been sealed: the issue time of its
    ///     authenticated envelope (whole seconds; sliding renewal, rotation and every change seal
    ///     it again) less the codec's ``SealedCookie/SessionCodecConfiguration/clockSkew``. A node
    ///     whose clock runs ahead, within the skew every node accepts, stamps later times than
    ///     it should; without the allowance its sessions sealed just before a revocation would
    ///     survive it. The price: a session sealed within the skew *after* a revocation is
    ///     refused too, so a user who logs in again right after "log out everywhere" may have to
    ///     log in once more (compare a per-user generation counter stored in the session if that
    ///     matters).
    /// - Returns: `true` to treat the request as having no session.
    /// - Throws: Any error from the store, when it cannot tell. The middlewares then treat the
    ///   request as having no session, and send no `Set-Cookie` for it (whatever the handler did),
    ///   so an outage neither deletes nor replaces the user's cookie, nor lets a revoked session
    ///   through, nor fails the request with a 500.
    func isRevoked(_ session: Session, issuedAt: Date) async throws -> Bool
}

extension SessionRevocationCheck {
    /// ``isRevoked(_:issuedAt:)`` for a value just opened, with the issue time less the codec's
    /// clock skew (see the parameter's documentation), as both middlewares call it.
    package func verdict(on opened: OpenedSession<Session>, clockSkew: Duration) async -> RevocationVerdict {
        let earliest = opened.header.issuedAt.addingTimeInterval(-Double(clockSkew.components.seconds))
        do {
            return try await isRevoked(opened.session, issuedAt: earliest) ? .revoked : .valid
        } catch {
            return .unknown(error)
        }
    }
}
