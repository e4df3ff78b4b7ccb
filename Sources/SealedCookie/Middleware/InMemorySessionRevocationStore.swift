public import Foundation
import Synchronization

/// A ``SessionRevocationStore`` in this process's memory: for tests, demos and single-process
/// apps. Nodes in other processes never see its revocations.
public final class InMemorySessionRevocationStore: SessionRevocationStore {
    private let cutoffs = Mutex<[String: Date]>([:])

    /// An empty store.
    public init() {}

    /// The stored cutoff of `subject`, if any.
    public func revocationCutoff(for subject: String) async -> Date? {
        cutoffs.withLock { $0[subject] }
    }

    /// Stores the later of the stored cutoff and `date`.
    public func revokeSessions(of subject: String, issuedUpTo date: Date) async {
        cutoffs.withLock { cutoffs in
            cutoffs[subject] = max(cutoffs[subject] ?? date, date)
        }
    }
}
