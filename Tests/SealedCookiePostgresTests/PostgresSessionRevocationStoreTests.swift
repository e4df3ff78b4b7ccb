import Foundation
import PostgresNIO
import SealedCookie
import SealedCookiePostgres
import Synchronization
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
            try await store.revokeSessions(of: "alice", issuedUpTo: date)
            #expect(try await store.revocationCutoff(for: "alice") == date)
            #expect(try await store.revocationCutoff(for: "bob") == nil)
            // A subject is data, never SQL.
            let odd = "x'); DROP TABLE \(table); --"
            try await store.revokeSessions(of: odd, issuedUpTo: date)
            #expect(try await store.revocationCutoff(for: odd) == date)
        }
    }

    @Test func theLaterCutoffWins() async throws {
        let early = Date(timeIntervalSince1970: 1_767_225_600)
        let late = early.addingTimeInterval(90.5)
        try await TestDatabase.withClient { [table] client in
            let store = PostgresSessionRevocationStore(client: client, table: table)
            try await store.migrate()
            try await store.revokeSessions(of: "alice", issuedUpTo: late)
            try await store.revokeSessions(of: "alice", issuedUpTo: early)
            #expect(try await store.revocationCutoff(for: "alice") == late)
            try await store.revokeSessions(of: "alice", issuedUpTo: late.addingTimeInterval(1))
            #expect(try await store.revocationCutoff(for: "alice") == late.addingTimeInterval(1))
        }
    }

    @Test func twoNodesSeeEachOthersRevocationsWithinTheStaleness() async throws {
        let now = Mutex(Date(timeIntervalSince1970: 1_767_225_600))
        let clock: @Sendable () -> Date = { now.withLock { $0 } }
        let issuedAt = clock()
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
                #expect(try await !nodeB.isRevoked("alice", issuedAt: issuedAt))
                try await nodeA.revokeSessions(of: "alice")
                #expect(try await nodeA.isRevoked("alice", issuedAt: issuedAt))
                // Node B answers from its cache until the answer is a second old.
                #expect(try await !nodeB.isRevoked("alice", issuedAt: issuedAt))
                now.withLock { $0 += 1 }
                #expect(try await nodeB.isRevoked("alice", issuedAt: issuedAt))
            }
        }
    }

    @Test(arguments: [SessionRevocationList<String>.StoreFailurePolicy.refuse, .accept])
    func anUnreachableServerGetsThePolicyWithinTheTimeout(policy: SessionRevocationList<String>.StoreFailurePolicy)
        async throws
    {
        // Nothing listens on port 1 of loopback: every connection attempt is refused.
        let unreachable = PostgresClient.Configuration(
            host: "127.0.0.1", port: 1, username: "postgres", password: nil, database: nil, tls: .disable)
        let timeouts = Mutex<[Duration]>([])
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
                    try await list.isRevoked("alice", issuedAt: Date())
                }
            case .accept:
                #expect(try await !list.isRevoked("alice", issuedAt: Date()))
            }
            // The pool keeps trying to connect; the list's timeout ends the wait, once, and is
            // reported once. (No upper bound on the time: see SessionRevocationListTests.)
            #expect(ContinuousClock.now - started >= .milliseconds(200))
        }
        #expect(timeouts.withLock { $0 } == [.milliseconds(200)])
    }
}
