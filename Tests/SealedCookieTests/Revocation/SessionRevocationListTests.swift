import Foundation
import SealedCookie
import SealedCookieTestSupport
import Testing

/// The cache, the timeout, the failure policies and the outage reports of the revocation list.
/// Sessions are plain strings here: the session is its own subject.
@Suite struct SessionRevocationListTests {
    let store = ScriptedRevocationStore()
    let clock = ManualClock()
    let events = StoreEvents()

    func list(
        whenStoreFails policy: SessionRevocationList<String>.StoreFailurePolicy = .refuse,
        timeout: Duration = .seconds(5), capacity: Int = 100
    ) throws -> SessionRevocationList<String> {
        try SessionRevocationList(
            store: store, staleness: .seconds(5), timeout: timeout, whenStoreFails: policy, capacity: capacity,
            clock: clock.source, logger: LogRecorder.discarding, onStoreEvent: events.record
        ) { $0 }
    }

    @Test func settingsOutOfRangeAreRefusedWithTheirName() throws {
        func setting(_ make: () throws -> SessionRevocationList<String>) -> String? {
            do {
                _ = try make()
                return nil
            } catch {
                guard case .invalidConfiguration(let setting, _) = error as? SessionRevocationError else {
                    return "\(error)"
                }
                return setting
            }
        }
        #expect(setting { try SessionRevocationList(store: store, staleness: .seconds(-1)) { $0 } } == "staleness")
        #expect(setting { try SessionRevocationList(store: store, staleness: .seconds(3601)) { $0 } } == "staleness")
        #expect(setting { try SessionRevocationList(store: store, timeout: .zero) { $0 } } == "timeout")
        #expect(setting { try SessionRevocationList(store: store, timeout: .seconds(61)) { $0 } } == "timeout")
        #expect(setting { try SessionRevocationList(store: store, capacity: 0) { $0 } } == "capacity")
        #expect(
            setting { try SessionRevocationList(store: store, staleness: .zero, timeout: .seconds(60)) { $0 } } == nil)
        #expect(
            setting { try SessionRevocationList(store: store, timeout: .milliseconds(1), capacity: 1) { $0 } } == nil)
    }

    @Test func sessionsStartedUpToTheCutoffAreRevoked() async throws {
        let list = try list()
        try await list.revokeSessions(of: "alice")
        #expect(try await list.isRevoked("alice", startedAt: clock.now))
        #expect(try await !list.isRevoked("alice", startedAt: clock.now.addingTimeInterval(1)))
        #expect(try await !list.isRevoked("bob", startedAt: clock.now))
    }

    @Test func aFreshAnswerMakesNoStoreCallAndAStaleOneAsksAgain() async throws {
        let list = try list()
        #expect(try await !list.isRevoked("alice", startedAt: clock.now))
        clock.advance(by: 4.9)
        #expect(try await !list.isRevoked("alice", startedAt: clock.now))
        #expect(store.lookups == 1)
        clock.advance(by: 0.1)
        #expect(try await !list.isRevoked("alice", startedAt: clock.now))
        #expect(store.lookups == 2)
    }

    @Test func anotherNodesRevocationIsSeenOnceTheAnswerIsStale() async throws {
        let (here, there) = (try list(), try list())
        let startedAt = clock.now
        #expect(try await !here.isRevoked("alice", startedAt: startedAt))
        try await there.revokeSessions(of: "alice")
        // The staleness window: this node still accepts the session it just looked up.
        #expect(try await !here.isRevoked("alice", startedAt: startedAt))
        clock.advance(by: 5)
        #expect(try await here.isRevoked("alice", startedAt: startedAt))
    }

    @Test func revokingUpdatesThisNodesCacheAtOnce() async throws {
        let list = try list()
        let startedAt = clock.now
        #expect(try await !list.isRevoked("alice", startedAt: startedAt))
        try await list.revokeSessions(of: "alice")
        #expect(try await list.isRevoked("alice", startedAt: startedAt))
        #expect(store.lookups == 1)
    }

    @Test func aCutoffNeverMovesBack() async throws {
        let list = try list()
        try await list.revokeSessions(of: "alice", startedUpTo: clock.now)
        try await list.revokeSessions(of: "alice", startedUpTo: clock.now.addingTimeInterval(-60))
        #expect(try await list.isRevoked("alice", startedAt: clock.now))
        clock.advance(by: 5)
        #expect(try await list.isRevoked("alice", startedAt: clock.now.addingTimeInterval(-5)))
    }

    @Test func theDefaultPolicyRefusesWhenTheStoreFails() async throws {
        store.behavior.withLock { $0 = .fail }
        let list = try SessionRevocationList<String>(
            store: store, logger: LogRecorder.discarding, onStoreEvent: events.record
        ) { $0 }
        await #expect(throws: SessionRevocationError.storeUnavailable) {
            try await list.isRevoked("alice", startedAt: clock.now)
        }
    }

    @Test func theAcceptPolicyAcceptsWhenTheStoreFails() async throws {
        store.behavior.withLock { $0 = .fail }
        let accepting = try list(whenStoreFails: .accept)
        #expect(try await !accepting.isRevoked("alice", startedAt: clock.now))
    }

    @Test func aFailureIsAnsweredByThePolicyUntilStaleThenTriedAgain() async throws {
        store.behavior.withLock { $0 = .fail }
        let list = try list(whenStoreFails: .accept)
        for _ in 0..<3 { #expect(try await !list.isRevoked("alice", startedAt: clock.now)) }
        #expect(store.lookups == 1)
        clock.advance(by: 5)
        #expect(try await !list.isRevoked("alice", startedAt: clock.now))
        #expect(store.lookups == 2)
    }

    @Test(arguments: [SessionRevocationList<String>.StoreFailurePolicy.accept, .refuse])
    func aFailedLookupNeverReplacesACutoffThisNodeKnew(policy: SessionRevocationList<String>.StoreFailurePolicy)
        async throws
    {
        let (here, there) = (try list(whenStoreFails: policy), try list())
        let cutoff = clock.now
        // Known here through its own revocation (alice) and through a lookup (bob).
        try await here.revokeSessions(of: "alice")
        try await there.revokeSessions(of: "bob")
        #expect(try await here.isRevoked("bob", startedAt: cutoff))
        store.behavior.withLock { $0 = .fail }
        // Two staleness windows of failed lookups, then the store answers again.
        for behavior in [ScriptedRevocationStore.Behavior.fail, .fail, .answer] {
            clock.advance(by: 5)
            store.behavior.withLock { $0 = behavior }
            for user in ["alice", "bob"] {
                #expect(try await here.isRevoked(user, startedAt: cutoff), "\(user), store \(behavior)")
                let later = cutoff.addingTimeInterval(1)
                switch (behavior, policy) {
                case (.fail, .refuse):
                    await #expect(throws: SessionRevocationError.storeUnavailable) {
                        try await here.isRevoked(user, startedAt: later)
                    }
                default:
                    #expect(try await !here.isRevoked(user, startedAt: later))
                }
            }
        }
    }

    @Test func aSlowStoreIsAbandonedAtTheTimeout() async throws {
        store.behavior.withLock { $0 = .waitForGate }
        defer { store.gate.open() }
        let list = try list(timeout: .milliseconds(50))
        let started = ContinuousClock.now
        await #expect(throws: SessionRevocationError.storeUnavailable) {
            try await list.isRevoked("alice", startedAt: clock.now)
        }
        // The store never answered (the gate opens after) and ignores cancellation: only the
        // timeout ended the wait. No upper bound on the time: with the rest of the suite running,
        // a 2-core machine's cooperative pool can be busy for seconds (the cluster test measures
        // the wait on idle nodes: the timeout plus a few milliseconds).
        #expect(ContinuousClock.now - started >= .milliseconds(50))
        #expect(events.all == ["timed out after 0.05 seconds"])
    }

    @Test func anOutageIsReportedOnceAndSoIsTheRecovery() async throws {
        let list = try list(whenStoreFails: .accept)
        store.behavior.withLock { $0 = .fail }
        for user in ["a", "b", "c"] { _ = try await list.isRevoked(user, startedAt: clock.now) }
        #expect(events.all == ["failing"])
        store.behavior.withLock { $0 = .answer }
        for user in ["d", "e"] { _ = try await list.isRevoked(user, startedAt: clock.now) }
        #expect(events.all == ["failing", "recovered"])
        store.behavior.withLock { $0 = .fail }
        _ = try await list.isRevoked("f", startedAt: clock.now)
        #expect(events.all == ["failing", "recovered", "failing"])
    }

    @Test func theCacheHoldsAtMostItsCapacityDroppingTheOldest() async throws {
        let list = try list(capacity: 3)
        for user in ["a", "b", "c", "d"] {
            _ = try await list.isRevoked(user, startedAt: clock.now)
            clock.advance(by: 1)
        }
        #expect(list.cachedSubjectCount == 3)
        #expect(store.lookups == 4)
        _ = try await list.isRevoked("d", startedAt: clock.now)
        #expect(store.lookups == 4)
        _ = try await list.isRevoked("a", startedAt: clock.now)
        #expect(store.lookups == 5)
        #expect(list.cachedSubjectCount == 3)
    }

    @Test func concurrentMissesForOneSubjectShareOneLookup() async throws {
        store.behavior.withLock { $0 = .waitForGate }
        // A timeout far off: this test is about sharing, not about a busy machine's scheduling.
        let list = try list(timeout: .seconds(60))
        let now = clock.now
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<10 { group.addTask { try await list.isRevoked("alice", startedAt: now) } }
            // Well under the timeout: long enough for every request to join the lookup.
            try await Task.sleep(for: .milliseconds(100))
            store.gate.open()
            for try await isRevoked in group { #expect(!isRevoked) }
        }
        #expect(store.lookups == 1)
    }
}
