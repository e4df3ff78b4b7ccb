public import Foundation

/// A ``SessionRevocationStore`` in this process's memory: for tests, demos and single-process
/// apps. Nodes in other processes never see its revocations. Subjects are compared by their
/// UTF-8 bytes, as PostgreSQL and SQLite compare them.
public final class InMemorySessionRevocationStore: SessionRevocationStore {
    /// By the subject's bytes, as databases compare them (see `RevocationSubject`).
    private let cutoffs = Locked<[RevocationSubject: Date]>([:])

    /// An empty store.
    public init() {}

    /// The stored cutoff of `subject`, if any.
    public func revocationCutoff(for subject: String) async -> Date? {
        cutoffs.withLock { $0[RevocationSubject(subject)] }
    }

    /// Stores the later of the stored cutoff and `date`.
    public func revokeSessions(of subject: String, startedUpTo date: Date) async {
        let subject = RevocationSubject(subject)
        cutoffs.withLock { cutoffs in
            cutoffs[subject] = max(cutoffs[subject] ?? date, date)
        }
    }
}
