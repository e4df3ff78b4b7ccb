import Foundation
import SealedCookieTestSupport
import Testing

@testable import SealedCookie

/// What a revocation list holds, however its store behaves: the cache's eviction stays cheap
/// when the cache is full of fresh entries, and a store that never answers costs a bounded
/// number of calls in flight.
@Suite struct RevocationBoundsTests {
    static let start = Date(timeIntervalSince1970: 1_767_225_600)

    /// Eviction used to sweep the whole cache on every insert once it was full of fresh entries
    /// (about 2.7 ms per insert at 20,000 in a debug build, so over 25 s here); now each record
    /// is passed over once.
    @Test func evictingFromACacheFullOfFreshEntriesIsCheap() {
        var cache = RevocationCache(capacity: 20_000, staleness: .seconds(3600))
        let started = ContinuousClock.now
        for index in 0..<30_000 {
            cache.store(
                .cutoff(nil), for: RevocationSubject("user-\(index)"),
                now: Self.start.addingTimeInterval(Double(index) / 1000))
        }
        let elapsed = ContinuousClock.now - started
        let now = Self.start.addingTimeInterval(30)
        #expect(cache.count == 20_000)
        #expect(cache.freshAnswer(for: RevocationSubject("user-9999"), now: now) == nil)
        #expect(cache.freshAnswer(for: RevocationSubject("user-10000"), now: now) == .cutoff(nil))
        #expect(elapsed < .seconds(3), "30,000 inserts took \(elapsed)")
    }

    @Test func theOldestIsTheLeastRecentlyStoredAndStaleEntriesGoFirst() {
        var cache = RevocationCache(capacity: 3, staleness: .seconds(5))
        func store(_ subject: String, at seconds: TimeInterval) {
            cache.store(.cutoff(nil), for: RevocationSubject(subject), now: Self.start.addingTimeInterval(seconds))
        }
        func cached(at seconds: TimeInterval) -> [String] {
            ["a", "b", "c", "d", "e"].filter {
                cache.freshAnswer(for: RevocationSubject($0), now: Self.start.addingTimeInterval(seconds)) != nil
            }
        }
        // Stored again many times, a subject is still one entry and young again.
        for second in 0..<1000 { store("a", at: Double(second) / 1000) }
        store("b", at: 1)
        store("c", at: 2)
        store("a", at: 3)
        store("d", at: 4)
        #expect(cached(at: 4) == ["a", "c", "d"])
        // At 7.5 s only c (stored at 2 s) is stale: it goes, and the fresh ones stay.
        store("e", at: 7.5)
        #expect(cached(at: 7.5) == ["a", "d", "e"])
        #expect(cache.count == 3)
    }

    @Test func aStoreThatNeverAnswersHoldsAtMostTheBoundOfCallsInFlight() async throws {
        let store = ScriptedRevocationStore()
        let list = try SessionRevocationList<String>(
            store: store, staleness: .zero, timeout: .milliseconds(20), whenStoreFails: .accept,
            logger: LogRecorder.discarding
        ) { $0 }
        let bound = RevocationCache.maxCallsInFlight
        try await list.revokeSessions(of: "alice", startedUpTo: Self.start)
        store.behavior.withLock { $0 = .waitForGate }
        // Batches of concurrent misses for new subjects, each call abandoned at the timeout and
        // still running: the store ignores cancellation.
        for batch in 0..<12 {
            await withTaskGroup(of: Void.self) { group in
                for index in 0..<100 {
                    group.addTask { _ = try? await list.isRevoked("user-\(batch)-\(index)", startedAt: Self.start) }
                }
            }
        }
        #expect(store.lookups == bound)
        #expect(list.storeCallsInFlight == bound)
        // Beyond the bound a miss is a failed lookup: the policy, and the cutoff already known.
        #expect(try await list.isRevoked("alice", startedAt: Self.start))
        #expect(try await !list.isRevoked("bob", startedAt: Self.start))
        #expect(store.lookups == bound)

        store.behavior.withLock { $0 = .answer }
        store.gate.open()
        let deadline = ContinuousClock.now + .seconds(30)
        while list.storeCallsInFlight > 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(list.storeCallsInFlight == 0)
        #expect(try await !list.isRevoked("bob", startedAt: Self.start))
        #expect(store.lookups == bound + 1)
    }
}
