public import Foundation

/// Where a cluster keeps its revocations: one "revoked up to" time per subject (typically a user
/// id), shared by every node.
///
/// ``SessionRevocationList`` reads and writes it, with a short cache in front. Implementations
/// talk to the cluster's database (`PostgresSessionRevocationStore` in `SealedCookiePostgres`);
/// ``InMemorySessionRevocationStore`` is for tests and single-process apps.
///
/// A cutoff only ever moves forward: a revocation never un-revokes an earlier one.
public protocol SessionRevocationStore: Sendable {
    /// The time up to which the sessions of `subject` are revoked: sessions issued at or before it
    /// are refused. Nil when the subject was never revoked.
    ///
    /// - Throws: Any error of the store; ``SessionRevocationList`` applies its
    ///   ``SessionRevocationList/StoreFailurePolicy``.
    func revocationCutoff(for subject: String) async throws -> Date?

    /// Revokes every session of `subject` issued at or before `date`, keeping the later of the
    /// stored cutoff and `date`.
    ///
    /// - Throws: Any error of the store; the revocation did not happen.
    func revokeSessions(of subject: String, issuedUpTo date: Date) async throws
}
