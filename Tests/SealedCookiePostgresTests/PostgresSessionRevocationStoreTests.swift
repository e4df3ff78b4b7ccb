#if PostgreSQL
import Foundation
import PostgresNIO
import SealedCookie
import SealedCookiePostgres
import Testing

/// The store against a real PostgreSQL server; skipped, with the reason, without one.
@Suite(.enabled(if: TestDatabase.url != nil, TestDatabase.skipReason))
struct PostgresSessionRevocationStoreTests {
    let table: PostgresTableName

    init() throws {
        table = try TestDatabase.freshTable()
    }

    @Test func migratingTwiceIsFineAndNothingIsCreatedImplicitly() async throws {
        try await TestDatabase.withClient { [table] client in
            let store = PostgresSessionRevocationStore(client: client, table: table)
            await #expect(throws: PSQLError.self) { try await store.revocationCutoff(for: "alice") }
            try await store.migrate()
            try await store.migrate()
            #expect(try await store.revocationCutoff(for: "alice") == nil)
        }
    }

    @Test func aRevocationReadsBack() async throws {
        let date = Date(timeIntervalSince1970: 1_767_225_600)
        try await TestDatabase.withClient { [table] client in
            let store = PostgresSessionRevocationStore(client: client, table: table)
            try await store.migrate()
            try await store.revokeSessions(of: "alice", startedUpTo: date)
            #expect(try await store.revocationCutoff(for: "alice") == date)
            #expect(try await store.revocationCutoff(for: "bob") == nil)
            // A subject is data, never SQL.
            let odd = "x'); DROP TABLE \(table); --"
            try await store.revokeSessions(of: odd, startedUpTo: date)
            #expect(try await store.revocationCutoff(for: odd) == date)
        }
    }

    @Test func theLaterCutoffWins() async throws {
        let early = Date(timeIntervalSince1970: 1_767_225_600)
        let late = early.addingTimeInterval(90.5)
        try await TestDatabase.withClient { [table] client in
            let store = PostgresSessionRevocationStore(client: client, table: table)
            try await store.migrate()
            try await store.revokeSessions(of: "alice", startedUpTo: late)
            try await store.revokeSessions(of: "alice", startedUpTo: early)
            #expect(try await store.revocationCutoff(for: "alice") == late)
            try await store.revokeSessions(of: "alice", startedUpTo: late.addingTimeInterval(1))
            #expect(try await store.revocationCutoff(for: "alice") == late.addingTimeInterval(1))
        }
    }

    @Test func twoNodesSeeEachOthersRevocationsWithinTheStaleness() async throws {
        let now = Locked(Date(timeIntervalSince1970: 1_767_225_600))
        let clock: @Sendable () -> Date = { now.withLock { $0 } }
        let startedAt = clock()
        try await TestDatabase.withClient { [table] first in
            try await TestDatabase.withClient { second in
                let (storeA, storeB) = (
                    PostgresSessionRevocationStore(client: first, table: table),
                    PostgresSessionRevocationStore(client: second, table: table)
                )
                try await storeA.migrate()
                let nodeA = try SessionRevocationList<String>(
                    store: storeA, staleness: .seconds(1), timeout: .seconds(30), clock: clock
                ) { $0 }
                let nodeB = try SessionRevocationList<String>(
                    store: storeB, staleness: .seconds(1), timeout: .seconds(30), clock: clock
                ) { $0 }
                #expect(try await !nodeB.isRevoked("alice", startedAt: startedAt))
                try await nodeA.revokeSessions(of: "alice")
                #expect(try await nodeA.isRevoked("alice", startedAt: startedAt))
                // Node B answers from its cache until the answer is a second old.
                #expect(try await !nodeB.isRevoked("alice", startedAt: startedAt))
                now.withLock { $0 += 1 }
                #expect(try await nodeB.isRevoked("alice", startedAt: startedAt))
            }
        }
    }

    /// Canonically equivalent spellings (equal as Swift strings) are two subjects for PostgreSQL,
    /// which compares bytes, and so for the list in front of it: revoking one never revokes,
    /// nor is masked by, the other, through the cache and shared lookups included.
    @Test func lookAlikeSubjectsAreTwoSubjects() async throws {
        let (victim, attacker) = ("jos\u{E9}", "jose\u{301}")
        #expect(victim == attacker, "the premise: Swift finds them equal")
        let date = Date(timeIntervalSince1970: 1_767_225_600)
        try await TestDatabase.withClient { [table] client in
            let store = PostgresSessionRevocationStore(client: client, table: table)
            try await store.migrate()
            try await store.revokeSessions(of: victim, startedUpTo: date)
            #expect(try await store.revocationCutoff(for: victim) == date)
            #expect(try await store.revocationCutoff(for: attacker) == nil)

            let list = try SessionRevocationList<String>(store: store, timeout: .seconds(30), clock: { date }) { $0 }
            // The attacker's lookup first: its "not revoked" must not answer for the victim.
            #expect(try await !list.isRevoked(attacker, startedAt: date))
            #expect(try await list.isRevoked(victim, startedAt: date))
            // Concurrent lookups (nothing cached) for the two are two lookups.
            let uncached = try SessionRevocationList<String>(
                store: store, staleness: .zero, timeout: .seconds(30), clock: { date }
            ) { $0 }
            async let attackerRevoked = uncached.isRevoked(attacker, startedAt: date)
            async let victimRevoked = uncached.isRevoked(victim, startedAt: date)
            #expect(try await (attackerRevoked, victimRevoked) == (false, true))
        }
    }

    /// A NUL character cannot be stored in `text` (the query fails), so the list refuses to
    /// revoke such a subject and never vouches for its sessions; the empty subject is stored as
    /// any other.
    @Test func aSubjectWithANulCharacterIsRefusedAndTheEmptySubjectIsOrdinary() async throws {
        let date = Date(timeIntervalSince1970: 1_767_225_600)
        try await TestDatabase.withClient { [table] client in
            let store = PostgresSessionRevocationStore(client: client, table: table)
            try await store.migrate()
            await #expect(throws: PSQLError.self) { try await store.revokeSessions(of: "a\u{0}", startedUpTo: date) }
            let list = try SessionRevocationList<String>(store: store, timeout: .seconds(30), clock: { date }) { $0 }
            await #expect(throws: SessionRevocationError.unrevocableSubject) {
                try await list.revokeSessions(of: "a\u{0}")
            }
            #expect(try await list.isRevoked("a\u{0}", startedAt: date))
            try await list.revokeSessions(of: "")
            #expect(try await store.revocationCutoff(for: "") == date)
            #expect(try await store.revocationCutoff(for: "a") == nil)
        }
    }

    @Test(arguments: [SessionRevocationList<String>.StoreFailurePolicy.refuse, .accept])
    func anUnreachableServerGetsThePolicyWithinTheTimeout(policy: SessionRevocationList<String>.StoreFailurePolicy)
        async throws
    {
        // Nothing listens on port 1 of loopback: every connection attempt is refused.
        let unreachable = PostgresClient.Configuration(
            host: "127.0.0.1", port: 1, username: "postgres", password: nil, database: nil, tls: .disable)
        let timeouts = Locked<[Duration]>([])
        try await TestDatabase.withClient(unreachable) { client async throws in
            let list = try SessionRevocationList<String>(
                store: PostgresSessionRevocationStore(client: client), timeout: .milliseconds(200),
                whenStoreFails: policy,
                onStoreEvent: { event in
                    if case .failing(SessionRevocationError.timedOut(let timeout)) = event {
                        timeouts.withLock { $0.append(timeout) }
                    }
                }
            ) { $0 }
            let started = ContinuousClock.now
            switch policy {
            case .refuse:
                await #expect(throws: SessionRevocationError.storeUnavailable) {
                    try await list.isRevoked("alice", startedAt: Date())
                }
            case .accept:
                #expect(try await !list.isRevoked("alice", startedAt: Date()))
            }
            // The pool keeps trying to connect; the list's timeout ends the wait, once, and is
            // reported once. (No upper bound on the time: see SessionRevocationListTests.)
            #expect(ContinuousClock.now - started >= .milliseconds(200))
        }
        #expect(timeouts.withLock { $0 } == [.milliseconds(200)])
    }
}
#endif
