public import Foundation
import Synchronization

/// A ``SessionRevocationCheck`` that keeps a "valid after" time per subject (for example a user
/// id) in memory.
///
/// Meant for tests, demos and single-process deployments: the times live in this process only,
/// so every node of a cluster needs to share one store for a revocation to hold on all of them:
/// a ``SessionRevocationList`` over a ``SessionRevocationStore`` in the cluster's database.
///
/// ```swift
/// let revocation = InMemorySessionRevocation<UserSession> { $0.userID }
/// // On logout, or "log out everywhere":
/// revocation.revokeSessions(of: session.userID)
/// ```
public final class InMemorySessionRevocation<Session: Sendable>: SessionRevocationCheck {
    private let subject: @Sendable (Session) -> String?
    private let validAfter: Mutex<[String: Date]>
    private let clock: @Sendable () -> Date

    /// Makes an empty list.
    ///
    /// - Parameters:
    ///   - clock: The time source for ``revokeSessions(of:)``; inject a fixed clock in tests.
    ///   - subject: What a session is revoked by, typically its user id; sessions it maps to nil
    ///     are never revoked.
    public init(
        clock: @escaping @Sendable () -> Date = { Date() },
        subject: @escaping @Sendable (Session) -> String?
    ) {
        self.subject = subject
        self.validAfter = Mutex([:])
        self.clock = clock
    }

    /// Revokes every session of `subject` sealed up to now, in whole seconds: a session sealed
    /// within the same second as the revocation is revoked too.
    public func revokeSessions(of subject: String) {
        revokeSessions(of: subject, issuedUpTo: clock())
    }

    /// Revokes every session of `subject` sealed at or before `date`.
    public func revokeSessions(of subject: String, issuedUpTo date: Date) {
        validAfter.withLock { times in
            times[subject] = max(times[subject] ?? date, date)
        }
    }

    public func isRevoked(_ session: Session, issuedAt: Date) async -> Bool {
        guard let subject = subject(session) else { return false }
        guard let cutoff = validAfter.withLock({ $0[subject] }) else { return false }
        return issuedAt <= cutoff
    }
}
