public import Foundation

/// Where a cluster keeps its revocations: one "revoked up to" time per subject (typically a user
/// id), shared by every node.
///
/// ``SessionRevocationList`` reads and writes it, with a short cache in front. Implementations
/// talk to the cluster's database (`PostgresSessionRevocationStore` in `SealedCookiePostgres`);
/// ``InMemorySessionRevocationStore`` is for tests and single-process apps.
///
/// The cutoff is compared with the session's start (the login), which renewal never moves, so
/// a session revoked once stays revoked however often it is renewed. A cutoff only ever moves
/// forward: a revocation never un-revokes an earlier one.
public protocol SessionRevocationStore: Sendable {
    /// The time up to which the sessions of `subject` are revoked: sessions that started (logged
    /// in) at or before it are refused, however often they were renewed since. Nil when the
    /// subject was never revoked.
    ///
    /// - Throws: Any error of the store; ``SessionRevocationList`` applies its
    ///   ``SessionRevocationList/StoreFailurePolicy``.
    func revocationCutoff(for subject: String) async throws -> Date?

    /// Revokes every session of `subject` that started (logged in) at or before `date`, renewed
    /// or not, keeping the later of the stored cutoff and `date`.
    ///
    /// - Throws: Any error of the store; the revocation did not happen.
    func revokeSessions(of subject: String, startedUpTo date: Date) async throws
}
